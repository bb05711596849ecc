import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { isExpectedError } from "@/lib/errors";
import { getLawDocument } from "@/lib/law/document";
import { LAW_PERIOD } from "@/lib/law/schema";
import { MEASURE_STATUS_LABEL } from "@/lib/measures/labels";
import { formatDate, formatDateTime } from "@/lib/time/format";
import { periodLabel } from "@/lib/time/periods";
import { FigureCell, RateText, changeText } from "@/components/analysis/figure";
import { TrendChart } from "@/components/analysis/trend-chart";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";
import { approveLawAction, newLawVersionAction, saveLawTextsAction } from "./actions";
import { LawSteps } from "./_components/law-steps";
import { LawTextsForm } from "./_components/law-texts-form";

export const metadata: Metadata = { title: "Lägesbild och åtgärdsplan (lag 2023:196)" };

const CLASSIFICATION = { NONE: "–", RISK: "Riskområde", UTSATT: "Utsatt område", SARSKILT_UTSATT: "Särskilt utsatt område" } as const;

async function load(period: string, version: string | undefined) {
  if (!LAW_PERIOD.test(period) || (version !== undefined && !/^[1-9]\d{0,3}$/.test(version))) notFound();
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  try {
    return { active, doc: await getLawDocument(viewer, active.municipalityId, period, version === undefined ? undefined : Number(version)) };
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function LawDocumentPage({ params, searchParams }: { params: Promise<{ period: string }>; searchParams: Promise<{ version?: string }> }) {
  const { period } = await params;
  const { active, doc } = await load(period, (await searchParams).version);
  const a = doc.content.analysis;
  return (
    <>
      <div className="page-header">
        <div>
          <div className="meta">{active.municipalityName}</div>
          <h1>Lägesbild och åtgärdsplan {periodLabel(period)}</h1>
          <p className="lead">
            Enligt lag (2023:196) om kommuners ansvar för brottsförebyggande arbete · version {doc.version} ·{" "}
            {doc.status === "APPROVED" ? <Badge tone="ok">Fastställd</Badge> : <Badge>Utkast</Badge>}
            {doc.approvedAt ? <> av {doc.approvedBy} {formatDate(doc.approvedAt)}</> : null}
          </p>
        </div>
        <div className="toolbar no-print"><PrintButton /></div>
      </div>

      {doc.history.length ? (
        <nav className="no-print" aria-label="Fastställda versioner" style={{ marginBottom: "1rem" }}>
          <span className="meta">Fastställda versioner: </span>
          {doc.history.map((h, i) => (
            <span key={h.version}>{i ? " · " : ""}<Link href={`/lag/${period}?version=${h.version}`} aria-current={h.version === doc.version ? "page" : undefined}>version {h.version} ({formatDate(h.approvedAt)}, {h.approvedBy})</Link></span>
          ))}
          {!doc.isLatest ? <> · <Link href={`/lag/${period}`}>senaste</Link></> : null}
        </nav>
      ) : null}

      <LawSteps period={period} revision={doc.revision} may={doc.may} approve={approveLawAction} newVersion={newLawVersionAction} />

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="kartlaggning">
        <h2 id="kartlaggning">1. Kartläggning</h2>
        <p>
          {a.total.count} rapporterade händelser under {periodLabel(period)}: {changeText(a.total.count, a.total.previous)} mot {periodLabel(a.previous)} och{" "}
          {changeText(a.total.count, a.total.lastYear)} mot {periodLabel(a.lastYear)}. Källa: EST-parternas händelserapporter (inte polisanmälningar).
        </p>
        <TrendChart title="Händelser per period" periods={a.periods} series={[{ label: "Kommunen", values: a.trend }]} />
        <div className="table-wrap">
          <table>
            <caption>Händelser per kommundel</caption>
            <thead><tr><th scope="col">Kommundel</th><th scope="col">Händelser</th><th scope="col">Mot samma period i fjol</th><th scope="col">Per 1 000 inv.</th><th scope="col">Polisens klassning</th></tr></thead>
            <tbody>
              {a.areas.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.name}</th>
                  <FigureCell figure={x.total} href={`/incidents?${new URLSearchParams({ period, areaId: x.id })}`} />
                  <td>{changeText(x.total.count, x.total.lastYear)}</td>
                  <td><RateText rate={x.rate} /></td>
                  <td>{doc.content.classifications.filter((c) => c.area === x.name).map((c) => `${CLASSIFICATION[c.classification]} (sedan ${c.since})`).join(", ") || "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="table-wrap">
          <table>
            <caption>Händelser per kategori</caption>
            <thead><tr><th scope="col">Kategori</th><th scope="col">Händelser</th><th scope="col">Föregående period</th><th scope="col">I fjol</th></tr></thead>
            <tbody>
              {a.categories.map((c) => (
                <tr key={c.id}><th scope="row">{c.label}</th><td>{a.byCategory[c.id]!.count}</td><td>{a.byCategory[c.id]!.previous}</td><td>{a.byCategory[c.id]!.lastYear}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        {a.hotspots.length ? <p><strong>Platser med flest händelser:</strong> {a.hotspots.map((h) => `${h.place}, ${h.area} (${h.count})`).join("; ")}</p> : null}
      </section>

      {doc.may.edit ? (
        <section className="card" style={{ marginBottom: "1rem" }} aria-label="Annan information och analys">
          <LawTextsForm initial={{ period, revision: doc.revision, otherInfo: doc.otherInfo, analysis: doc.analysis }} save={saveLawTextsAction} />
        </section>
      ) : null}
      <section className={doc.may.edit ? "card print-only" : "card"} style={{ marginBottom: "1rem" }} aria-labelledby="annan">
        <h2 id="annan">2. Annan information</h2>
        <p className="narrative">{doc.otherInfo || "–"}</p>
        <h2>3. Analys</h2>
        <p className="narrative" data-testid="law-analysis">{doc.analysis || "–"}</p>
      </section>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="atgardsplan">
        <h2 id="atgardsplan">4. Åtgärdsplan</h2>
        {doc.content.measures.length === 0 ? <p className="meta">Inga åtgärder under perioden.</p> : null}
        {doc.content.measures.map((m) => (
          <article key={m.id} className="measure" data-testid="law-measure">
            <h3>{m.title} <Badge tone={m.status === "DONE" ? "ok" : m.status === "CANCELLED" ? "danger" : "info"}>{MEASURE_STATUS_LABEL[m.status]}</Badge></h3>
            <p className="meta">
              {m.owner}{m.responsible ? `, ${m.responsible}` : ""}{m.area ? ` · ${m.area}` : ""}{m.goal ? ` · mål: ${m.goal}` : ""}
              {m.startDate || m.dueDate ? ` · ${m.startDate ?? "…"} – ${m.dueDate ?? "…"}` : ""}
            </p>
            {m.description ? <p>{m.description}</p> : null}
            {m.cancelReason ? <p>Avbruten: {m.cancelReason}</p> : null}
            {m.effect ? <p><strong>Effekt:</strong> {m.effect}</p> : null}
            <p>
              <strong>Underlag:</strong>{" "}
              {m.evidence.length
                ? m.evidence.map((e, i) => <span key={e.id}>{i ? ", " : ""}<Link href={`/incidents/${e.id}`}>{formatDateTime(new Date(e.occurredAt))} {e.place} ({e.category})</Link></span>)
                : "inga kopplade händelser"}
            </p>
            {m.followUps.length ? (
              <ul>{m.followUps.map((f, i) => <li key={i}>{f.date}: {f.text}</li>)}</ul>
            ) : <p className="meta">Ingen uppföljning ännu.</p>}
          </article>
        ))}
      </section>
    </>
  );
}
