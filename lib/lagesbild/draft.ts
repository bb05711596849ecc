// Assembles a week's draft lägesbild from grouped counts. Pure: the queries feed it.
import { chanceOfFlag, flagFor, type Comparison, type Flag } from "./flags";

export type CountRow = { areaId: string; categoryId: string; isoWeek: string; count: number };
/** `seasonal`: the same week and its neighbours in the two years before – only when both years
 * were fully reported there (the caller checks coverage); otherwise absent. */
export type WeekSet = { week: string; previous: string; previous4: string[]; lastYear: string; seasonal?: string[] };
export type Cell = Comparison & { flag: Flag };

/** A week's count and its comparisons, from a count per ISO week. */
function compare(countIn: (week: string) => number, weeks: WeekSet): Comparison {
  return {
    count: countIn(weeks.week),
    previousWeek: countIn(weeks.previous),
    meanPrevious4: weeks.previous4.reduce((s, w) => s + countIn(w), 0) / weeks.previous4.length,
    sameWeekLastYear: countIn(weeks.lastYear),
    seasonalMean: weeks.seasonal?.length ? weeks.seasonal.reduce((s, w) => s + countIn(w), 0) / weeks.seasonal.length : null,
  };
}

const cell = (c: Comparison): Cell => ({ ...c, flag: flagFor(c) });
const ALL = "*";

/** Area × category counts with comparisons and flags, plus totals per area, category and all. */
export function buildMatrix(rows: CountRow[], weeks: WeekSet, areaIds: string[], categoryIds: string[]) {
  // One pass sums the rows per cell, area, category and in all, per week; each comparison is then a
  // few lookups. (Filtering the rows for every cell and week was ~100 cells × 7 weeks × the rows,
  // twice a page view: a tenth of the lägesbild's server time.)
  const sums = new Map<string, number>();
  const add = (area: string, category: string, week: string, n: number) => {
    const key = `${area}|${category}|${week}`;
    sums.set(key, (sums.get(key) ?? 0) + n);
  };
  for (const r of rows) {
    add(r.areaId, r.categoryId, r.isoWeek, r.count);
    add(r.areaId, ALL, r.isoWeek, r.count);
    add(ALL, r.categoryId, r.isoWeek, r.count);
    add(ALL, ALL, r.isoWeek, r.count);
  }
  const at = (area: string, category: string) => cell(compare((week) => sums.get(`${area}|${category}|${week}`) ?? 0, weeks));
  const cells = Object.fromEntries(areaIds.map((a) => [a, Object.fromEntries(categoryIds.map((c) => [c, at(a, c)]))])) as Record<string, Record<string, Cell>>;
  const tested = Object.values(cells).flatMap((row) => Object.values(row));
  return {
    cells,
    // Flags are looked for in every area × category cell: how many chance alone would raise.
    chance: { cells: tested.length, expectedFlags: tested.reduce((s, c) => s + chanceOfFlag(c), 0) },
    byArea: Object.fromEntries(areaIds.map((a) => [a, at(a, ALL)])) as Record<string, Cell>,
    byCategory: Object.fromEntries(categoryIds.map((c) => [c, at(ALL, c)])) as Record<string, Cell>,
    total: at(ALL, ALL),
  };
}

/** Counts per weekday (Monday first) × hour of day from local Stockholm fields. */
export function weekdayHourTable(local: { weekday: number; hour: number }[]): number[][] {
  const table = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const { weekday, hour } of local) table[weekday - 1]![hour]! += 1;
  return table;
}
