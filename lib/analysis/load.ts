import "server-only";
import { sourceSummary } from "@/lib/tips/sources";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatPeriod, localDayRange, parsePeriod, periodRange, samePeriodLastYear, shiftPeriod, weeksIn } from "@/lib/time/periods";
import { getCoverageOfRanges, getCoverages } from "@/lib/coverage/queries";
import { periodWindows } from "@/lib/coverage/windows";
import { buildAnalysis, type Analysis, type AnalysisInput, type AnalysisKind } from "./build";

const PERIODS_SHOWN = 6;
const dayKey = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Loads everything an analysis needs for a municipality and period (tertial or quarter),
 * optionally narrowed to some areas (a Fördjupning pack), and builds it. Counts come from the
 * monthly rollup table; patterns and hotspots from the period's incidents through their index.
 */
export async function computeAnalysis(municipalityId: string, period: string, areaIds?: string[], client: Prisma.TransactionClient = db(), now = new Date()) {
  const kind = parsePeriod(period).kind as AnalysisKind;
  const periods = Array.from({ length: PERIODS_SHOWN }, (_, i) => shiftPeriod(period, i - (PERIODS_SHOWN - 1)));
  const { start, end } = periodRange(period);
  const months = { from: localDayRange(periods[0]!).from, to: localDayRange(period).to };
  const inAreas = areaIds ? Prisma.sql`AND "areaId" = ANY(${areaIds}::uuid[])` : Prisma.empty;
  const areaWhere = areaIds ? { id: { in: areaIds } } : {};

  const [{ coverage, through, windowCounts, beforeCoverage }, areas, categories, monthly, weekdayHour, hotspots, statuses, measures, indicators, insatser, goals] = await Promise.all([
    comparisonBasis(municipalityId, periods, samePeriodLastYear(period), inAreas, client, now),
    client.area.findMany({ where: { municipalityId, ...areaWhere }, select: { id: true, name: true, population: true, isFocus: true }, orderBy: [{ isFocus: "desc" }, { name: "asc" }] }),
    client.incidentCategory.findMany({ where: { municipalityId, parentId: null }, select: { id: true, code: true, label: true }, orderBy: { sortOrder: "asc" } }),
    // Every figure counts events, not reports (ADR 018): the rollups' "events", the reports that
    // begin an event, and places by their key (the spelling most reports used is shown).
    client.$queryRaw<{ month: Date; areaId: string; categoryId: string; n: number }[]>`
      SELECT "month", "areaId", "categoryId", "events" AS "n" FROM "incident_month_count"
      WHERE "municipalityId" = ${municipalityId}::uuid AND "month" >= ${months.from}::date AND "month" < ${months.to}::date AND "events" <> 0 ${inAreas}`,
    client.$queryRaw<{ weekday: number; hour: number; n: number }[]>`
      SELECT extract(isodow FROM "occurredAt" AT TIME ZONE 'Europe/Stockholm')::int AS "weekday",
             extract(hour FROM "occurredAt" AT TIME ZONE 'Europe/Stockholm')::int AS "hour", count(*)::int AS "n"
      FROM "incident"
      WHERE "municipalityId" = ${municipalityId}::uuid AND "status" = 'ACTIVE' AND "eventStart" AND "occurredAt" >= ${start} AND "occurredAt" < ${end} ${inAreas}
      GROUP BY 1, 2`,
    client.$queryRaw<{ areaId: string; place: string; n: number }[]>`
      SELECT "areaId", mode() WITHIN GROUP (ORDER BY "place") AS "place", count(*) FILTER (WHERE "eventStart")::int AS "n"
      FROM "incident"
      WHERE "municipalityId" = ${municipalityId}::uuid AND "status" = 'ACTIVE' AND "occurredAt" >= ${start} AND "occurredAt" < ${end} ${inAreas}
      GROUP BY "areaId", "placeKey"
      ORDER BY 3 DESC, 2
      LIMIT 50`,
    client.lagesbildAreaStatus.findMany({
      where: { ...(areaIds ? { areaId: { in: areaIds } } : {}), lagesbild: { municipalityId, status: "PUBLISHED", periodKey: { in: weeksIn(period) } } },
      select: { areaId: true, level: true, reason: true, lagesbild: { select: { periodKey: true, group: { select: { name: true } } } } },
      orderBy: { lagesbild: { periodKey: "asc" } },
    }),
    client.measure.findMany({
      where: {
        municipalityId,
        ...(areaIds ? { areaId: { in: areaIds } } : {}),
        OR: [
          { startDate: { gte: start, lt: end } },
          { startDate: null, createdAt: { gte: start, lt: end } },
          { status: "DONE", updatedAt: { gte: start, lt: end } },
          ...(areaIds ? [{ status: { in: ["PLANNED" as const, "ONGOING" as const] } }] : []),
        ],
      },
      select: {
        id: true, title: true, areaId: true, goalId: true, status: true, startDate: true, dueDate: true, createdAt: true, updatedAt: true,
        effectVerdict: true, effectJudgement: true, ownerOrg: { select: { name: true } },
      },
      orderBy: [{ startDate: "asc" }, { createdAt: "asc" }],
    }),
    client.indicator.findMany({
      where: { municipalityId, ...(areaIds ? { OR: [{ areaId: { in: areaIds } }, { goal: { areaId: { in: areaIds } } }] } : {}) },
      select: {
        id: true, name: true, ownerBoard: true, unit: true, areaId: true, direction: true, baseline: true, target: true,
        values: { where: { recordedAt: { lt: end }, areaId: null }, select: { periodKey: true, value: true }, orderBy: { recordedAt: "desc" }, take: 1 },
      },
      orderBy: { name: "asc" },
    }),
    client.estGroup.findMany({
      where: { municipalityId, kind: "INSATS", openedAt: { lt: end }, OR: [{ closedAt: null }, { closedAt: { gte: start } }], ...(areaIds ? { areas: { some: { areaId: { in: areaIds } } } } : {}) },
      select: { id: true, name: true, status: true, openedAt: true, closedAt: true, closingReport: true, areas: { select: { areaId: true } } },
      orderBy: { openedAt: "asc" },
    }),
    client.goal.findMany({ where: { municipalityId, kind: "AREA", ...(areaIds ? { areaId: { in: areaIds } } : {}) }, select: { id: true, title: true, areaId: true }, orderBy: { createdAt: "asc" } }),
  ]);

  const input: AnalysisInput = {
    kind,
    periods,
    lastYear: samePeriodLastYear(period),
    areas,
    categories,
    coverage,
    through,
    windowCounts,
    beforeCoverage,
    counts: monthly.map((r) => ({
      period: formatPeriod({ kind, year: r.month.getUTCFullYear(), index: Math.floor(r.month.getUTCMonth() / (kind === "tertial" ? 4 : 3)) + 1 }),
      areaId: r.areaId,
      categoryId: r.categoryId,
      n: r.n,
    })),
    weekdayHour: Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => weekdayHour.find((w) => w.weekday === d + 1 && w.hour === h)?.n ?? 0)),
    hotspots,
    statuses: statuses.map((s) => ({ areaId: s.areaId, week: s.lagesbild.periodKey, group: s.lagesbild.group.name, level: s.level, reason: s.reason })),
    measures: measures.map((m) => {
      const began = m.startDate ?? m.createdAt;
      return {
        id: m.id, title: m.title, areaId: m.areaId, goalId: m.goalId, ownerOrg: m.ownerOrg.name, status: m.status,
        startDate: dayKey(m.startDate), dueDate: dayKey(m.dueDate),
        started: began >= start && began < end,
        // There is no completion date of its own: a measure marked done is last updated then.
        completed: m.status === "DONE" && m.updatedAt >= start && m.updatedAt < end,
        effectVerdict: m.effectVerdict, effectJudgement: m.effectJudgement,
      };
    }),
    indicators: indicators.map(({ values, ...i }) => ({ ...i, latest: values[0] ? { period: values[0].periodKey, value: values[0].value } : null })),
    insatser: insatser.map((g) => {
      const report = g.closingReport as null | { outcome?: string; lessons?: string; before?: number; during?: number };
      return {
        id: g.id, name: g.name, status: g.status, areaIds: g.areas.map((a) => a.areaId),
        openedAt: g.openedAt?.toISOString() ?? null, closedAt: g.closedAt?.toISOString() ?? null,
        outcome: report?.outcome ?? null, lessons: report?.lessons ?? null, before: report?.before ?? null, during: report?.during ?? null,
      };
    }),
    goals,
  };
  // Residents' and associations' reports and night walks, beside the partners' figures.
  return { ...buildAnalysis(input), sources: await sourceSummary(municipalityId, { start, end }, areaIds, client) };
}

/**
 * What the analysed period may be compared with (ADR 017): the reporting coverage of every period
 * shown and, while the period is ongoing, the previous period's and last year's counts over the
 * same number of days from their start ("t.o.m. 6 dec" against 1 Sep–6 Dec last year).
 */
async function comparisonBasis(municipalityId: string, periods: string[], lastYear: string, inAreas: Prisma.Sql, client: Prisma.TransactionClient, now: Date) {
  const period = periods.at(-1)!;
  const previous = periods.at(-2)!;
  const { ongoing, through, windows: cut } = periodWindows(period, { [period]: period, [previous]: previous, [lastYear]: lastYear }, now);
  const windows = ongoing ? Object.entries(cut).map(([key, r]) => ({ key, ...r })) : [];
  const whole = [...new Set([...periods, lastYear])].map((key) => ({ key, ...(({ from, to }) => ({ from, until: to }))(localDayRange(key)) }));
  // One read of the organisations' weeks answers for the whole periods and the windows alike, and
  // the windows' counts are read at the same time.
  const [coverages, windowed] = await Promise.all([
    getCoverageOfRanges(municipalityId, [...whole, ...windows.filter((w) => w.key !== period).map((w) => ({ ...w, key: `window:${w.key}` }))], now),
    Promise.all(
      windows.map(async ({ key: p, from, until }) => {
        const rows = await client.$queryRaw<{ areaId: string; categoryId: string; n: number }[]>`
          SELECT "areaId", "categoryId", sum("events")::int AS "n" FROM "incident_day_count"
          WHERE "municipalityId" = ${municipalityId}::uuid AND "day" >= ${from}::date AND "day" < ${until}::date ${inAreas}
          GROUP BY 1, 2`;
        return rows.map((r) => ({ period: p, ...r }));
      }),
    ),
  ]);
  const coverage = Object.fromEntries(whole.map((w) => [w.key, coverages[w.key]!]));
  if (!ongoing) return { coverage, through: null, windowCounts: undefined, beforeCoverage: undefined };
  // The earlier periods are judged over those same days, so each side is judged alike.
  const beforeCoverage = Object.fromEntries(windows.filter((w) => w.key !== period).map((w) => [w.key, coverages[`window:${w.key}`]!]));
  return { coverage, through, windowCounts: windowed.flat(), beforeCoverage };
}

/** An analysis approved before coverage was kept gets it at reading time (the past's coverage
 * does not change with the reading). */
export async function withCoverage(analysis: Analysis, municipalityId: string, now = new Date()): Promise<Analysis> {
  if (analysis.coverage) return analysis;
  const coverage = await getCoverages(municipalityId, [...new Set([...analysis.periods, analysis.lastYear])], now);
  const sides = (before: string) => ({ now: coverage[analysis.period], before: coverage[before], sameWindow: false });
  return { ...analysis, coverage, through: null, against: { previous: sides(analysis.previous), lastYear: sides(analysis.lastYear) } };
}
