import { openApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 document of /api/v1. Public: it describes the API, it holds no data. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
