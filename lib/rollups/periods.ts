// The periods the API and the CLI count over: the product's weeks, months, quarters and tertials,
// and whole calendar years ("2026"), which BI tools ask for but no group works in – so years live
// here and not among the product's period kinds.
import { isPeriodKey, localDayRange, periodRange, shiftPeriod } from "@/lib/time/periods";
import { parsePeriod, type PeriodKind } from "@/lib/time/period-keys";

export type ApiPeriodKind = PeriodKind | "year";

const YEAR = /^(\d{4})$/;

/** At most this many periods in one series: ten years of weeks. */
export const MAX_SERIES_PERIODS = 530;

export const isApiPeriodKey = (key: string) => YEAR.test(key) || isPeriodKey(key);

export const apiPeriodKind = (key: string): ApiPeriodKind => (YEAR.test(key) ? "year" : parsePeriod(key).kind);

/** A period as Stockholm days [from, to) and instants [start, end); `wholeMonths` when the
 * monthly rollups can answer for it. */
export function apiPeriod(key: string): { from: string; to: string; wholeMonths: boolean; start: Date; end: Date } {
  const year = YEAR.exec(key)?.[1];
  if (year) {
    const next = String(Number(year) + 1);
    return { from: `${year}-01-01`, to: `${next}-01-01`, wholeMonths: true, start: periodRange(`${year}-01`).start, end: periodRange(`${next}-01`).start };
  }
  return { ...localDayRange(key), ...periodRange(key) };
}

/** The keys from `from` to `to`, both included; null when they are of different kinds, in the
 * wrong order or too many. */
export function periodsBetween(from: string, to: string): string[] | null {
  if (apiPeriodKind(from) !== apiPeriodKind(to)) return null;
  const step = YEAR.test(from) ? (k: string) => String(Number(k) + 1) : (k: string) => shiftPeriod(k, 1);
  const keys: string[] = [];
  const last = apiPeriod(to).start.getTime();
  for (let key = from; keys.length <= MAX_SERIES_PERIODS; key = step(key)) {
    keys.push(key);
    if (key === to) return keys;
    if (apiPeriod(key).start.getTime() > last) return null;
  }
  return null;
}
