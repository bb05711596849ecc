import { getI18n } from "@/lib/i18n/server";

/**
 * Bars over periods, drawn as SVG so it prints sharp; the numbers are in the bars' labels and in
 * the table one click away, for those who prefer to read.
 */
export async function TrendChart({ periods, series, title, plainLabels = false }: { periods: string[]; series: { label: string; values: number[] }[]; title: string; plainLabels?: boolean }) {
  const { m, f } = await getI18n();
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
          <g key={p}>
            {series.map((s, j) => {
              const v = s.values[i] ?? 0;
              const x = i * band + band / 2 - (bar * series.length) / 2 + j * bar;
              return (
                <g key={s.label}>
                  <rect x={x} y={y(v)} width={bar - 2} height={height - 24 - y(v)} fill={tones[j % tones.length]} />
                  <text x={x + bar / 2 - 1} y={y(v) - 4} textAnchor="middle" fontSize="11">{v}</text>
                </g>
              );
            })}
            <text x={i * band + band / 2} y={height - 6} textAnchor="middle" fontSize="11">{short(p)}</text>
          </g>
        ))}
      </svg>
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
              {periods.map((p, i) => <tr key={p}><th scope="row">{long(p)}</th>{series.map((s) => <td key={s.label}>{s.values[i]}</td>)}</tr>)}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
