import { lagesbildDocument } from "@/lib/documents/catalogue";
import { pdfResponse } from "@/lib/documents/pdf";
import { DomainError } from "@/lib/errors";
import { isPeriodKey } from "@/lib/time/periods";

/** The week's lägesbild as a PDF: the archived one once published, a fresh draft before. */
export async function GET(request: Request, { params }: { params: Promise<{ groupId: string; week: string }> }) {
  const { groupId, week } = await params;
  return pdfResponse(request, async (viewer) => {
    if (!isPeriodKey(week, "week")) throw new DomainError("NOT_FOUND", "");
    return (await lagesbildDocument(viewer, groupId, week)).doc;
  });
}
