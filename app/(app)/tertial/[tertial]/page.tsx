import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getTertialAnalysis } from "@/lib/analysis/tertial";
import { indicatorLabel } from "@/lib/analysis/labels";
import { isExpectedError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/time/format";
import { isPeriodKey, periodLabel, shiftPeriod } from "@/lib/time/periods";
import { AreaSection, MeasureList, type DrillParams } from "@/components/analysis/area-section";
import { FigureCell, RateText, changeText } from "@/components/analysis/figure";
import { TrendChart } from "@/components/analysis/trend-chart";
import { WeekdayHourTable } from "@/components/lagesbild/weekday-hour";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";
import { approveAction, commentAction, returnToDraftAction, saveNarrativeAction, submitForReviewAction } from "./actions";
import { CommentForm } from "./_components/comment-form";
import { NarrativeForm } from "./_components/narrative-form";
import { Workflow } from "./_components/workflow";

export const metadata: Metadata = { title: "Tertialanalys" };

const STATUS = { DRAFT: ["info", "Utkast"], IN_REVIEW: ["warn", "Under granskning"], APPROVED: ["ok", "Godkänd"] } as const;

async function load(tertial: string) {
  if (!isPeriodKey(tertial, "tertial")) notFound();
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  try {
    return { active, view: await getTertialAnalysis(viewer, active.municipalityId, tertial) };
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function TertialPage({ params }: { params: Promise<{ tertial: string }> }) {
  const { tertial } = await params;
  const { active, view } = await load(tertial);
  const a = view.analysis;
  const drill = (p: DrillParams) => {
    const q = new URLSearchParams({ slot: p.slot ?? tertial });
    for (const [k, v] of Object.entries(p)) if (k !== "slot" && v !== undefined) q.set(k, String(v));
    return `/tertial/${tertial}/incidents?${q}`;
  };
  const focus = a.areas.filter((x) => x.isFocus);
  const others = a.areas.filter((x) => !x.isFocus);
  const commentsOn = (section: string) => view.comments.filter((c) => c.section === section);
  const comments = (section: string) =>
    commentsOn(section).length ? (
      <ul className="comment-list" aria-label="Kommentarer">
        {commentsOn(section).map((c) => <li key={c.id}><span className="meta">{c.author?.name ?? "Borttagen användare"}, {formatDateTime(c.createdAt)}:</span> {c.text}</li>)}
      </ul>
    ) : null;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Tertialanalys {periodLabel(tertial)}</h1>
          <p className="lead">
            {active.municipalityName} · <Badge tone={STATUS[view.status][0]}>{STATUS[view.status][1]}</Badge>
            {view.status === "APPROVED" && view.approvedAt ? <> · godkänd av {view.approvedBy} {formatDate(view.approvedAt)}</> : null}
            {view.status === "IN_REVIEW" && view.submittedAt ? <> · lämnad för granskning {formatDate(view.submittedAt)}</> : null}
          </p>
        </div>
        <nav className="toolbar no-print" aria-label="Byt tertial">
          <PrintButton />
          <Link className="btn btn-secondary" href={`/lag/${tertial}`}>Lägesbild och åtgärdsplan (lag 2023:196)</Link>
          <Link className="btn btn-secondary" href={`/tertial/${shiftPeriod(tertial, -1)}`}>← {shiftPeriod(tertial, -1).replace("-", " ")}</Link>
          <Link className="btn btn-secondary" href={`/tertial/${shiftPeriod(tertial, 1)}`}>{shiftPeriod(tertial, 1).replace("-", " ")} →</Link>
        </nav>
      </div>

      <Workflow tertial={tertial} version={view.version} may={view.may} submit={submitForReviewAction} approve={approveAction} returnToDraft={returnToDraftAction} />

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="summary">
        <h2 id="summary">Kommunen som helhet</h2>
        <p data-testid="total">
          <Link href={drill({})}><strong>{a.total.count}</strong> händelser</Link> · mot {periodLabel(a.previous)}: {changeText(a.total.count, a.total.previous)} ·
          mot {periodLabel(a.lastYear)}: {changeText(a.total.count, a.total.lastYear)}
        </p>
        <TrendChart title="Händelser per tertial, hela kommunen" periods={a.periods} series={[{ label: "Kommunen", values: a.trend }, ...focus.map((f) => ({ label: f.name, values: f.trend }))]} />
        {view.narrative.overall ? <><h3>Övergripande bedömning</h3><p className="narrative">{view.narrative.overall}</p></> : null}
        {comments("overall")}
        <h3>Kommundelar</h3>
        <div className="table-wrap">
          <table data-testid="area-table">
            <thead><tr><th scope="col">Kommundel</th><th scope="col">Händelser</th><th scope="col">Mot föregående tertial</th><th scope="col">Mot samma tertial i fjol</th><th scope="col">Per 1 000 inv.</th></tr></thead>
            <tbody>
              {a.areas.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.name}</th>
                  <FigureCell figure={x.total} href={drill({ areaId: x.id })} />
                  <td>{changeText(x.total.count, x.total.previous)}</td>
                  <td>{changeText(x.total.count, x.total.lastYear)}</td>
                  <td><RateText rate={x.rate} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>Kommundel × kategori</h3>
        <div className="table-wrap">
          <table className="matrix" data-testid="area-category">
            <caption className="visually-hidden">Händelser per kommundel och kategori med förändring mot föregående tertial</caption>
            <thead><tr><th scope="col">Kommundel</th>{a.categories.map((c) => <th key={c.id} scope="col">{c.label}</th>)}<th scope="col">Totalt</th></tr></thead>
            <tbody>
              {a.areas.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.name}</th>
                  {a.categories.map((c) => <FigureCell key={c.id} figure={x.byCategory[c.id]!} href={drill({ areaId: x.id, categoryId: c.id })} />)}
                  <FigureCell figure={x.total} href={drill({ areaId: x.id })} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Totalt</th>
                {a.categories.map((c) => <FigureCell key={c.id} figure={a.byCategory[c.id]!} href={drill({ categoryId: c.id })} />)}
                <FigureCell figure={a.total} href={drill({})} />
              </tr>
            </tfoot>
          </table>
        </div>
        <p className="meta">* Osäker siffra: färre än 5 händelser, eller en takt för en kommundel med under 1 000 invånare.</p>
      </section>

      {focus.map((x) => (
        <AreaSection key={x.id} analysis={a} area={x} drill={drill} narrative={view.narrative.areas[x.id]}>
          {comments(x.id)}
        </AreaSection>
      ))}

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="when">
        <h2 id="when">När händer det?</h2>
        <p className="meta">Veckodag och timme (svensk tid) för tertialets händelser. Mörkare ruta betyder fler händelser.</p>
        <WeekdayHourTable table={a.weekdayHour} href={(day, hour) => drill({ weekday: day + 1, hour })} />
      </section>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="where">
        <h2 id="where">Platser med flest händelser</h2>
        {a.hotspots.length ? (
          <ol>
            {a.hotspots.map((h) => <li key={`${h.areaId}-${h.place}`}><Link href={drill({ areaId: h.areaId, place: h.place })}>{h.place}</Link>, {h.area}: {h.count}</li>)}
          </ol>
        ) : <p className="meta">Inga händelser under tertialet.</p>}
      </section>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="measures">
        <h2 id="measures">Åtgärder</h2>
        <h3>Startade under tertialet</h3>
        <MeasureList measures={a.measures.started} />
        <h3>Genomförda under tertialet</h3>
        <MeasureList measures={a.measures.completed} />
      </section>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="indicators">
        <h2 id="indicators">Indikatorer – Inga utsatta områden 2030</h2>
        {a.indicators.length ? (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">Indikator</th><th scope="col">Ägare</th><th scope="col">Utgångsläge</th><th scope="col">Senaste</th><th scope="col">Mål</th><th scope="col">Status</th></tr></thead>
              <tbody>
                {a.indicators.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.name}</th>
                    <td>{i.ownerBoard}</td>
                    <td>{i.baseline ?? "–"}{i.unit && i.baseline !== null ? ` ${i.unit}` : ""}</td>
                    <td>{i.latest ? `${i.latest.value}${i.unit ? ` ${i.unit}` : ""} (${i.latest.period})` : "–"}</td>
                    <td>{i.target ?? "–"}{i.unit && i.target !== null ? ` ${i.unit}` : ""}</td>
                    <td>{indicatorLabel(i.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <p className="meta">Inga indikatorer är registrerade.</p>}
      </section>

      {a.sources ? (
        <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="sources">
          <h2 id="sources">Boende och föreningar</h2>
          <p data-testid="tertial-sources">
            {a.sources.resident} händelser från tips av boende och {a.sources.association} från föreningars rapporter ingår i siffrorna.
            Vuxennärvaro: {a.sources.walks} nattvandringspass med sammanlagt {a.sources.walkers} vandrare ({a.sources.walkerHours} vandrartimmar).
          </p>
        </section>
      ) : null}

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="insatser">
        <h2 id="insatser">EST Insats under tertialet</h2>
        {a.insatser.length ? (
          <ul className="status-list" data-testid="tertial-insatser">
            {a.insatser.map((i) => (
              <li key={i.id}>
                <span>
                  <strong>{i.name}</strong>
                  {i.openedAt ? ` · ${formatDate(new Date(i.openedAt))}–${i.closedAt ? formatDate(new Date(i.closedAt)) : ""}` : ""}
                  {i.before !== null && i.during !== null ? ` · ${i.before} händelser före, ${i.during} under` : ""}
                  {i.outcome ? ` · Resultat: ${i.outcome}` : ""}
                  {i.lessons ? ` · Lärdomar: ${i.lessons}` : ""}
                </span>
                <Badge tone={i.status === "CLOSED" ? "ok" : "warn"}>{i.status === "CLOSED" ? "Avslutad" : "Pågår"}</Badge>
              </li>
            ))}
          </ul>
        ) : <p className="meta">Ingen EST Insats pågick under tertialet.</p>}
      </section>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="others">
        <h2 id="others">Övriga kommundelar</h2>
        {others.map((x) => (
          <div key={x.id} data-testid="other-area">
            <h3>{x.name}</h3>
            <p>{x.total.count} händelser ({changeText(x.total.count, x.total.previous)} mot föregående tertial)</p>
            {view.narrative.areas[x.id] ? <p className="narrative">{view.narrative.areas[x.id]}</p> : null}
            {comments(x.id)}
          </div>
        ))}
      </section>

      {view.may.edit ? (
        <section className="card no-print" style={{ marginBottom: "1rem" }} aria-labelledby="write">
          <h2 id="write">Skriv analysen</h2>
          <NarrativeForm
            tertial={tertial}
            version={view.version}
            overall={view.narrative.overall}
            areas={a.areas.map((x) => ({ id: x.id, name: x.name, text: view.narrative.areas[x.id] ?? "" }))}
            save={saveNarrativeAction}
          />
        </section>
      ) : null}

      {view.may.comment ? (
        <section className="card no-print" style={{ marginBottom: "1rem" }} aria-labelledby="review">
          <h2 id="review">Kommentera</h2>
          <CommentForm tertial={tertial} sections={[{ id: "overall", label: "Kommunen som helhet" }, ...a.areas.map((x) => ({ id: x.id, label: x.name }))]} add={commentAction} />
        </section>
      ) : null}
    </>
  );
}
