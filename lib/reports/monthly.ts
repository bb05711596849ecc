import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import type { Sides } from "@/lib/analysis/build";
import { getCoverageOfRanges } from "@/lib/coverage/queries";
import { periodWindows } from "@/lib/coverage/windows";
import { isUncertainRate } from "@/lib/figures/rules";
import { localDayRange, periodRange, samePeriodLastYear, shiftPeriod, weeksIn } from "@/lib/time/periods";
import { fromStockholmWall } from "@/lib/time/zone";

/**
 * The monthly area report (the seed's "EST lägesbild månadsrapport"): per kommundel, the month's
 * incidents against the month before and the same month last year, by category, the places with
 * most incidents, and the area statuses from the month's published weekly lägesbilder. While the
 * month runs, the earlier months are counted over as many days from their start, and each
 * comparison carries the reporting coverage of its sides (ADR 017).
 */
export async function getMonthlyAreaReport(viewer: Viewer, municipalityId: string, month: string, now = new Date()) {
  if (!can(viewer, "tertial:view", { municipalityId })) throw new DomainError("NOT_FOUND", "Rapporten finns inte, eller så har du inte behörighet att se den.");
  const { ongoing, through, windows } = periodWindows(month, { previous: shiftPeriod(month, -1), lastYear: samePeriodLastYear(month) }, now);
  const own = localDayRange(month);
  const dayRanges = { current: { from: own.from, until: own.to }, ...windows };
  const instants = ({ from, until }: { from: string; until: string }) => {
    const [a, b] = [from, until].map((d) => d.split("-").map(Number) as [number, number, number]);
    return { start: fromStockholmWall(...a!), end: fromStockholmWall(...b!) };
  };
  const ranges = { current: periodRange(month), previous: instants(dayRanges.previous), lastYear: instants(dayRanges.lastYear) };
  // Events, not reports (ADR 018): a report that begins an event counts; its copies do not.
  const counts = (r: { start: Date; end: Date }) =>
    db().incident.groupBy({ by: ["areaId", "categoryId"], where: { municipalityId, status: "ACTIVE", eventStart: true, occurredAt: { gte: r.start, lt: r.end } }, _count: { _all: true } });
  const [coverage, areas, categories, current, previous, lastYear, places, statuses] = await Promise.all([
    getCoverageOfRanges(municipalityId, Object.entries(dayRanges).map(([key, r]) => ({ key, ...r })), now),
    db().area.findMany({ where: { municipalityId }, select: { id: true, name: true, isFocus: true, population: true }, orderBy: [{ isFocus: "desc" }, { name: "asc" }] }),
    db().incidentCategory.findMany({ where: { municipalityId, parentId: null }, select: { id: true, label: true }, orderBy: { sortOrder: "asc" } }),
    counts(ranges.current),
    counts(ranges.previous),
    counts(ranges.lastYear),
    // Places by their key (one place however it is spelt), as most of their reports spell them.
    db().$queryRaw<{ areaId: string; place: string; n: number }[]>`
      SELECT "areaId", mode() WITHIN GROUP (ORDER BY "place") AS "place", count(*) FILTER (WHERE "eventStart")::int AS "n"
      FROM "incident"
      WHERE "municipalityId" = ${municipalityId}::uuid AND "status" = 'ACTIVE' AND "occurredAt" >= ${ranges.current.start} AND "occurredAt" < ${ranges.current.end}
      GROUP BY "areaId", "placeKey" ORDER BY 3 DESC, 2 LIMIT 200`,
    db().lagesbildAreaStatus.findMany({
      where: { lagesbild: { municipalityId, status: "PUBLISHED", periodKey: { in: weeksIn(month) } } },
      select: { areaId: true, level: true, reason: true, lagesbild: { select: { periodKey: true, group: { select: { name: true } } } } },
      orderBy: { lagesbild: { periodKey: "asc" } },
    }),
  ]);
  const sum = (rows: typeof current, areaId: string, categoryId?: string) =>
    rows.filter((r) => r.areaId === areaId && (!categoryId || r.categoryId === categoryId)).reduce((s, r) => s + r._count._all, 0);
  const sides = (before: "previous" | "lastYear"): Sides => ({ now: coverage.current, before: coverage[before], sameWindow: ongoing });
  return {
    month,
    through,
    coverage: coverage.current!,
    against: { previous: sides("previous"), lastYear: sides("lastYear") },
    categories,
    areas: areas.map((a) => ({
      ...a,
      total: sum(current, a.id),
      previous: sum(previous, a.id),
      lastYear: sum(lastYear, a.id),
      perThousand: a.population ? { value: (sum(current, a.id) / a.population) * 1000, uncertain: isUncertainRate(sum(current, a.id), a.population) } : null,
      byCategory: categories.map((c) => ({ categoryId: c.id, count: sum(current, a.id, c.id), previous: sum(previous, a.id, c.id) })),
      topPlaces: places.filter((p) => p.areaId === a.id).slice(0, 5).map((p) => ({ place: p.place, count: p.n })),
      statuses: statuses.filter((s) => s.areaId === a.id).map((s) => ({ week: s.lagesbild.periodKey, group: s.lagesbild.group.name, level: s.level, reason: s.reason })),
    })),
  };
}
