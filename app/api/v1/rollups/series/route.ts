import { apiJson, authorizeToken } from "@/lib/api/token-request";
import { queryErrors } from "@/lib/api/schemas";
import { recordAudit } from "@/lib/audit/mutations";
import { rollupSeries, seriesCsv } from "@/lib/rollups/queries";
import { ZSeriesQuery } from "@/lib/rollups/schema";

/**
 * A run of periods in one call: `GET /api/v1/rollups/series?municipality=<slug>&from=2025-W01&to=2026-W52&by=area`
 * (weeks, months, quarters, tertials or years – the kind of `from`). Each period as
 * `/api/v1/rollups` gives it, with its coverage. Same scope, audit and 404 rule as that route.
 */
export async function GET(request: Request) {
  const auth = await authorizeToken(request, "rollup:read");
  if (!auth.ok) return auth.response;
  const { caller } = auth;
  const parsed = ZSeriesQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiJson(queryErrors(parsed.error, "by"), 400);
  const { municipality, from, to, by, format, excel } = parsed.data;
  const audit = { userId: null, municipalityId: caller.municipalityId, action: "rollup:read", entityType: "api_token", entityId: caller.tokenId };
  if (municipality !== caller.municipalitySlug) {
    await recordAudit({ ...audit, outcome: "DENIED", details: { municipality, from, to } });
    return apiJson({ error: "Kommunen finns inte." }, 404);
  }
  await recordAudit({ ...audit, details: { from, to, by } });
  const series = await rollupSeries({ id: caller.municipalityId, slug: caller.municipalitySlug }, from, to, by);
  if (format === "csv") return new Response(seriesCsv(series, by, { excel: excel === "1" }), { headers: { "Cache-Control": "no-store", "Content-Type": "text/csv; charset=utf-8" } });
  return apiJson(series);
}
