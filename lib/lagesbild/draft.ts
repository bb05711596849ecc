// Assembles a week's draft lägesbild from grouped counts. Pure: the queries feed it.
import { flagFor, type Comparison, type Flag } from "./flags";

export type CountRow = { areaId: string; categoryId: string; isoWeek: string; count: number };
export type WeekSet = { week: string; previous: string; previous4: string[]; lastYear: string };
export type Cell = Comparison & { flag: Flag };

export function compare(rows: CountRow[], weeks: WeekSet, match: (r: CountRow) => boolean): Comparison {
  const sum = (w: string) => rows.filter((r) => r.isoWeek === w && match(r)).reduce((s, r) => s + r.count, 0);
  return {
    count: sum(weeks.week),
    previousWeek: sum(weeks.previous),
    meanPrevious4: weeks.previous4.reduce((s, w) => s + sum(w), 0) / weeks.previous4.length,
    sameWeekLastYear: sum(weeks.lastYear),
  };
}

const cell = (c: Comparison): Cell => ({ ...c, flag: flagFor(c) });

/** Area × category counts with comparisons and flags, plus totals per area, category and all. */
export function buildMatrix(rows: CountRow[], weeks: WeekSet, areaIds: string[], categoryIds: string[]) {
  return {
    cells: Object.fromEntries(
      areaIds.map((a) => [a, Object.fromEntries(categoryIds.map((c) => [c, cell(compare(rows, weeks, (r) => r.areaId === a && r.categoryId === c))]))]),
    ) as Record<string, Record<string, Cell>>,
    byArea: Object.fromEntries(areaIds.map((a) => [a, cell(compare(rows, weeks, (r) => r.areaId === a))])) as Record<string, Cell>,
    byCategory: Object.fromEntries(categoryIds.map((c) => [c, cell(compare(rows, weeks, (r) => r.categoryId === c))])) as Record<string, Cell>,
    total: cell(compare(rows, weeks, () => true)),
  };
}

/** Counts per weekday (Monday first) × hour of day from local Stockholm fields. */
export function weekdayHourTable(local: { weekday: number; hour: number }[]): number[][] {
  const table = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const { weekday, hour } of local) table[weekday - 1]![hour]! += 1;
  return table;
}
