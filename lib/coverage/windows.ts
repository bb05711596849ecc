// The windows a period's figures are compared over, by period key and the clock. Pure.
import { localDayRange } from "@/lib/time/periods";
import { stockholmDay } from "@/lib/time/zone";
import { comparisonWindows } from "./rule";

const days = (key: string) => {
  const { from, to } = localDayRange(key);
  return { from, until: to };
};

/** `comparisonWindows` for period keys: the period so far and each earlier one over as many days. */
export function periodWindows<K extends string>(period: string, earlier: Record<K, string>, now: Date) {
  const ranges = Object.fromEntries(Object.entries<string>(earlier).map(([k, key]) => [k, days(key)])) as Record<K, { from: string; until: string }>;
  return comparisonWindows(days(period), ranges, stockholmDay(now));
}
