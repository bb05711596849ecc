import type { ContextFigure } from "@/lib/context/for-period";
import { fill } from "@/lib/i18n/fill";
import { getI18n } from "@/lib/i18n/server";
import { isPeriodKey } from "@/lib/time/period-keys";
import { Uncertain } from "./figure";

/**
 * Survey series and indicators known for a document's period, beside – never inside – the EST
 * counts: each with its latest value, the one before, and a change stated only when the 95 %
 * intervals do not overlap (lib/context/for-period.ts).
 */
export async function ContextTable({ figures, testId }: { figures: ContextFigure[]; testId?: string }) {
  const { m: { context: t }, f } = await getI18n();
  if (figures.length === 0) return <p className="meta" data-testid={testId}>{t.periodNone}</p>;
  const value = (v: ContextFigure["latest"], unit: string) => (
    <>
      {`${f.number(v.value, 3)}${unit ? ` ${unit}` : ""}`}
      {v.uncertain ? <Uncertain title={v.interval ? fill(t.interval, { low: f.number(v.interval.low, 0), high: f.number(v.interval.high, 0), count: v.respondents ?? 0 }) : fill(t.uncertain, { count: v.respondents ?? 0 })} /> : null}
      {v.interval ? <span className="meta">{` (${fill(t.intervalShort, { low: f.number(v.interval.low, 0), high: f.number(v.interval.high, 0) })})`}</span> : null}
      <span className="meta">{` ${isPeriodKey(v.periodKey) ? f.period(v.periodKey) : v.periodKey}`}</span>
    </>
  );
  return (
    <div data-testid={testId}>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t.periodTitle}</caption>
          <thead><tr><th scope="col">{t.measure}</th><th scope="col">{t.latest}</th><th scope="col">{t.previous}</th><th scope="col">{t.change}</th></tr></thead>
          <tbody>
            {figures.map((c) => (
              <tr key={`${c.source}|${c.name}`}>
                <th scope="row">{c.name}<span className="meta">{` · ${c.source}`}</span></th>
                <td>
                  {value(c.latest, c.unit)}
                  {c.references?.county !== null && c.references?.county !== undefined ? <span className="meta">{` · ${fill(t.county, { value: f.number(c.references.county, 3) })}`}</span> : null}
                  {c.references?.country !== null && c.references?.country !== undefined ? <span className="meta">{` · ${fill(t.country, { value: f.number(c.references.country, 3) })}`}</span> : null}
                </td>
                <td>{c.previous ? value(c.previous, c.unit) : "–"}</td>
                <td>{c.change ? t[`change_${c.change}`] : t.change_none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="meta">{t.periodNote}</p>
    </div>
  );
}
