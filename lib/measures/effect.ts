// Did an action help? Incidents where it was done, in equal windows before and after it started,
// against the rest of the municipality (difference-in-differences) and its surroundings
// (displacement). Pure: the counts come from getMeasureEffect.

export type BeforeAfter = { before: number; after: number };
export type EffectCounts = { target: BeforeAfter; comparison: BeforeAfter; neighbours: BeforeAfter | null };

/** Below this many incidents in the target before and after together, nothing can be said. */
export const SMALL_EFFECT_BASE = 20;

const pct = (c: BeforeAfter) => (c.before === 0 ? null : Math.round(((c.after - c.before) / c.before) * 100));
const pctText = (c: BeforeAfter) => {
  const p = pct(c);
  return p === null ? (c.after === 0 ? "oförändrat (inga händelser)" : `från 0 till ${c.after}`) : p === 0 ? "oförändrat" : `${p > 0 ? "+" : ""}${p} %`;
};

export function assessEffect(c: EffectCounts, o: { target: string; neighbours: string | null; days: number }) {
  // What the target would have seen had it followed the rest of the municipality.
  const expected = c.comparison.before > 0 ? (c.target.before * c.comparison.after) / c.comparison.before : c.target.before;
  const difference = Math.round(c.target.after - expected);
  const small = c.target.before + c.target.after < SMALL_EFFECT_BASE;
  const nPct = c.neighbours ? pct(c.neighbours) : null;
  const cPct = pct(c.comparison);
  const displacement = c.neighbours !== null && nPct !== null && cPct !== null && nPct - cPct >= 20 && c.neighbours.after - c.neighbours.before >= 5;
  const sentences = [
    `${o.target}: ${c.target.before} händelser under ${o.days} dagar före och ${c.target.after} under lika lång tid efter (${pctText(c.target)}); i resten av kommunen ${pctText(c.comparison)}.`,
    small
      ? "Underlaget är för litet för att säga om åtgärden hade effekt."
      : difference === 0
        ? "Det är ungefär vad utvecklingen i resten av kommunen ger."
        : `Det är ungefär ${Math.abs(difference)} ${difference < 0 ? "färre" : "fler"} än om ${o.target} hade följt resten av kommunen.`,
    ...(displacement ? [`${o.neighbours} ökade mer än kommunen i övrigt (${pctText(c.neighbours!)}): se upp för att problemet har flyttat.`] : []),
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
