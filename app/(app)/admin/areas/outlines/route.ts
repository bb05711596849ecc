import { MAX_GEOJSON_BYTES, uploadAreaOutlines } from "@/lib/areas/outlines";
import { receiveTextFile } from "@/lib/http/file-upload";

// Kommundel outlines as a GeoJSON file: the one upload over the server actions' 1 MB limit.
export async function POST(request: Request) {
  return receiveTextFile(request, {
    maxBytes: MAX_GEOJSON_BYTES,
    tooLarge: "Filen är större än 5 MB.",
    revalidate: "/admin/areas",
    run: uploadAreaOutlines,
  });
}
