// Assembles a tertial analysis or a quarterly Fördjupning pack from counts the queries load.
// Pure, so the same figures can be computed live, frozen at approval and unit-tested.
import type { SourceSummary } from "@/lib/tips/sources";
import { isUncertainCount, isUncertainRate, type Coverage } from "@/lib/figures/rules";

/** What a change against an earlier period may claim (lib/figures/rules.ts compareCounts). */
export type Sides = { now?: Coverage; before?: Coverage; sameWindow: boolean };

export type AnalysisKind = "tertial" | "quarter";

export type Figure = { count: number; previous: number; lastYear: number; uncertain: boolean };
export type Rate = { value: number; uncertain: boolean };

export type AnalysisInput = {
  kind: AnalysisKind;
  /** Oldest first; the last is the analysed period. Six periods, so last year's is among them. */
  periods: string[];
  lastYear: string;
  areas: { id: string; name: string; population: number | null; isFocus: boolean }[];
  categories: { id: string; code: string; label: string }[];
  counts: { period: string; areaId: string; categoryId: string; n: number }[];
  /** Reporting coverage of each period (ADR 017); absent in analyses approved before it. */
  coverage?: Record<string, Coverage>;
  /** While the analysed period is ongoing: its last day so far ("YYYY-MM-DD"), and the counts of
   * it to that day and of the previous period and last year's over as many days, so like meets like. */
  through?: string | null;
  windowCounts?: { period: string; areaId: string; categoryId: string; n: number }[];
  /** The earlier periods' coverage over those same days. */
  beforeCoverage?: Record<string, Coverage>;
  weekdayHour: number[][];
  hotspots: { areaId: string; place: string; n: number }[];
  statuses: { areaId: string; week: string; group: string; level: "GREEN" | "YELLOW" | "RED"; reason: string }[];
  measures: AnalysisMeasure[];
  indicators: AnalysisIndicator[];
  insatser: AnalysisInsats[];
  goals: { id: string; title: string; areaId: string | null }[];
};

export type AnalysisMeasure = {
  id: string;
  title: string;
  areaId: string | null;
  goalId: string | null;
  ownerOrg: string;
  status: "PLANNED" | "ONGOING" | "DONE" | "CANCELLED";
  startDate: string | null;
  dueDate: string | null;
  started: boolean;
  completed: boolean;
  effectVerdict: string | null;
  effectJudgement: string | null;
};

export type AnalysisIndicator = {
  id: string;
  name: string;
  ownerBoard: string;
  unit: string | null;
  areaId: string | null;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  baseline: number | null;
  target: number | null;
  latest: { period: string; value: number } | null;
};

export type AnalysisInsats = {
  id: string;
  name: string;
  areaIds: string[];
  openedAt: string | null;
  closedAt: string | null;
  status: "OPEN" | "CLOSED";
  outcome: string | null;
  lessons: string | null;
  before: number | null;
  during: number | null;
};

export type IndicatorStatus = "saknar-varde" | "uppnatt" | "battre" | "samre" | "oforandrat";

/** Where an indicator stands against its baseline and target, in the direction that is better. */
export function indicatorStatus(i: AnalysisIndicator): IndicatorStatus {
  if (!i.latest) return "saknar-varde";
  const better = (a: number, b: number) => (i.direction === "HIGHER_IS_BETTER" ? a > b : a < b);
  if (i.target !== null && (i.latest.value === i.target || better(i.latest.value, i.target))) return "uppnatt";
  if (i.baseline === null || i.latest.value === i.baseline) return "oforandrat";
  return better(i.latest.value, i.baseline) ? "battre" : "samre";
}

export function buildAnalysis(input: AnalysisInput) {
  const period = input.periods.at(-1)!;
  const previous = input.periods.at(-2)!;
  const sumOf = (counts: AnalysisInput["counts"]) => (p: string, match: (c: AnalysisInput["counts"][number]) => boolean) =>
    counts.reduce((s, c) => (c.period === p && match(c) ? s + c.n : s), 0);
  const sum = sumOf(input.counts);
  const sumCompared = input.windowCounts ? sumOf(input.windowCounts) : sum;
  const figure = (match: (c: AnalysisInput["counts"][number]) => boolean): Figure => {
    const count = sumCompared(period, match);
    return { count, previous: sumCompared(previous, match), lastYear: sumCompared(input.lastYear, match), uncertain: isUncertainCount(count) };
  };
  const coverage = input.coverage ?? null;
  const sides = (before: string): Sides | null =>
    coverage ? { now: coverage[period], before: input.beforeCoverage?.[before] ?? coverage[before], sameWindow: Boolean(input.through) } : null;
  const byCategory = (match: (c: AnalysisInput["counts"][number]) => boolean) =>
    Object.fromEntries(input.categories.map((cat) => [cat.id, figure((c) => match(c) && c.categoryId === cat.id)]));

  const areas = input.areas.map((a) => {
    const inArea = (c: { areaId: string }) => c.areaId === a.id;
    const total = figure(inArea);
    return {
      ...a,
      total,
      rate: a.population ? ({ value: (total.count / a.population) * 1000, uncertain: isUncertainRate(total.count, a.population) } satisfies Rate) : null,
      byCategory: byCategory(inArea),
      trend: input.periods.map((p) => sum(p, inArea)),
      hotspots: input.hotspots.filter(inArea).slice(0, 5).map((h) => ({ place: h.place, count: h.n, uncertain: isUncertainCount(h.n) })),
      statuses: input.statuses.filter(inArea),
      measures: input.measures.filter((m) => m.areaId === a.id),
      indicators: input.indicators.filter((i) => i.areaId === a.id),
      goals: input.goals.filter((g) => g.areaId === a.id).map((g) => ({ ...g, measures: input.measures.filter((m) => m.goalId === g.id) })),
      insatser: input.insatser.filter((i) => i.areaIds.includes(a.id)),
    };
  });
  const areaName = new Map(input.areas.map((a) => [a.id, a.name]));
  return {
    kind: input.kind,
    period,
    previous,
    lastYear: input.lastYear,
    periods: input.periods,
    coverage,
    through: input.through ?? null,
    against: { previous: sides(previous), lastYear: sides(input.lastYear) },
    categories: input.categories,
    total: figure(() => true),
    byCategory: byCategory(() => true),
    trend: input.periods.map((p) => sum(p, () => true)),
    areas,
    weekdayHour: input.weekdayHour,
    hotspots: input.hotspots.slice(0, 10).map((h) => ({ areaId: h.areaId, area: areaName.get(h.areaId) ?? "", place: h.place, count: h.n, uncertain: isUncertainCount(h.n) })),
    measures: { started: input.measures.filter((m) => m.started), completed: input.measures.filter((m) => m.completed) },
    indicators: input.indicators.map((i) => ({ ...i, status: indicatorStatus(i) })),
    insatser: input.insatser,
  };
}

// `sources` is added when loading (lib/analysis/load.ts); analyses approved before it lack it.
export type Analysis = ReturnType<typeof buildAnalysis> & { sources?: SourceSummary };
