// Period keys in Stockholm time: "2026-W07" (ISO week), "2026-02", "2026-Q1", "2026-T1".
// A key is how periods are stored and put in URLs; ranges are half-open [start, end) instants.
import { addMonths, addWeeks, setISOWeek, startOfISOWeek, startOfISOWeekYear } from "date-fns";
import { TZDate } from "@date-fns/tz";
import { MONTHS_PER, formatPeriod, isoWeekOfDate, parsePeriod, weeksInISOYear, type Period, type PeriodKind } from "./period-keys";
import { TZ, stockholmDay, stockholmFields, toStockholm } from "./zone";

export { InvalidPeriodError, formatPeriod, isPeriodKey, isoWeekOfDate, parsePeriod, periodLabel, weeksInISOYear } from "./period-keys";
export type { Period, PeriodKind } from "./period-keys";
export type Range = { start: Date; end: Date };

/** The period of a given kind that contains the instant, in Stockholm time. */
export function periodOf(kind: PeriodKind, date: Date | number): Period {
  const local = stockholmFields(date);
  if (kind === "week") {
    const { year, week } = isoWeekOfDate(local.year, local.month, local.day);
    return { kind, year, index: week };
  }
  return { kind, year: local.year, index: Math.floor((local.month - 1) / MONTHS_PER[kind]) + 1 };
}

export const weekKey = (date: Date | number) => formatPeriod(periodOf("week", date));
export const monthKey = (date: Date | number) => formatPeriod(periodOf("month", date));
export const quarterKey = (date: Date | number) => formatPeriod(periodOf("quarter", date));
export const tertialKey = (date: Date | number) => formatPeriod(periodOf("tertial", date));

function startOf(p: Period): TZDate {
  if (p.kind === "week") {
    const inYear = startOfISOWeekYear(new TZDate(p.year, 6, 1, TZ));
    return startOfISOWeek(setISOWeek(inYear, p.index));
  }
  return new TZDate(p.year, (p.index - 1) * MONTHS_PER[p.kind], 1, TZ);
}

function next(p: Period, start: TZDate): TZDate {
  return p.kind === "week" ? addWeeks(start, 1) : addMonths(start, MONTHS_PER[p.kind]);
}

/**
 * Remembers the results of a pure function of a string key. Time-zone arithmetic costs tens of
 * microseconds a call, and a lägesbild asks for the same few weeks hundreds of times (every cell
 * of the weekday × hour table links to its hour). Bounded: cleared when full.
 */
function memo<T>(fn: (key: string) => T, size = 2048): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= size) cache.clear();
      value = fn(key);
      cache.set(key, value);
    }
    return value;
  };
}

const rangeMs = memo((key) => {
  const p = parsePeriod(key);
  const start = startOf(p);
  return [start.getTime(), next(p, start).getTime()] as const;
});

/** The instants [start, end) of a period; DST makes some weeks 167 or 169 hours long. */
export function periodRange(key: string): Range {
  const [start, end] = rangeMs(key);
  return { start: new Date(start), end: new Date(end) };
}

const shifted = memo((keyAndN) => {
  const [key, n] = keyAndN.split("|") as [string, string];
  const p = parsePeriod(key);
  const start = startOf(p);
  const moved = p.kind === "week" ? addWeeks(start, Number(n)) : addMonths(start, Number(n) * MONTHS_PER[p.kind]);
  return formatPeriod(periodOf(p.kind, moved));
});

/** The key `n` periods after (or before, for negative n) the given one. */
export function shiftPeriod(key: string, n: number): string {
  return shifted(`${key}|${n}`);
}

/** The same period one year earlier (for weeks: the same ISO week number, or W52 for W53). */
export function samePeriodLastYear(key: string): string {
  const p = parsePeriod(key);
  const year = p.year - 1;
  const index = p.kind === "week" ? Math.min(p.index, weeksInISOYear(year)) : p.index;
  return formatPeriod({ kind: p.kind, year, index });
}

/** The ISO weeks of a month/quarter/tertial: each week belongs where its Thursday falls. */
export function weeksIn(key: string): string[] {
  const { start, end } = periodRange(key);
  const weeks: string[] = [];
  let monday = startOfISOWeek(toStockholm(start));
  while (monday.getTime() < end.getTime()) {
    const thursday = new TZDate(monday.getFullYear(), monday.getMonth(), monday.getDate() + 3, 12, TZ);
    if (thursday.getTime() >= start.getTime() && thursday.getTime() < end.getTime()) weeks.push(weekKey(thursday));
    monday = addWeeks(monday, 1);
  }
  return weeks;
}

/** A period as Stockholm calendar days [from, to) ("YYYY-MM-DD"); `wholeMonths` when both ends
 * fall on the first of a month, so monthly rollups can answer for it. */
export function localDayRange(key: string): { from: string; to: string; wholeMonths: boolean } {
  const { start, end } = periodRange(key);
  return { from: stockholmDay(start), to: stockholmDay(end), wholeMonths: parsePeriod(key).kind !== "week" };
}
