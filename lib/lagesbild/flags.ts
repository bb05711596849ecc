// The statistical rule behind a flag, and the comparisons shown next to every count. Pure.
import { formatDecimal } from "@/lib/text/number";


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
};

export type Flag = { flagged: boolean; probability: number; explanation: string };

const num = (n: number) => formatDecimal(n);

/** Poisson control limit against the mean of the four previous weeks, with a minimum count. */
export function flagFor(c: Comparison): Flag {
  const baseline = Math.max(c.meanPrevious4, FLAG_RULE.baselineFloor);
  const probability = poissonAtLeast(c.count, baseline);
  const flagged = c.count >= FLAG_RULE.minCount && probability < FLAG_RULE.pValue;
  const chance = probability < 0.001 ? "under 0,1 %" : `${num(probability * 100)} %`;
  return {
    flagged,
    probability,
    explanation: flagged
      ? `${c.count} händelser mot i snitt ${num(c.meanPrevious4)} de fyra föregående veckorna – så många eller fler inträffar av en slump i ${chance} av veckorna.`
      : c.count < FLAG_RULE.minCount
        ? `Färre än ${FLAG_RULE.minCount} händelser flaggas inte.`
        : `Inom det vanliga (${chance} sannolikhet mot snittet ${num(c.meanPrevious4)}).`,
  };
}

/** Change against a reference, as a short Swedish text: "+3", "−2", "±0". */
export function delta(count: number, reference: number): string {
  const d = Math.round((count - reference) * 10) / 10;
  return d > 0 ? `+${num(d)}` : d < 0 ? `−${num(-d)}` : "±0";
}
