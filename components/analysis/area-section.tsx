import type { ReactNode } from "react";
import Link from "next/link";
import { RowLink } from "@/components/ui/row-link";
import type { Analysis } from "@/lib/analysis/build";
import { verdictLabel } from "@/lib/measures/labels";
import { fill, plural } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { FigureCell, RateText, Uncertain, changeText } from "./figure";
import { StatusStrip } from "./status-strip";
import { TrendChart } from "./trend-chart";
import { analysisMarks } from "./coverage-note";

export type DrillParams = { slot?: string; areaId?: string; categoryId?: string; place?: string; weekday?: number; hour?: number };
export type DrillHref = (p: DrillParams) => string;


export async function MeasureList({ measures }: { measures: Analysis["measures"]["started"] }) {
  const { m: { analysis: t, measureLabels } } = await getI18n();
  if (!measures.length) return <p className="meta">{t.noMeasures}</p>;
  return (
    <ul className="status-list">
      {measures.map((m) => (
        <li key={m.id}>
          <span>
            <RowLink href={`/atgarder/${m.id}`}><strong>{m.title}</strong></RowLink>{` · ${m.ownerOrg}`}
            {m.effectVerdict || m.effectJudgement ? ` · ${fill(t.effect, { verdict: [verdictLabel(m.effectVerdict, measureLabels), m.effectJudgement].filter(Boolean).join(" – ") })}` : null}
          </span>
          <Badge tone={m.status === "DONE" ? "ok" : m.status === "CANCELLED" ? "danger" : "info"}>{measureLabels.status[m.status]}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** One kommundel's part of an analysis: its figures against earlier periods, where and when,
 * its weekly statuses, what was done, and the group's own words. */
export async function AreaSection({ analysis, area, drill, narrative, children }: {
  analysis: Analysis;
  area: Analysis["areas"][number];
  drill: DrillHref;
  narrative?: string;
  children?: ReactNode;
}) {
  const { locale, m: { analysis: t }, f } = await getI18n();
  const unit = t.unit[analysis.kind === "tertial" ? "tertial" : "quarter"];
  const categories = analysis.categories.filter((c) => area.byCategory[c.id]!.count || area.byCategory[c.id]!.previous || area.byCategory[c.id]!.lastYear);
  return (
    <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby={`area-${area.id}`} data-testid="area-section" data-area={area.name}>
      <h2 id={`area-${area.id}`}>{area.isFocus ? fill(t.focusArea, { area: area.name }) : area.name}</h2>
      <p data-testid="area-summary">
        <Link href={drill({ areaId: area.id })}>{plural(locale, t.incidents, area.total.count)}</Link>
        {area.total.uncertain ? <Uncertain /> : null}
        {` · ${fill(t.againstPrevious, { unit, period: f.period(analysis.previous) })}`}
        <span data-testid="change-previous">{changeText(area.total.count, area.total.previous, analysis.against?.previous, t)}</span>
        {` · ${fill(t.againstLastYear, { unit })}${changeText(area.total.count, area.total.lastYear, analysis.against?.lastYear, t)} · ${t.perThousand}`}
        <RateText rate={area.rate} />
      </p>
      <TrendChart title={fill(t.trendTitle, { area: area.name, unit })} periods={analysis.periods} series={[{ label: area.name, values: area.trend }]} marks={await analysisMarks(analysis)} />
      {categories.length === 0 ? <p className="meta">{t.noCategoryFigures}</p> : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{fill(t.byCategoryCaption, { area: area.name })}</caption>
            <thead><tr><th scope="col">{t.category}</th><th scope="col">{t.countChange}</th><th scope="col">{t.previous}</th><th scope="col">{t.lastYear}</th></tr></thead>
            <tbody>
              {categories.map((c) => {
                const fig = area.byCategory[c.id]!;
                return (
                  <tr key={c.id}>
                    <th scope="row">{c.label}</th>
                    <FigureCell figure={fig} sides={analysis.against?.previous} href={drill({ areaId: area.id, categoryId: c.id })} />
                    <td>{fig.previous ? <RowLink href={drill({ slot: analysis.previous, areaId: area.id, categoryId: c.id })}>{fig.previous}</RowLink> : 0}</td>
                    <td>{fig.lastYear ? <RowLink href={drill({ slot: analysis.lastYear, areaId: area.id, categoryId: c.id })}>{fig.lastYear}</RowLink> : 0}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {area.hotspots.length ? (
        <p><strong>{t.places}</strong>{" "}
          {area.hotspots.map((h, i) => (
            <span key={h.place}>{i ? ", " : ""}<RowLink href={drill({ areaId: area.id, place: h.place })}>{`${h.place} (${h.count})`}</RowLink></span>
          ))}
        </p>
      ) : null}
      <h3>{t.statusPerWeek}</h3>
      <StatusStrip statuses={area.statuses} />
      {area.goals.length ? (
        <>
          <h3>{t.goals}</h3>
          {area.goals.map((g) => (
            <div key={g.id}>
              <p><strong>{g.title}</strong></p>
              <MeasureList measures={g.measures} />
            </div>
          ))}
        </>
      ) : null}
      {area.measures.length ? <><h3>{t.measures}</h3><MeasureList measures={area.measures} /></> : null}
      {area.insatser.length ? (
        <p><strong>{t.insats}</strong>{` ${area.insatser.map((i) => fill(i.status !== "CLOSED" ? t.insatsOngoing : i.outcome ? t.insatsClosedOutcome : t.insatsClosed, { name: i.name, outcome: i.outcome ?? "" })).join("; ")}`}</p>
      ) : null}
      {narrative ? <><h3>{t.judgement}</h3><p className="narrative">{narrative}</p></> : null}
      {children}
    </section>
  );
}
