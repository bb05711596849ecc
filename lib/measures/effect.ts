// Did an action help? Incidents where it was done, in equal windows before and after it started,
// against the rest of the municipality (a rate ratio with its 95 % interval) and its surroundings
// (displacement), with the two warnings a statistician would give: an action started at a peak
// falls back by itself (regression to the mean), and a change in who reports changes the counts.
// Pure: the counts come from getMeasureEffect.
import { MIN_PERCENT_BASE } from "@/lib/figures/rules";
import { rateRatio, rateRatioVerdict } from "@/lib/figures/intervals";
import { formatDecimal } from "@/lib/text/number";
import type { Locale } from "@/lib/i18n/locales";

import type { Messages } from "@/lib/i18n/catalogue";
import { fill } from "@/lib/i18n/fill";
import { sv } from "@/lib/i18n/messages/sv";

export type BeforeAfter = { before: number; after: number };
export type EffectCounts = { target: BeforeAfter; comparison: BeforeAfter; neighbours: BeforeAfter | null };
/** What else bears on the reading: the target's usual count over a window as long as the before
 * window (from the year before it), and the municipality's reporting coverage in each window. */
export type EffectContext = { usualBefore?: number | null; coverage?: { before: number | null; after: number | null } };

/** The before window is a peak when it holds half as many again as usual, and at least 5 more. */
export const PEAK = { ratio: 1.5, min: 5 } as const;
/** Reporting coverage that moved more than this between the windows changes the counts by itself. */
export const COVERAGE_SHIFT = 0.1;

/** Below this many incidents in the target before and after together, nothing can be said. */
export const SMALL_EFFECT_BASE = 20;

/** The effect's sentences in one language (the catalogue's `effect` namespace). */
export type EffectTexts = Messages["effect"];

const pct = (c: BeforeAfter) => (c.before === 0 ? null : Math.round(((c.after - c.before) / c.before) * 100));

/** `control`: what the target is compared with, as the sentences name it (the rest of the
 * municipality unless an evaluation plan chose kommundelar). */
export function assessEffect(
  c: EffectCounts,
  o: { target: string; neighbours: string | null; days: number; control?: string },
  t: EffectTexts = sv.effect,
  context: EffectContext = {},
  locale: Locale = "sv",
) {
  const control = o.control ?? t.restOfMunicipality;
  // A percentage only from a base of MIN_PERCENT_BASE or more (lib/figures/rules.ts); else the counts.
  const pctText = (x: BeforeAfter) => {
    const p = pct(x);
    if (p === null) return x.after === 0 ? t.unchangedNone : fill(t.fromZero, { count: x.after });
    if (p === 0) return t.unchanged;
    return x.before < MIN_PERCENT_BASE ? `${x.before} → ${x.after}` : `${p > 0 ? "+" : ""}${p} %`;
  };
  const n2 = (x: number) => formatDecimal(x, 2, 2, locale);
  // What the target would have seen had it followed the rest of the municipality.
  const expected = c.comparison.before > 0 ? (c.target.before * c.comparison.after) / c.comparison.before : c.target.before;
  const difference = Math.round(c.target.after - expected);
  const small = c.target.before + c.target.after < SMALL_EFFECT_BASE;
  const nPct = c.neighbours ? pct(c.neighbours) : null;
  const cPct = pct(c.comparison);
  const displacement = c.neighbours !== null && nPct !== null && cPct !== null && nPct - cPct >= 20 && c.neighbours.after - c.neighbours.before >= 5;
  // The target's change over the rest of the municipality's, with its 95 % interval: only when the
  // interval lies wholly on one side of 1 is there an effect to speak of.
  const ratio = small ? null : rateRatio(c.target, c.comparison);
  const verdict = rateRatioVerdict(ratio);
  const peak = context.usualBefore != null && c.target.before >= PEAK.ratio * context.usualBefore && c.target.before - context.usualBefore >= PEAK.min;
  const { before: covBefore = null, after: covAfter = null } = context.coverage ?? {};
  const effortChanged = covBefore !== null && covAfter !== null && Math.abs(covAfter - covBefore) > COVERAGE_SHIFT;
  const sentences = [
    fill(t.counts, { target: o.target, before: c.target.before, days: o.days, after: c.target.after, change: pctText(c.target), rest: pctText(c.comparison), control }),
    small
      ? t.small
      : !ratio
        ? fill(t.noRatio, { control })
        : verdict === "uncertain"
          ? fill(t.noSureEffect, { ratio: n2(ratio.ratio), low: n2(ratio.low), high: n2(ratio.high), control })
          : `${fill(verdict === "fewer" ? t.fewer : t.more, { count: Math.abs(difference), target: o.target, control })} ${fill(t.ratio, { ratio: n2(ratio.ratio), low: n2(ratio.low), high: n2(ratio.high), control })}`,
    ...(displacement ? [fill(t.displacement, { neighbours: o.neighbours ?? "", change: pctText(c.neighbours!), control })] : []),
    ...(peak ? [fill(t.peak, { before: c.target.before, usual: Math.round(context.usualBefore!) })] : []),
    ...(effortChanged ? [fill(t.effort, { before: Math.round(covBefore! * 100), after: Math.round(covAfter! * 100) })] : []),
  ];
  return {
    ...c,
    expected: Math.round(expected),
    difference,
    small,
    displacement,
    ratio,
    verdict,
    peak,
    effortChanged,
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
