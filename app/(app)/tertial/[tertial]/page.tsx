import type { Metadata } from "next";
import { orNotFound, refusePage } from "@/lib/page-errors";
import { ClientMessages } from "@/components/i18n/client-messages";
import Link from "next/link";
import { RowLink } from "@/components/ui/row-link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getTertialAnalysis } from "@/lib/analysis/tertial";
import { indicatorLabel } from "@/lib/analysis/labels";
import { fill, plural } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { isPeriodKey, shiftPeriod } from "@/lib/time/periods";
import { AreaSection, MeasureList, type DrillParams } from "@/components/analysis/area-section";
import { ContextTable } from "@/components/analysis/context-table";
import { FigureCell, RateText, changeText } from "@/components/analysis/figure";
import { TrendChart } from "@/components/analysis/trend-chart";
import { WeekdayHourTable } from "@/components/lagesbild/weekday-hour";
import { Badge } from "@/components/ui/badge";
import { TertialStateBadge } from "@/components/analysis/tertial-state";
import { PrintButton } from "@/components/ui/print-button";
import { ArchiveNote, PdfLink } from "@/components/documents/document-pdf";
import { tertialDocument } from "@/lib/documents/catalogue";
import { approveAction, commentAction, returnToDraftAction, saveNarrativeAction, submitForReviewAction } from "./actions";
import { CommentForm } from "./_components/comment-form";
import { NarrativeForm } from "./_components/narrative-form";
import { Workflow } from "./_components/workflow";
import { CoverageNote, analysisMarks } from "@/components/analysis/coverage-note";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.tertial.metaTitle };
}


async function load(tertial: string) {
  if (!isPeriodKey(tertial, "tertial")) return refusePage();
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  return orNotFound(async () => {
    const [view, pdf] = await Promise.all([getTertialAnalysis(viewer, active.municipalityId, tertial), tertialDocument(viewer, tertial)]);
    return { active, view, pdf };
  });
}

export default async function TertialPage({ params }: { params: Promise<{ tertial: string }> }) {
  const { tertial } = await params;
  const { active, view, pdf } = await load(tertial);
  const a = view.analysis;
  const { m: { tertial: t, analysis, documents }, f } = await getI18n();
  const drill = (p: DrillParams) => {
    const q = new URLSearchParams({ slot: p.slot ?? tertial });
    for (const [k, v] of Object.entries(p)) if (k !== "slot" && v !== undefined) q.set(k, String(v));
    return `/tertial/${tertial}/incidents?${q}`;
  };
  const focus = a.areas.filter((x) => x.isFocus);
  // Indicators with no value are named in one line, not a table row each.
  const withValue = a.indicators.filter((i) => i.latest);
  const withoutValue = a.indicators.filter((i) => !i.latest);
  const others = a.areas.filter((x) => !x.isFocus);
  const commentsOn = (section: string) => view.comments.filter((c) => c.section === section);
  const comments = (section: string) =>
    commentsOn(section).length ? (
      <ul className="comment-list" aria-label={t.comments}>
        {commentsOn(section).map((c) => <li key={c.id}><span className="meta">{`${c.author?.name ?? t.deletedUser}, ${f.dateTime(c.createdAt)}:`}</span>{` ${c.text}`}</li>)}
      </ul>
    ) : null;

  return (
    <ClientMessages ns={["tertialForms"]}>
      <div className="page-header">
        <div>
          <h1>{fill(t.title, { period: f.period(tertial) })}</h1>
          <p className="lead">
            {`${active.municipalityName} · `}<TertialStateBadge state={view.state} words={t.status_} />
            {view.status === "APPROVED" && view.approvedAt ? ` · ${fill(t.approvedBy, { name: view.approvedBy ?? "", date: f.date(view.approvedAt) })}` : null}
            {view.status === "IN_REVIEW" && view.submittedAt ? ` · ${fill(t.submitted, { date: f.date(view.submittedAt) })}` : null}
          </p>
          <ArchiveNote pdf={pdf} />
        </div>
        <nav className="toolbar no-print" aria-label={t.changeTertial}>
          <PdfLink pdf={pdf} />
          <PrintButton />
          <Link className="btn btn-secondary" href={`/lag/${tertial}`}>{t.lawDocument}</Link>
          <Link className="btn btn-secondary" href={`/tertial/${shiftPeriod(tertial, -1)}`}>{`← ${shiftPeriod(tertial, -1).replace("-", " ")}`}</Link>
          <Link className="btn btn-secondary" href={`/tertial/${shiftPeriod(tertial, 1)}`}>{`${shiftPeriod(tertial, 1).replace("-", " ")} →`}</Link>
        </nav>
      </div>

      <Workflow tertial={tertial} version={view.version} may={view.may} submit={submitForReviewAction} approve={approveAction} returnToDraft={returnToDraftAction} />

      <section className="card document-summary" style={{ marginBottom: "1rem" }} aria-labelledby="document-summary" data-testid="document-summary">
        <h2 id="document-summary">{documents.summary}</h2>
        <p>
          {plural(f.locale, analysis.incidents, a.total.count)}
          {` · ${fill(t.against, { period: f.period(a.previous), change: changeText(a.total.count, a.total.previous, a.against?.previous, analysis) })}`}
          {` · ${fill(t.against, { period: f.period(a.lastYear), change: changeText(a.total.count, a.total.lastYear, a.against?.lastYear, analysis) })}`}
        </p>
        <CoverageNote analysis={a} testId="summary-coverage" />
        {a.hotspots.length ? <p>{`${t.hotspots}: ${a.hotspots.slice(0, 3).map((h) => `${h.place}, ${h.area} (${h.count})`).join("; ")}`}</p> : null}
        <h3>{documents.proposal}</h3>
        {view.narrative.proposal ? <p className="narrative" data-testid="proposal">{view.narrative.proposal}</p> : <p className="meta">{documents.noProposal}</p>}
      </section>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="summary">
        <h2 id="summary">{t.wholeMunicipality}</h2>
        <p data-testid="total">
          <Link href={drill({})}>{plural(f.locale, analysis.incidents, a.total.count)}</Link>
          {` · ${fill(t.against, { period: f.period(a.previous), change: changeText(a.total.count, a.total.previous, a.against?.previous, analysis) })}`}
          {` · ${fill(t.against, { period: f.period(a.lastYear), change: changeText(a.total.count, a.total.lastYear, a.against?.lastYear, analysis) })}`}
        </p>
        <CoverageNote analysis={a} />
        <TrendChart title={t.trendTitle} periods={a.periods} series={[{ label: t.municipality, values: a.trend }, ...focus.map((x) => ({ label: x.name, values: x.trend }))]} marks={await analysisMarks(a)} />
        {view.narrative.overall ? <><h3>{t.overall}</h3><p className="narrative">{view.narrative.overall}</p></> : null}
        {comments("overall")}
        <h3>{t.areas}</h3>
        <div className="table-wrap">
          <table data-testid="area-table">
            <thead><tr><th scope="col">{t.area}</th><th scope="col">{t.incidents}</th><th scope="col">{t.againstPrevious}</th><th scope="col">{t.againstLastYear}</th><th scope="col">{t.perThousand}</th></tr></thead>
            <tbody>
              {a.areas.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.name}</th>
                  <FigureCell figure={x.total} sides={a.against?.previous} href={drill({ areaId: x.id })} />
                  <td>{changeText(x.total.count, x.total.previous, a.against?.previous, analysis)}</td>
                  <td>{changeText(x.total.count, x.total.lastYear, a.against?.lastYear, analysis)}</td>
                  <td><RateText rate={x.rate} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="print-wide">
        <h3>{t.areaByCategory}</h3>
        <div className="table-wrap">
          <table className="matrix" data-testid="area-category">
            <caption className="visually-hidden">{t.matrixCaption}</caption>
            <thead><tr><th scope="col">{t.area}</th>{a.categories.map((c) => <th key={c.id} scope="col">{c.label}</th>)}<th scope="col">{t.total}</th></tr></thead>
            <tbody>
              {a.areas.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.name}</th>
                  {a.categories.map((c) => <FigureCell key={c.id} figure={x.byCategory[c.id]!} sides={a.against?.previous} href={drill({ areaId: x.id, categoryId: c.id })} />)}
                  <FigureCell figure={x.total} sides={a.against?.previous} href={drill({ areaId: x.id })} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t.total}</th>
                {a.categories.map((c) => <FigureCell key={c.id} figure={a.byCategory[c.id]!} sides={a.against?.previous} href={drill({ categoryId: c.id })} />)}
                <FigureCell figure={a.total} sides={a.against?.previous} href={drill({})} />
              </tr>
            </tfoot>
          </table>
        </div>
        <p className="meta">{t.uncertainNote}</p>
        </div>
      </section>

      {focus.map((x) => (
        <AreaSection key={x.id} analysis={a} area={x} drill={drill} narrative={view.narrative.areas[x.id]}>
          {comments(x.id)}
        </AreaSection>
      ))}

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="when">
        <h2 id="when">{t.when}</h2>
        <p className="meta">{t.whenHint}</p>
        <WeekdayHourTable table={a.weekdayHour} href={(day, hour) => drill({ weekday: day + 1, hour })} />
      </section>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="where">
        <h2 id="where">{t.hotspots}</h2>
        {a.hotspots.length ? (
          <ol>
            {a.hotspots.map((h) => <li key={`${h.areaId}-${h.place}`}><RowLink href={drill({ areaId: h.areaId, place: h.place })}>{h.place}</RowLink>{`, ${h.area}: ${h.count}`}</li>)}
          </ol>
        ) : <p className="meta">{t.noIncidents}</p>}
      </section>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="measures">
        <h2 id="measures">{t.measures}</h2>
        <h3>{t.started}</h3>
        <MeasureList measures={a.measures.started} />
        <h3>{t.completed}</h3>
        <MeasureList measures={a.measures.completed} />
      </section>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="indicators">
        <h2 id="indicators">{t.indicators}</h2>
        {withoutValue.length ? <p className="meta" data-testid="indicators-without-value">{fill(t.indicatorsWithoutValue, { count: withoutValue.length, names: withoutValue.map((i) => i.name).join(", ") })}</p> : null}
        {withValue.length ? (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t.indicator}</th><th scope="col">{t.owner}</th><th scope="col">{t.baseline}</th><th scope="col">{t.latest}</th><th scope="col">{t.target}</th><th scope="col">{t.status}</th></tr></thead>
              <tbody>
                {withValue.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.name}</th>
                    <td>{i.ownerBoard}</td>
                    <td>{i.baseline ?? "–"}{i.unit && i.baseline !== null ? ` ${i.unit}` : ""}</td>
                    <td>{i.latest ? `${i.latest.value}${i.unit ? ` ${i.unit}` : ""} (${i.latest.period})` : "–"}</td>
                    <td>{i.target ?? "–"}{i.unit && i.target !== null ? ` ${i.unit}` : ""}</td>
                    <td>{indicatorLabel(i.status, analysis)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : a.indicators.length ? null : <p className="meta">{t.noIndicators}</p>}
      </section>

      {view.context ? (
        <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="context">
          <h2 id="context">{t.context}</h2>
          <ContextTable figures={view.context} testId="tertial-context" />
        </section>
      ) : null}

      {a.sources ? (
        <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="sources">
          <h2 id="sources">{t.sources}</h2>
          <p data-testid="tertial-sources">
            {fill(t.sourcesText, { resident: a.sources.resident, association: a.sources.association, walks: a.sources.walks, walkers: a.sources.walkers, hours: f.number(a.sources.walkerHours) })}
          </p>
        </section>
      ) : null}

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="insatser">
        <h2 id="insatser">{t.insatser}</h2>
        {a.insatser.length ? (
          <ul className="status-list" data-testid="tertial-insatser">
            {a.insatser.map((i) => (
              <li key={i.id}>
                <span>
                  <strong>{i.name}</strong>
                  {i.openedAt ? ` · ${f.date(new Date(i.openedAt))}–${i.closedAt ? f.date(new Date(i.closedAt)) : ""}` : ""}
                  {i.before !== null && i.during !== null ? ` · ${fill(t.beforeDuring, { before: i.before, during: i.during })}` : ""}
                  {i.outcome ? ` · ${fill(t.outcome, { text: i.outcome })}` : ""}
                  {i.lessons ? ` · ${fill(t.lessons, { text: i.lessons })}` : ""}
                </span>
                <Badge tone={i.status === "CLOSED" ? "ok" : "warn"}>{i.status === "CLOSED" ? t.closed : t.ongoing}</Badge>
              </li>
            ))}
          </ul>
        ) : <p className="meta">{t.noInsatser}</p>}
      </section>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="others">
        <h2 id="others">{t.otherAreas}</h2>
        {others.map((x) => (
          <div key={x.id} data-testid="other-area">
            <h3>{x.name}</h3>
            <p>{fill(t.otherArea, { count: x.total.count, change: changeText(x.total.count, x.total.previous, a.against?.previous, analysis) })}</p>
            {view.narrative.areas[x.id] ? <p className="narrative">{view.narrative.areas[x.id]}</p> : null}
            {comments(x.id)}
          </div>
        ))}
      </section>

      {view.may.edit ? (
        <section className="card no-print" style={{ marginBottom: "1rem" }} aria-labelledby="write">
          <h2 id="write">{t.write}</h2>
          <NarrativeForm
            tertial={tertial}
            version={view.version}
            overall={view.narrative.overall}
            proposal={view.narrative.proposal ?? ""}
            areas={a.areas.map((x) => ({ id: x.id, name: x.name, text: view.narrative.areas[x.id] ?? "" }))}
            save={saveNarrativeAction}
          />
        </section>
      ) : null}

      {view.may.comment ? (
        <section className="card no-print" style={{ marginBottom: "1rem" }} aria-labelledby="review">
          <h2 id="review">{t.comment}</h2>
          <CommentForm tertial={tertial} sections={[{ id: "overall", label: t.wholeMunicipality }, ...a.areas.map((x) => ({ id: x.id, label: x.name }))]} add={commentAction} />
        </section>
      ) : null}
    </ClientMessages>
  );
}
