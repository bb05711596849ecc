import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Sides } from "@/lib/analysis/build";
import { getCoverageOfRanges } from "@/lib/coverage/queries";
import { periodWindows } from "@/lib/coverage/windows";
import { localDayRange, samePeriodLastYear, shiftPeriod } from "@/lib/time/periods";
import { countIncidentDays, rollupCounts } from "./queries";

/**
 * The lokalpolisområde view: one period's events for every municipality the viewer takes part
 * in, side by side, with the previous period, the same period last year and the category mix.
 * While the period is ongoing, the earlier periods are counted over the same number of days; each
 * municipality's comparisons carry its own reporting coverage (ADR 017).
 */
export async function getRollupAcross(viewer: Viewer, period: string, now = new Date()) {
  const memberships = viewer.memberships.filter((m) => can(viewer, "rollup:view", { municipalityId: m.municipalityId }));
  const ids = memberships.map((m) => m.municipalityId);
  if (ids.length === 0) return { municipalities: [], categories: [], through: null };
  // The earlier periods' days: whole, or – while this one runs – as many days from their start.
  const { ongoing, through, windows } = periodWindows(period, { previous: shiftPeriod(period, -1), lastYear: samePeriodLastYear(period) }, now);
  const own = localDayRange(period);
  const ranges = [
    { key: "now", from: own.from, until: own.to },
    { key: "previous", ...windows.previous },
    { key: "lastYear", ...windows.lastYear },
  ];
  const [current, municipalities, categories, perMunicipality] = await Promise.all([
    rollupCounts(ids, period, ["category"]),
    db().municipality.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, name: true, population: true }, orderBy: { name: "asc" } }),
    db().incidentCategory.findMany({ where: { municipalityId: { in: ids }, parentId: null }, select: { id: true, code: true, label: true, sortOrder: true } }),
    Promise.all(
      ids.map(async (id) => {
        const [coverage, previous, lastYear] = await Promise.all([
          getCoverageOfRanges(id, ranges, now),
          countIncidentDays(id, { from: ranges[1]!.from, to: ranges[1]!.until }),
          countIncidentDays(id, { from: ranges[2]!.from, to: ranges[2]!.until }),
        ]);
        return [id, { coverage, previous, lastYear }] as const;
      }),
    ).then((entries) => new Map(entries)),
  ]);
  // Categories are per municipality; they line up by code.
  const codes = [...new Map(categories.sort((a, b) => a.sortOrder - b.sortOrder).map((c) => [c.code, c.label])).entries()].map(([code, label]) => ({ code, label }));
  const codeOf = new Map(categories.map((c) => [c.id, c.code]));
  // Everything is counted in events (ADR 018); the reports are shown beside the count.
  const sum = (rows: { municipalityId: string; n: number; events: number }[], id: string, of: "n" | "events") =>
    rows.filter((r) => r.municipalityId === id).reduce((s, r) => s + r[of], 0);
  return {
    categories: codes,
    through,
    municipalities: municipalities.map((m) => {
      const count = sum(current, m.id, "events");
      const { coverage, previous: before, lastYear: yearBefore } = perMunicipality.get(m.id)!;
      const [previous, lastYear] = [before.events, yearBefore.events];
      const sides = (before: "previous" | "lastYear"): Sides => ({ now: coverage.now, before: coverage[before], sameWindow: ongoing });
      const reported = coverage.now!.share !== null;
      return {
        ...m,
        count,
        reports: sum(current, m.id, "n"),
        previous,
        lastYear,
        coverage: coverage.now!,
        against: { previous: sides("previous"), lastYear: sides("lastYear") },
        // No rate for a municipality that did not report: it would read as "safe".
        perThousand: m.population && reported ? (count / m.population) * 1000 : null,
        byCategory: Object.fromEntries(codes.map((c) => [c.code, current.filter((r) => r.municipalityId === m.id && codeOf.get(r.categoryId!) === c.code).reduce((s, r) => s + r.events, 0)])),
      };
    }),
  };
}
