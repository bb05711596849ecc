import { lawDocument } from "@/lib/documents/catalogue";
import { pdfResponse } from "@/lib/documents/pdf";
import { DomainError } from "@/lib/errors";

/** The lägesbild och åtgärdsplan as a PDF: an adopted version as archived, a draft fresh. */
export async function GET(request: Request, { params }: { params: Promise<{ period: string }> }) {
  const { period } = await params;
  const version = new URL(request.url).searchParams.get("version");
  return pdfResponse(request, async (viewer) => {
    if (version !== null && !/^[1-9]\d{0,3}$/.test(version)) throw new DomainError("NOT_FOUND", "");
    return (await lawDocument(viewer, period, version === null ? undefined : Number(version))).doc;
  });
}
