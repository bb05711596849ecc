// Did an action help? Incidents where it was done, in equal windows before and after it started,
// against the rest of the municipality (difference-in-differences) and its surroundings
// (displacement). Pure: the counts come from getMeasureEffect.

import type { Messages } from "@/lib/i18n/catalogue";
import { fill } from "@/lib/i18n/fill";
import { sv } from "@/lib/i18n/messages/sv";

export type BeforeAfter = { before: number; after: number };
export type EffectCounts = { target: BeforeAfter; comparison: BeforeAfter; neighbours: BeforeAfter | null };

/** Below this many incidents in the target before and after together, nothing can be said. */
export const SMALL_EFFECT_BASE = 20;

/** The effect's sentences in one language (the catalogue's `effect` namespace). */
export type EffectTexts = Messages["effect"];

const pct = (c: BeforeAfter) => (c.before === 0 ? null : Math.round(((c.after - c.before) / c.before) * 100));

export function assessEffect(c: EffectCounts, o: { target: string; neighbours: string | null; days: number }, t: EffectTexts = sv.effect) {
  const pctText = (x: BeforeAfter) => {
    const p = pct(x);
    return p === null ? (x.after === 0 ? t.unchangedNone : fill(t.fromZero, { count: x.after })) : p === 0 ? t.unchanged : `${p > 0 ? "+" : ""}${p} %`;
  };
  // What the target would have seen had it followed the rest of the municipality.
  const expected = c.comparison.before > 0 ? (c.target.before * c.comparison.after) / c.comparison.before : c.target.before;
  const difference = Math.round(c.target.after - expected);
  const small = c.target.before + c.target.after < SMALL_EFFECT_BASE;
  const nPct = c.neighbours ? pct(c.neighbours) : null;
  const cPct = pct(c.comparison);
  const displacement = c.neighbours !== null && nPct !== null && cPct !== null && nPct - cPct >= 20 && c.neighbours.after - c.neighbours.before >= 5;
  const sentences = [
    fill(t.counts, { target: o.target, before: c.target.before, days: o.days, after: c.target.after, change: pctText(c.target), rest: pctText(c.comparison) }),
    small
      ? t.small
      : difference === 0
        ? t.likeRest
        : fill(difference < 0 ? t.fewer : t.more, { count: Math.abs(difference), target: o.target }),
    ...(displacement ? [fill(t.displacement, { neighbours: o.neighbours ?? "", change: pctText(c.neighbours!) })] : []),
  ];
  return {
    ...c,
    expected: Math.round(expected),
    difference,
    small,
    displacement,
    sentence: sentences.join(" "),
    // Index with the before window = 100, so places of different size share one chart.
    index: {
      target: c.target.before ? Math.round((c.target.after / c.target.before) * 100) : null,
      comparison: c.comparison.before ? Math.round((c.comparison.after / c.comparison.before) * 100) : null,
      neighbours: c.neighbours?.before ? Math.round((c.neighbours.after / c.neighbours.before) * 100) : null,
    },
  };
}
export type Effect = ReturnType<typeof assessEffect>;
