import { clientAddress } from "@/lib/http/client-address";
import { authenticateApiToken } from "@/lib/api-tokens/tokens";
import { recordAudit } from "@/lib/audit/mutations";
import { isExpectedError } from "@/lib/errors";
import { rollup, rollupCsv, ZRollupQuery } from "@/lib/rollups/queries";

const headers = { "Cache-Control": "no-store" };

/**
 * Counts for BI tools: `GET /api/v1/rollups?municipality=<slug>&period=<key>&by=area,category`
 * with `Authorization: Bearer <token>`; `&format=csv` for CSV (`&excel=1`: with a byte-order mark
 * and semicolons, as Excel with Swedish settings opens it). A token reads its own
 * municipality only; any other answers 404, as if it did not exist.
 */
export async function GET(request: Request) {
  const caller = await authenticateApiToken(request.headers.get("authorization"), clientAddress((name) => request.headers.get(name)));
  if (!caller) return Response.json({ error: "Ogiltig eller återkallad API-nyckel." }, { status: 401, headers });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = ZRollupQuery.safeParse({ municipality: params.municipality ?? "", period: params.period ?? "", by: params.by });
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? "by"), reason: i.message }));
    return Response.json({ error: "Ogiltig fråga.", errors }, { status: 400, headers });
  }
  const { municipality, period, by } = parsed.data;
  // Every read is in the access log, and so is a token asking for another municipality (issue 26).
  const audit = { userId: null, municipalityId: caller.municipalityId, action: "rollup:read", entityType: "api_token", entityId: caller.tokenId };
  if (municipality !== caller.municipalitySlug) {
    await recordAudit({ ...audit, outcome: "DENIED", details: { municipality, period } });
    return Response.json({ error: "Kommunen finns inte." }, { status: 404, headers });
  }
  await recordAudit({ ...audit, details: { period, by } });
  try {
    const result = await rollup(municipality, period, by);
    if (params.format === "csv") return new Response(rollupCsv(result, by, { excel: params.excel === "1" }), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
    return Response.json(result, { headers });
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") return Response.json({ error: error.message }, { status: 404, headers });
    throw error;
  }
}
