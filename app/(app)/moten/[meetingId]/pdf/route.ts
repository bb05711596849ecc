import { minutesDocument } from "@/lib/documents/catalogue";
import { pdfResponse } from "@/lib/documents/pdf";

/** A meeting's agenda and minutes as a PDF: approved minutes as archived, others fresh. */
export async function GET(request: Request, { params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  return pdfResponse(request, async (viewer) => (await minutesDocument(viewer, meetingId)).doc);
}
