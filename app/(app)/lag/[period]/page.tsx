import type { Metadata } from "next";
import { orNotFound, refusePage } from "@/lib/page-errors";
import Link from "next/link";
import { RowLink } from "@/components/ui/row-link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getLawDocument } from "@/lib/law/document";
import { LAW_PERIOD } from "@/lib/law/schema";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FigureCell, RateText, changeText } from "@/components/analysis/figure";
import { TrendChart } from "@/components/analysis/trend-chart";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";
import { ArchiveNote, PdfLink } from "@/components/documents/document-pdf";
import { lawDocument } from "@/lib/documents/catalogue";
import { approveLawAction, newLawVersionAction, saveLawTextsAction } from "./actions";
import { LawSteps } from "./_components/law-steps";
import { LawTextsForm } from "./_components/law-texts-form";
import { CoverageNote, analysisMarks } from "@/components/analysis/coverage-note";
import { ContextTable } from "@/components/analysis/context-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.law.metaTitle };
}

async function load(period: string, version: string | undefined) {
  if (!LAW_PERIOD.test(period) || (version !== undefined && !/^[1-9]\d{0,3}$/.test(version))) return refusePage();
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  return orNotFound(async () => {
    const asked = version === undefined ? undefined : Number(version);
    const [doc, pdf] = await Promise.all([getLawDocument(viewer, active.municipalityId, period, asked), lawDocument(viewer, period, asked)]);
    return { active, doc, pdf };
  });
}

export default async function LawDocumentPage({ params, searchParams }: { params: Promise<{ period: string }>; searchParams: Promise<{ version?: string }> }) {
  const { period } = await params;
  const { active, doc, pdf } = await load(period, (await searchParams).version);
  const a = doc.content.analysis;
  const { m: { law: t, analysis, measureLabels, documents }, f } = await getI18n();
  // The headline of the Kartläggning, which the summary repeats first.
  // The Police's open events, beside the EST reports (issue 28); none in versions approved before.
  const police = doc.content.policeEvents ?? null;
  const mapping = fill(t.mappingText, {
    count: a.total.count, period: f.period(period),
    changePrevious: changeText(a.total.count, a.total.previous, a.against?.previous, analysis), previous: f.period(a.previous),
    changeLastYear: changeText(a.total.count, a.total.lastYear, a.against?.lastYear, analysis), lastYear: f.period(a.lastYear),
  });
  return (
    <ClientMessages ns={["lawForms"]}>
      <div className="page-header">
        <div>
          <div className="meta">{active.municipalityName}</div>
          <h1>{fill(t.title, { period: f.period(period) })}</h1>
          <p className="lead">
            {`${fill(t.lead, { version: doc.version })} · `}
            {doc.status === "APPROVED" ? <Badge tone="ok">{t.approved}</Badge> : <Badge>{t.draft}</Badge>}
            {doc.approvedAt ? ` ${fill(t.approvedBy, { name: doc.approvedBy ?? "", date: f.date(doc.approvedAt) })}` : null}
          </p>
          <ArchiveNote pdf={pdf} />
        </div>
        <div className="toolbar no-print"><PdfLink pdf={pdf} /><PrintButton /></div>
      </div>

      {doc.history.length ? (
        <nav className="no-print" aria-label={t.versions} style={{ marginBottom: "1rem" }}>
          <span className="meta">{`${t.versions}: `}</span>
          {doc.history.map((h, i) => (
            <span key={h.version}>{i ? " · " : ""}<Link href={`/lag/${period}?version=${h.version}`} aria-current={h.version === doc.version ? "page" : undefined}>{fill(t.version, { version: h.version, date: f.date(h.approvedAt), name: h.approvedBy ?? "" })}</Link></span>
          ))}
          {!doc.isLatest ? <>{" · "}<Link href={`/lag/${period}`}>{t.latest}</Link></> : null}
        </nav>
      ) : null}

      <section className="card document-summary" style={{ marginBottom: "1rem" }} aria-labelledby="document-summary" data-testid="document-summary">
        <h2 id="document-summary">{documents.summary}</h2>
        <p>
          {mapping}
        </p>
        <CoverageNote analysis={a} testId="summary-coverage" />
        {a.hotspots.length ? <p>{`${t.hotspots} ${a.hotspots.slice(0, 3).map((h) => `${h.place}, ${h.area} (${h.count})`).join("; ")}`}</p> : null}
        <p>{fill(t.planSummary, { count: doc.content.measures.length })}</p>
        <h3>{documents.proposal}</h3>
        {doc.proposal ? <p className="narrative" data-testid="proposal">{doc.proposal}</p> : <p className="meta">{documents.noProposal}</p>}
      </section>

      <LawSteps period={period} revision={doc.revision} may={doc.may} approve={approveLawAction} newVersion={newLawVersionAction} />

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="kartlaggning">
        <h2 id="kartlaggning">{t.mapping}</h2>
        <p>
          {mapping}
        </p>
        <CoverageNote analysis={a} />
        <TrendChart title={t.trendTitle} periods={a.periods} series={[{ label: t.municipality, values: a.trend }]} marks={await analysisMarks(a)} />
        <div className="table-wrap">
          <table>
            <caption>{t.byArea}</caption>
            <thead><tr><th scope="col">{t.area}</th><th scope="col">{t.incidents}</th><th scope="col">{t.againstLastYear}</th><th scope="col">{t.perThousand}</th><th scope="col">{t.classification}</th></tr></thead>
            <tbody>
              {a.areas.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.name}</th>
                  <FigureCell figure={x.total} sides={a.against?.previous} href={`/incidents?${new URLSearchParams({ period, areaId: x.id })}`} />
                  <td>{changeText(x.total.count, x.total.lastYear, a.against?.lastYear, analysis)}</td>
                  <td><RateText rate={x.rate} /></td>
                  <td>{doc.content.classifications.filter((c) => c.area === x.name).map((c) => fill(t.classifiedSince, { classification: t.classifications[c.classification], since: c.since })).join(", ") || "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="table-wrap">
          <table>
            <caption>{t.byCategory}</caption>
            <thead><tr><th scope="col">{t.category}</th><th scope="col">{t.incidents}</th><th scope="col">{t.previousPeriod}</th><th scope="col">{t.lastYear}</th></tr></thead>
            <tbody>
              {a.categories.map((c) => (
                <tr key={c.id}><th scope="row">{c.label}</th><td>{a.byCategory[c.id]!.count}</td><td>{a.byCategory[c.id]!.previous}</td><td>{a.byCategory[c.id]!.lastYear}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        {a.hotspots.length ? <p><strong>{t.hotspots}</strong>{" "}{a.hotspots.map((h) => `${h.place}, ${h.area} (${h.count})`).join("; ")}</p> : null}
        {police ? (
          <div data-testid="police-events">
            <h3>{t.policeTitle}</h3>
            <p>
              {fill(t.policeSource, { total: police.total })}
              {police.covers ? null : <strong>{` ${fill(t.policeNotCovered, { from: f.date(new Date(police.importedFrom)), to: f.date(new Date(police.importedTo)) })}`}</strong>}
            </p>
            {police.rows.length ? (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{t.policeTitle}</caption>
                  <thead><tr><th scope="col">{t.policeType}</th><th scope="col">{t.policeCount}</th></tr></thead>
                  <tbody>{police.rows.map((r) => <tr key={r.type}><th scope="row">{r.type}</th><td>{r.count}</td></tr>)}</tbody>
                </table>
              </div>
            ) : null}
          </div>
        ) : null}
      </section>

      {doc.may.edit && doc.content.context ? (
        // While editing, the texts below are a form; the figures the writer draws on stay in sight.
        <section className="card screen-only" style={{ marginBottom: "1rem" }} aria-labelledby="annan-figures">
          <h2 id="annan-figures">{t.otherInfo}</h2>
          <ContextTable figures={doc.content.context} testId="law-context-editing" />
        </section>
      ) : null}
      {doc.may.edit ? (
        <section className="card" style={{ marginBottom: "1rem" }} aria-label={t.textsLabel}>
          <LawTextsForm initial={{ period, revision: doc.revision, otherInfo: doc.otherInfo, analysis: doc.analysis, proposal: doc.proposal }} save={saveLawTextsAction} />
        </section>
      ) : null}
      <section className={doc.may.edit ? "card print-only" : "card"} style={{ marginBottom: "1rem" }} aria-labelledby="annan">
        <h2 id="annan">{t.otherInfo}</h2>
        {doc.content.context ? <ContextTable figures={doc.content.context} testId="law-context" /> : null}
        <p className="narrative">{doc.otherInfo || "–"}</p>
        <h2>{t.analysis}</h2>
        <p className="narrative" data-testid="law-analysis">{doc.analysis || "–"}</p>
      </section>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="atgardsplan">
        <h2 id="atgardsplan">{t.plan}</h2>
        {doc.content.measures.length === 0 ? <p className="meta">{t.noMeasures}</p> : null}
        {doc.content.measures.map((m) => (
          <article key={m.id} className="measure" data-testid="law-measure">
            <h3>{`${m.title} `}<Badge tone={m.status === "DONE" ? "ok" : m.status === "CANCELLED" ? "danger" : "info"}>{measureLabels.status[m.status]}</Badge></h3>
            <p className="meta">
              {`${m.owner}${m.responsible ? `, ${m.responsible}` : ""}${m.area ? ` · ${m.area}` : ""}${m.goal ? ` · ${fill(t.goal, { goal: m.goal })}` : ""}`}
              {m.startDate || m.dueDate ? ` · ${m.startDate ?? "…"} – ${m.dueDate ?? "…"}` : ""}
            </p>
            {m.description ? <p>{m.description}</p> : null}
            {m.cancelReason ? <p>{fill(t.cancelled, { reason: m.cancelReason })}</p> : null}
            {m.effect ? <p><strong>{t.effect}</strong>{` ${m.effect}`}</p> : null}
            <p>
              <strong>{t.evidence}</strong>{" "}
              {m.evidence.length
                ? m.evidence.map((e, i) => <span key={e.id}>{i ? ", " : ""}<RowLink href={`/incidents/${e.id}`}>{`${f.dateTime(new Date(e.occurredAt))} ${e.place} (${e.category})`}</RowLink></span>)
                : t.noEvidence}
            </p>
            {m.followUps.length ? (
              <ul>{m.followUps.map((fu, i) => <li key={i}>{`${fu.date}: ${fu.text}`}</li>)}</ul>
            ) : <p className="meta">{t.noFollowUp}</p>}
          </article>
        ))}
      </section>
    </ClientMessages>
  );
}
