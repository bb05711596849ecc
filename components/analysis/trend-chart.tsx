import { getI18n } from "@/lib/i18n/server";
import { fill } from "@/lib/i18n/fill";

import type { Coverage } from "@/lib/figures/rules";

/** How a period's bar is drawn: a period nobody reported in is a gap (never a 0), an incomplete
 * or ongoing one is drawn pale with its note (ADR 017). */
export function periodMarks(periods: string[], coverage: Record<string, Coverage> | null | undefined, m: { trendGap: string; trendPartial: string }, through?: string | null) {
  return periods.map((p) => {
    const c = coverage?.[p];
    if (!c) return null;
    if (c.share === null) return { gap: true, note: m.trendGap };
    if (c.ongoing) return { gap: false, note: through ?? m.trendPartial };
    return c.complete ? null : { gap: false, note: m.trendPartial };
  });
}
type Mark = ReturnType<typeof periodMarks>[number];

/**
 * Bars over periods, drawn as SVG so it prints sharp; the numbers are in the bars' labels and in
 * the table one click away, for those who prefer to read.
 */
export async function TrendChart({ periods, series, title, plainLabels = false, marks = [] }: { periods: string[]; series: { label: string; values: number[] }[]; title: string; plainLabels?: boolean; marks?: Mark[] }) {
  const { m, f } = await getI18n();
  // Nobody reported in any of the periods: nothing to draw, and no zeros to suggest calm.
  if (marks.length > 0 && periods.every((_, i) => marks[i]?.gap)) return <p className="meta" data-testid="trend-none">{fill(m.analysis.trendNone, { title })}</p>;
  const short = (p: string) => (plainLabels ? p : p.replace("-", " "));
  const long = (p: string) => (plainLabels ? p : f.period(p));
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const width = 560;
  const height = 180;
  const band = width / periods.length;
  const bar = Math.min(28, (band - 12) / series.length);
  const y = (v: number) => height - 24 - ((height - 48) * v) / max;
  const tones = ["var(--primary)", "var(--warn)", "var(--ok)", "#7a4fa0", "#a0522d"];
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${title}-t`} preserveAspectRatio="xMidYMid meet">
        <title id={`${title}-t`}>{title}</title>
        {periods.map((p, i) => (
          <g key={p} opacity={marks[i] && !marks[i]!.gap ? 0.45 : 1}>
            {marks[i]?.gap ? <text x={i * band + band / 2} y={height - 30} textAnchor="middle" fontSize="10" fill="currentColor">{marks[i]!.note}</text> : null}
            {marks[i]?.gap ? null : series.map((s, j) => {
              const v = s.values[i] ?? 0;
              const x = i * band + band / 2 - (bar * series.length) / 2 + j * bar;
              return (
                <g key={s.label}>
                  <rect x={x} y={y(v)} width={bar - 2} height={height - 24 - y(v)} fill={tones[j % tones.length]} />
                  <text x={x + bar / 2 - 1} y={y(v) - 4} textAnchor="middle" fontSize="11">{v}</text>
                </g>
              );
            })}
            <text x={i * band + band / 2} y={height - 6} textAnchor="middle" fontSize="11">{`${short(p)}${marks[i] && !marks[i]!.gap ? " *" : ""}`}</text>
          </g>
        ))}
      </svg>
      {marks.some(Boolean) ? (
        <p className="meta" data-testid="trend-marks">
          {periods.flatMap((p, i) => (marks[i] ? [`${short(p)}: ${marks[i]!.note}`] : [])).join(" · ")}
        </p>
      ) : null}
      {series.length > 1 ? (
        <figcaption className="map-legend">
          {series.map((s, j) => <span key={s.label} style={{ ["--dot" as string]: tones[j % tones.length] }}>{s.label}</span>)}
        </figcaption>
      ) : null}
      <details>
        <summary>{m.analysis.showTable}</summary>
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">{m.analysis.period}</th>{series.map((s) => <th key={s.label} scope="col">{s.label}</th>)}</tr></thead>
            <tbody>
              {periods.map((p, i) => (
                <tr key={p}>
                  <th scope="row">{long(p)}{marks[i] ? <span className="meta">{` (${marks[i]!.note})`}</span> : null}</th>
                  {series.map((s) => <td key={s.label}>{marks[i]?.gap ? "–" : s.values[i]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
