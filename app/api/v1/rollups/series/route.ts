import { apiJson, authorizeRollupRead } from "@/lib/api/token-request";
import { rollupSeries, seriesCsv } from "@/lib/rollups/queries";
import { ZSeriesQuery } from "@/lib/rollups/schema";

/**
 * A run of periods in one call: `GET /api/v1/rollups/series?municipality=<slug>&from=2025-W01&to=2026-W52&by=area`
 * (weeks, months, quarters, tertials or years – the kind of `from`). Each period as
 * `/api/v1/rollups` gives it, with its coverage. Same scope, audit and 404 rule as that route.
 */
export async function GET(request: Request) {
  const auth = await authorizeRollupRead(request, ZSeriesQuery, {
    allowed: ({ from, to, by }) => ({ from, to, by }),
    denied: ({ from, to }) => ({ from, to }),
  });
  if (!auth.ok) return auth.response;
  const { caller, query } = auth;
  const { from, to, by, format, excel } = query;
  const series = await rollupSeries({ id: caller.municipalityId, slug: caller.municipalitySlug }, from, to, by);
  if (format === "csv") return new Response(seriesCsv(series, by, { excel: excel === "1" }), { headers: { "Cache-Control": "no-store", "Content-Type": "text/csv; charset=utf-8" } });
  return apiJson(series);
}
