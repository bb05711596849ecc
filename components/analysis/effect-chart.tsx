import type { Effect } from "@/lib/measures/effect";
import { fill } from "@/lib/i18n/fill";
import { getI18n } from "@/lib/i18n/server";

/** Before/after for the place, the rest of the municipality and the surroundings, as an index
 * (before = 100) so places of different size share one scale; the counts are in the table. */
export async function EffectChart({ effect, labels }: { effect: Effect; labels: { target: string; neighbours: string | null } }) {
  const m = (await getI18n()).m.analysis;
  const series = [
    { label: labels.target, index: effect.index.target, c: effect.target, tone: "var(--primary)" },
    { label: m.restOfMunicipality, index: effect.index.comparison, c: effect.comparison, tone: "var(--muted)" },
    ...(effect.neighbours && labels.neighbours ? [{ label: labels.neighbours, index: effect.index.neighbours, c: effect.neighbours, tone: "var(--warn)" }] : []),
  ];
  const max = Math.max(100, ...series.map((s) => s.index ?? 0));
  const row = 28;
  const width = 520;
  // Bars from x = 180, leaving room on the right for the longest label.
  const scale = (v: number) => ((width - 300) * v) / max;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${series.length * row * 2 + 10}`} role="img" aria-label={m.effectChart}>
        {series.map((s, i) => (
          <g key={s.label} transform={`translate(0, ${i * row * 2 + 5})`}>
            <text x={0} y={14} fontSize="12">{s.label}</text>
            <rect x={180} y={2} width={scale(100)} height={12} fill={s.tone} opacity={0.35} />
            <text x={184 + scale(100)} y={12} fontSize="11">{fill(m.before, { count: s.c.before })}</text>
            <rect x={180} y={18} width={scale(s.index ?? 0)} height={12} fill={s.tone} />
            <text x={184 + scale(s.index ?? 0)} y={28} fontSize="11">{`${fill(m.after, { count: s.c.after })}${s.index !== null ? ` (${s.index})` : ""}`}</text>
          </g>
        ))}
      </svg>
      <details>
        <summary>{m.showTable}</summary>
        <table>
          <thead><tr><th scope="col">{m.where}</th><th scope="col">{m.beforeCol}</th><th scope="col">{m.afterCol}</th><th scope="col">{m.index}</th></tr></thead>
          <tbody>{series.map((s) => <tr key={s.label}><th scope="row">{s.label}</th><td>{s.c.before}</td><td>{s.c.after}</td><td>{s.index ?? "–"}</td></tr>)}</tbody>
        </table>
      </details>
    </figure>
  );
}
