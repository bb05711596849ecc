// Confidence intervals for the figures the product claims something from. Pure; checked against
// published reference values in intervals.test.ts.

const Z95 = 1.959963984540054;

/** Wilson score interval for a proportion k/n (Newcombe 1998, method 3): sound for small n and for
 * proportions near 0 or 1, where the textbook p ± 1.96·SE gives nonsense. */
export function wilson(k: number, n: number, z = Z95): { low: number; high: number } | null {
  if (!(n > 0) || k < 0 || k > n) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return { low: Math.max(0, (centre - spread) / denominator), high: Math.min(1, (centre + spread) / denominator) };
}

export type RateRatio = { ratio: number; low: number; high: number };

/**
 * The ratio of two before/after changes in counts – the target's (after/before) over the
 * control's – with a 95 % interval on the log scale, treating each count as Poisson
 * (var log RR = 1/a + 1/b + 1/c + 1/d). Null when a count is zero: no interval can be given then.
 * 1 means the target changed as the control did; below 1, fewer than expected.
 */
export function rateRatio(target: { before: number; after: number }, control: { before: number; after: number }, z = Z95): RateRatio | null {
  const counts = [target.before, target.after, control.before, control.after];
  if (counts.some((c) => !(c > 0))) return null;
  const log = Math.log(target.after / target.before) - Math.log(control.after / control.before);
  const se = Math.sqrt(counts.reduce((s, c) => s + 1 / c, 0));
  return { ratio: Math.exp(log), low: Math.exp(log - z * se), high: Math.exp(log + z * se) };
}

/** What an interval lets one say: a change only when it lies wholly on one side of 1. */
export function rateRatioVerdict(rr: RateRatio | null): "fewer" | "more" | "uncertain" {
  if (!rr) return "uncertain";
  if (rr.high < 1) return "fewer";
  if (rr.low > 1) return "more";
  return "uncertain";
}
