// The one place that decides how a count may be shown: when a change may be a percentage, when a
// figure is marked uncertain, and when a period is whole enough to compare. Every view asks here,
// so a nämnd sees the same rule on every page (issue 25). Pure.

/** No percentage from a base under this: "+1100 % (4 → 48)" says less than the two counts. */
export const MIN_PERCENT_BASE = 10;
/** Fewer events than this are marked "osäker siffra" (shown, never hidden). */
export const SMALL_COUNT = 5;
/** A rate for fewer inhabitants than this is marked uncertain. */
export const SMALL_POPULATION = 1000;
/** A period is complete when it has ended and at least this share of its expected reporting
 * organisation-days were covered (docs/decisions/017-reporting-coverage.md). */
export const COMPLETE_SHARE = 0.9;

/** How whole a period's reporting is. `share` is null when nobody was expected to report. */
export type Coverage = { share: number | null; complete: boolean; ongoing: boolean };

/** Why a change is shown as two counts rather than a percentage. */
export type CountsReason = "small-base" | "ongoing" | "incomplete" | "no-coverage";

export type Change =
  | { kind: "percent"; percent: number; before: number; now: number }
  | { kind: "same"; before: number; now: number }
  | { kind: "counts"; before: number; now: number; reason: CountsReason };

export const isUncertainCount = (count: number) => count < SMALL_COUNT;
export const isUncertainRate = (count: number, population: number) => population < SMALL_POPULATION || isUncertainCount(count);

/** Why a side of a comparison cannot carry a percentage, if it cannot. An ongoing side compared
 * over the same days of the earlier period (`sameWindow`) is like with like and may. */
function sideReason(c: Coverage | undefined, sameWindow: boolean): CountsReason | null {
  if (!c) return null;
  if (c.share === null) return "no-coverage";
  if (c.ongoing) return sameWindow ? (c.share < COMPLETE_SHARE ? "incomplete" : null) : "ongoing";
  return c.complete ? null : "incomplete";
}

/**
 * A change between two counts, as the rule allows it to be shown: a percentage only when both
 * periods are covered and whole (or an ongoing one is set against the same days before) and the
 * base is at least MIN_PERCENT_BASE; otherwise the two counts and the reason.
 */
export function compareCounts(now: number, before: number, sides: { now?: Coverage; before?: Coverage; sameWindow?: boolean } = {}): Change {
  const reason = sideReason(sides.before, sides.sameWindow ?? false) ?? sideReason(sides.now, sides.sameWindow ?? false);
  if (reason) return { kind: "counts", before, now, reason };
  if (now === before) return { kind: "same", before, now };
  if (before < MIN_PERCENT_BASE) return { kind: "counts", before, now, reason: "small-base" };
  return { kind: "percent", percent: Math.round(((now - before) / before) * 100), before, now };
}
