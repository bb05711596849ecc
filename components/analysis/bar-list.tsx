import { getI18n } from "@/lib/i18n/server";

/**
 * Horizontal bars, one row per item with this period and the one before side by side: easy to
 * read with long category names and in print. The numbers are in the table one click away.
 */
export async function BarList({ title, rows, current, previous }: { title: string; rows: { label: string; now: number; before: number }[]; current: string; previous: string }) {
  const m = (await getI18n()).m.analysis;
  if (rows.length === 0) return <p className="meta">{m.noBars}</p>;
  const max = Math.max(1, ...rows.flatMap((r) => [r.now, r.before]));
  const row = 34;
  const width = 560;
  const labelWidth = 190;
  const scale = (v: number) => ((width - labelWidth - 40) * v) / max;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${rows.length * row + 8}`} role="img" aria-label={title}>
        {rows.map((r, i) => (
          <g key={r.label} transform={`translate(0, ${i * row + 4})`}>
            <text x={0} y={17} fontSize="12">{r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label}</text>
            <rect x={labelWidth} y={2} width={scale(r.now)} height={13} fill="var(--primary)" />
            <text x={labelWidth + scale(r.now) + 4} y={13} fontSize="11">{r.now}</text>
            <rect x={labelWidth} y={17} width={scale(r.before)} height={9} fill="var(--muted)" opacity={0.5} />
            <text x={labelWidth + scale(r.before) + 4} y={26} fontSize="10">{r.before}</text>
          </g>
        ))}
      </svg>
      <figcaption className="map-legend">
        <span style={{ ["--dot" as string]: "var(--primary)" }}>{current}</span>
        <span style={{ ["--dot" as string]: "var(--muted)" }}>{previous}</span>
      </figcaption>
      <details>
        <summary>{m.showTable}</summary>
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">{m.category}</th><th scope="col">{current}</th><th scope="col">{previous}</th></tr></thead>
            <tbody>{rows.map((r) => <tr key={r.label}><th scope="row">{r.label}</th><td>{r.now}</td><td>{r.before}</td></tr>)}</tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
