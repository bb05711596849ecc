import { apiJson, authorizeToken } from "@/lib/api/token-request";
import { queryErrors } from "@/lib/api/schemas";
import { recordAudit } from "@/lib/audit/mutations";
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
  const auth = await authorizeToken(request, "rollup:read");
  if (!auth.ok) return auth.response;
  const { caller } = auth;
  const parsed = ZRollupQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiJson(queryErrors(parsed.error, "by"), 400);
  const { municipality, period, by, format, excel } = parsed.data;
  // Every read is in the access log, and so is a token asking for another municipality (issue 26).
  const audit = { userId: null, municipalityId: caller.municipalityId, action: "rollup:read", entityType: "api_token", entityId: caller.tokenId };
  if (municipality !== caller.municipalitySlug) {
    await recordAudit({ ...audit, outcome: "DENIED", details: { municipality, period } });
    return apiJson({ error: "Kommunen finns inte." }, 404);
  }
  await recordAudit({ ...audit, details: { period, by } });
  try {
    const result = await rollup(municipality, period, by);
    if (format === "csv") return new Response(rollupCsv(result, by, { excel: excel === "1" }), { headers: { "Cache-Control": "no-store", "Content-Type": "text/csv; charset=utf-8" } });
    return apiJson(result);
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") return apiJson({ error: error.message }, 404);
    throw error;
  }
}
