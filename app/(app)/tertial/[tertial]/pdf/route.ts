import { tertialDocument } from "@/lib/documents/catalogue";
import { pdfResponse } from "@/lib/documents/pdf";

/** The tertial analysis as a PDF: the archived one once approved, a fresh draft before. */
export async function GET(request: Request, { params }: { params: Promise<{ tertial: string }> }) {
  const { tertial } = await params;
  return pdfResponse(request, async (viewer) => (await tertialDocument(viewer, tertial)).doc);
}
