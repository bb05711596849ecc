import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import { rollupCounts } from "@/lib/rollups/queries";
import { surveyUncertainty } from "@/lib/figures/survey";


/** The survey series with their values, and the incidents of the same years for comparison. */
export async function listContextSeries(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "tertial:view", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte, eller så har du inte behörighet att se den.");
  const series = await db().contextSeries.findMany({
    where: { municipalityId },
    select: { id: true, source: true, name: true, unit: true, values: { select: { periodKey: true, areaName: true, subgroup: true, value: true, respondents: true }, orderBy: [{ periodKey: "asc" }, { areaName: "asc" }, { subgroup: "asc" }] } },
    orderBy: [{ source: "asc" }, { name: "asc" }],
  });
  const years = [...new Set(series.flatMap((s) => s.values.map((v) => v.periodKey.slice(0, 4))))].sort();
  // A year is its three tertials, each read from the monthly rollup table.
  const incidents = Object.fromEntries(
    await Promise.all(years.map(async (y) => {
      const parts = await Promise.all(["T1", "T2", "T3"].map((t) => rollupCounts([municipalityId], `${y}-${t}`, [])));
      return [y, parts.flat().reduce((s, r) => s + r.events, 0)] as const;
    })),
  );
  return {
    years,
    incidents,
    series: series.map((s) => ({
      ...s,
      // A share carries its 95 % interval; uncertainty follows from it (lib/figures/survey.ts).
      values: s.values.map((v) => ({ ...v, ...surveyUncertainty(v.value, s.unit, v.respondents) })),
    })),
  };
}
