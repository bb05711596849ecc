import { apiJson, authorizeRollupRead } from "@/lib/api/token-request";
import { isExpectedError } from "@/lib/errors";
import { rollup, rollupCsv, ZRollupQuery } from "@/lib/rollups/queries";

/**
 * Counts for BI tools: `GET /api/v1/rollups?municipality=<slug>&period=<key>&by=area,category`
 * with `Authorization: Bearer <token>`; `&format=csv` for CSV (`&excel=1`: with a byte-order mark
 * and semicolons, as Excel with Swedish settings opens it). A token reads its own
 * municipality only; any other answers 404, as if it did not exist. Described in the OpenAPI
 * document (lib/api/openapi.ts).
 */
export async function GET(request: Request) {
  const auth = await authorizeRollupRead(request, ZRollupQuery, {
    allowed: ({ period, by }) => ({ period, by }),
    denied: ({ period }) => ({ period }),
  });
  if (!auth.ok) return auth.response;
  const { municipality, period, by, format, excel } = auth.query;
  try {
    const result = await rollup(municipality, period, by);
    if (format === "csv") return new Response(rollupCsv(result, by, { excel: excel === "1" }), { headers: { "Cache-Control": "no-store", "Content-Type": "text/csv; charset=utf-8" } });
    return apiJson(result);
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") return apiJson({ error: error.message }, 404);
    throw error;
  }
}
