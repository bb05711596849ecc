// The statistical rule behind a flag, and the comparisons shown next to every count. Pure.
import { formatDecimal } from "@/lib/text/number";
import type { Messages } from "@/lib/i18n/catalogue";
import { fill } from "@/lib/i18n/fill";
import type { Locale } from "@/lib/i18n/locales";
import { sv } from "@/lib/i18n/messages/sv";

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonAtLeast(k: number, lambda: number): number {
  if (k <= 0) return 1;
  let term = Math.exp(-lambda);
  let below = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    below += term;
  }
  return Math.max(0, 1 - below);
}

export const FLAG_RULE = {
  /** Fewer incidents than this are never flagged: too few to say anything. */
  minCount: 3,
  /** A count is unusual when chance alone would give it (or more) in under 1 % of weeks. */
  pValue: 0.01,
  /** A cell with no history is compared with this floor rather than with zero. */
  baselineFloor: 0.5,
} as const;

export type Comparison = {
  count: number;
  previousWeek: number;
  meanPrevious4: number;
  sameWeekLastYear: number;
  /** The mean of the same week and its neighbours in the two years before, once both are fully
   * reported; null (or absent, in lägesbilder published before it existed) until then. */
  seasonalMean?: number | null;
};

/**
 * What a count is judged against: the higher of the four weeks before and, once two complete
 * years exist, the same weeks in earlier years – so a peak that comes every year (Valborg, lov,
 * nyår) is not news – and never below a floor (issue 25).
 */
export function baselineOf(c: Pick<Comparison, "meanPrevious4" | "seasonalMean">): number {
  return Math.max(c.meanPrevious4, c.seasonalMean ?? 0, FLAG_RULE.baselineFloor);
}

export type Flag = { flagged: boolean; probability: number; explanation: string };


type FlagTexts = Pick<Messages["lagesbild"], "flagFlagged" | "flagTooFew" | "flagUsual" | "flagFlaggedSeasonal" | "flagUsualSeasonal" | "chanceBelow">;

/** Why a count is or is not flagged, in the reader's language. */
export function explainFlag(c: Comparison, probability: number, flagged: boolean, m: FlagTexts = sv.lagesbild, locale: Locale = "sv"): string {
  const n = (x: number) => formatDecimal(x, 1, 0, locale);
  const chance = probability < 0.001 ? m.chanceBelow : `${n(probability * 100)} %`;
  const seasonal = c.seasonalMean ?? null;
  if (flagged) return seasonal === null ? fill(m.flagFlagged, { count: c.count, mean: n(c.meanPrevious4), chance }) : fill(m.flagFlaggedSeasonal, { count: c.count, mean: n(c.meanPrevious4), seasonal: n(seasonal), chance });
  if (c.count < FLAG_RULE.minCount) return fill(m.flagTooFew, { min: FLAG_RULE.minCount });
  return seasonal === null ? fill(m.flagUsual, { chance, mean: n(c.meanPrevious4) }) : fill(m.flagUsualSeasonal, { chance, mean: n(c.meanPrevious4), seasonal: n(seasonal) });
}

/** Poisson control limit against the baseline (`baselineOf`), with a minimum count. */
export function flagFor(c: Comparison): Flag {
  const baseline = baselineOf(c);
  const probability = poissonAtLeast(c.count, baseline);
  const flagged = c.count >= FLAG_RULE.minCount && probability < FLAG_RULE.pValue;
  return { flagged, probability, explanation: explainFlag(c, probability, flagged) };
}

/**
 * The chance that a cell is flagged in an ordinary week – its count drawn from its own baseline
 * alone. Summed over every cell the page tests, it is how many flags chance alone gives a week, so
 * a chair can weigh "Flaggor (2)" against "about 0,6 by chance" (issue 25).
 */
export function chanceOfFlag(c: Pick<Comparison, "meanPrevious4" | "seasonalMean">): number {
  const baseline = baselineOf(c);
  let k = FLAG_RULE.minCount;
  // The smallest count that would be flagged; its tail probability is the chance of a flag.
  while (poissonAtLeast(k, baseline) >= FLAG_RULE.pValue) k++;
  return poissonAtLeast(k, baseline);
}

/** Change against a reference, as a short text: "+3", "−2", "±0" ("+1,5" / "+1.5"). */
export function delta(count: number, reference: number, locale: Locale = "sv"): string {
  const d = Math.round((count - reference) * 10) / 10;
  const n = (x: number) => formatDecimal(x, 1, 0, locale);
  return d > 0 ? `+${n(d)}` : d < 0 ? `−${n(-d)}` : "±0";
}
