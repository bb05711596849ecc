import { quarterPackDocument } from "@/lib/documents/catalogue";
import { pdfResponse } from "@/lib/documents/pdf";
import { DomainError } from "@/lib/errors";
import { isPeriodKey } from "@/lib/time/periods";

/** The Fördjupning group's quarterly pack as a PDF, printed as it stands. */
export async function GET(request: Request, { params }: { params: Promise<{ groupId: string; quarter: string }> }) {
  const { groupId, quarter } = await params;
  return pdfResponse(request, async (viewer) => {
    if (!isPeriodKey(quarter, "quarter")) throw new DomainError("NOT_FOUND", "");
    return (await quarterPackDocument(viewer, groupId, quarter)).doc;
  });
}
