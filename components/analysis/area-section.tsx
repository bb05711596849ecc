import type { ReactNode } from "react";
import Link from "next/link";
import type { Analysis } from "@/lib/analysis/build";
import { MEASURE_STATUS_LABEL, verdictLabel } from "@/lib/measures/labels";
import { periodLabel } from "@/lib/time/periods";
import { Badge } from "@/components/ui/badge";
import { FigureCell, RateText, Uncertain, changeText } from "./figure";
import { StatusStrip } from "./status-strip";
import { TrendChart } from "./trend-chart";

export type DrillParams = { slot?: string; areaId?: string; categoryId?: string; place?: string; weekday?: number; hour?: number };
export type DrillHref = (p: DrillParams) => string;


export function MeasureList({ measures }: { measures: Analysis["measures"]["started"] }) {
  if (!measures.length) return <p className="meta">Inga åtgärder.</p>;
  return (
    <ul className="status-list">
      {measures.map((m) => (
        <li key={m.id}>
          <span>
            <Link href={`/atgarder/${m.id}`}><strong>{m.title}</strong></Link> · {m.ownerOrg}
            {m.effectVerdict || m.effectJudgement ? <> · effekt: {[verdictLabel(m.effectVerdict), m.effectJudgement].filter(Boolean).join(" – ")}</> : null}
          </span>
          <Badge tone={m.status === "DONE" ? "ok" : m.status === "CANCELLED" ? "danger" : "info"}>{MEASURE_STATUS_LABEL[m.status]}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** One kommundel's part of an analysis: its figures against earlier periods, where and when,
 * its weekly statuses, what was done, and the group's own words. */
export function AreaSection({ analysis, area, drill, narrative, children }: {
  analysis: Analysis;
  area: Analysis["areas"][number];
  drill: DrillHref;
  narrative?: string;
  children?: ReactNode;
}) {
  const unit = analysis.kind === "tertial" ? "tertial" : "kvartal";
  return (
    <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby={`area-${area.id}`} data-testid="area-section" data-area={area.name}>
      <h2 id={`area-${area.id}`}>{area.name}{area.isFocus ? " (fokusområde)" : ""}</h2>
      <p data-testid="area-summary">
        <Link href={drill({ areaId: area.id })}><strong>{area.total.count}</strong> händelser</Link>
        {area.total.uncertain ? <Uncertain /> : null} · mot föregående {unit} ({periodLabel(analysis.previous)}):{" "}
        <span data-testid="change-previous">{changeText(area.total.count, area.total.previous)}</span> · mot samma {unit} i fjol:{" "}
        {changeText(area.total.count, area.total.lastYear)} · per 1 000 invånare: <RateText rate={area.rate} />
      </p>
      <TrendChart title={`${area.name}: händelser per ${unit}`} periods={analysis.periods} series={[{ label: area.name, values: area.trend }]} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{area.name}: händelser per kategori</caption>
          <thead><tr><th scope="col">Kategori</th><th scope="col">Antal (förändring)</th><th scope="col">Föregående</th><th scope="col">I fjol</th></tr></thead>
          <tbody>
            {analysis.categories.filter((c) => area.byCategory[c.id]!.count || area.byCategory[c.id]!.previous || area.byCategory[c.id]!.lastYear).map((c) => {
              const f = area.byCategory[c.id]!;
              return (
                <tr key={c.id}>
                  <th scope="row">{c.label}</th>
                  <FigureCell figure={f} href={drill({ areaId: area.id, categoryId: c.id })} />
                  <td>{f.previous ? <Link href={drill({ slot: analysis.previous, areaId: area.id, categoryId: c.id })}>{f.previous}</Link> : 0}</td>
                  <td>{f.lastYear ? <Link href={drill({ slot: analysis.lastYear, areaId: area.id, categoryId: c.id })}>{f.lastYear}</Link> : 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {area.hotspots.length ? (
        <p><strong>Platser:</strong>{" "}
          {area.hotspots.map((h, i) => (
            <span key={h.place}>{i ? ", " : ""}<Link href={drill({ areaId: area.id, place: h.place })}>{h.place} ({h.count})</Link></span>
          ))}
        </p>
      ) : null}
      <h3>Områdesstatus per vecka</h3>
      <StatusStrip statuses={area.statuses} />
      {area.goals.length ? (
        <>
          <h3>Områdesmål</h3>
          {area.goals.map((g) => (
            <div key={g.id}>
              <p><strong>{g.title}</strong></p>
              <MeasureList measures={g.measures} />
            </div>
          ))}
        </>
      ) : null}
      {area.measures.length ? <><h3>Åtgärder</h3><MeasureList measures={area.measures} /></> : null}
      {area.insatser.length ? (
        <p><strong>EST Insats:</strong> {area.insatser.map((i) => `${i.name}${i.status === "CLOSED" ? ` (avslutad${i.outcome ? `: ${i.outcome}` : ""})` : " (pågår)"}`).join("; ")}</p>
      ) : null}
      {narrative ? <><h3>Bedömning</h3><p className="narrative">{narrative}</p></> : null}
      {children}
    </section>
  );
}
