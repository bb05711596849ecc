import { monthReportDocument } from "@/lib/documents/catalogue";
import { pdfResponse } from "@/lib/documents/pdf";
import { DomainError } from "@/lib/errors";
import { isPeriodKey } from "@/lib/time/periods";

/** The month report as a PDF, printed as it stands. */
export async function GET(request: Request, { params }: { params: Promise<{ month: string }> }) {
  const { month } = await params;
  return pdfResponse(request, async (viewer) => {
    if (!isPeriodKey(month, "month")) throw new DomainError("NOT_FOUND", "");
    return (await monthReportDocument(viewer, month)).doc;
  });
}
