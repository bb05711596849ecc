import { importContextFile, MAX_CONTEXT_BYTES } from "@/lib/context/import";
import { receiveTextFile } from "@/lib/http/file-upload";

// A survey CSV (EST kontextserie-CSV v1) or Kolada's indicator JSON, sent as the request's body.
export async function POST(request: Request) {
  return receiveTextFile(request, {
    maxBytes: MAX_CONTEXT_BYTES,
    tooLarge: "Filen är för stor (högst 2 MB).",
    revalidate: "/kontext",
    run: importContextFile,
  });
}
