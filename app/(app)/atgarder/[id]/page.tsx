import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { isExpectedError } from "@/lib/errors";
import { getMeasure } from "@/lib/measures/register";
import { MEASURE_STATUS_LABEL, MEASURE_STATUS_TONE, verdictLabel } from "@/lib/measures/labels";
import type { TMeasureJudgement } from "@/lib/measures/schema";
import { formatDate, formatDateTime, formatMeetingTime } from "@/lib/time/format";
import { EffectChart } from "@/components/analysis/effect-chart";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";
import { FollowUpForm } from "../../groups/[groupId]/_components/insats-manage";
import { followUpAction, judgeAction, publishAction, statusAction } from "./actions";
import { JudgementForm, PublishForm, StatusForm } from "./_components/measure-forms";

export const metadata: Metadata = { title: "Åtgärd" };

const ORIGIN = { LAGESBILD: "beslut i lägesbild", MEETING: "mötesbeslut", INSATS: "EST Insats", TERTIAL: "tertialanalys", GOAL: "områdesmål", OTHER: "annat" } as const;

async function load(id: string, weeks: number) {
  const viewer = await requireViewer();
  try {
    return await getMeasure(viewer, id, weeks);
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function MeasurePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ veckor?: string }> }) {
  const { id } = await params;
  const asked = Number((await searchParams).veckor);
  const weeks = Number.isInteger(asked) && asked >= 2 && asked <= 52 ? asked : 8;
  const m = await load(id, weeks);
  const e = m.effect;
  return (
    <>
      <div className="page-header">
        <div>
          <div className="meta"><Link href="/atgarder">Åtgärder</Link></div>
          <h1>{m.title}</h1>
          <p className="lead"><Badge tone={MEASURE_STATUS_TONE[m.status]}>{MEASURE_STATUS_LABEL[m.status]}</Badge> · {m.ownerOrg.name}{m.responsibleName ? `, ${m.responsibleName}` : ""}</p>
        </div>
        <div className="toolbar no-print"><PrintButton /></div>
      </div>
      <div className="grid">
        <section className="card" aria-labelledby="facts">
          <h2 id="facts">Om åtgärden</h2>
          <dl className="facts">
            <dt>Var</dt><dd>{[m.place, m.area?.name].filter(Boolean).join(", ") || "–"}</dd>
            <dt>Start</dt><dd>{m.startDate ? formatDate(m.startDate) : formatDate(m.createdAt)}</dd>
            <dt>Klart senast</dt><dd>{m.dueDate ? formatDate(m.dueDate) : "–"}</dd>
            <dt>Ursprung</dt>
            <dd>
              {ORIGIN[m.origin]}
              {m.meeting ? (
                <> · <Link href={`/moten/${m.meeting.id}`}>{m.group?.name ?? "Mötet"} {formatMeetingTime(m.meeting.startsAt)}</Link></>
              ) : m.group ? (
                <> · <Link href={m.lagesbild && m.lagesbild.periodKey.includes("W") ? `/groups/${m.group.id}/lagesbild/${m.lagesbild.periodKey}` : `/groups/${m.group.id}`}>{m.group.name}{m.lagesbild ? `, ${m.lagesbild.periodKey}` : ""}</Link></>
              ) : null}
            </dd>
            {m.decision ? <><dt>Beslut</dt><dd>{m.decision.text}</dd></> : null}
            {m.cancelReason ? <><dt>Skäl till avbrott</dt><dd>{m.cancelReason}</dd></> : null}
          </dl>
          {m.description ? <p className="narrative">{m.description}</p> : null}
          {m.may.update ? <StatusForm initial={{ measureId: m.id, version: m.version, status: m.status, cancelReason: m.cancelReason ?? "", verdict: "" }} needsVerdict={!m.effectVerdict} action={statusAction} /> : null}
        </section>
        <section className="card" aria-labelledby="evidence">
          <h2 id="evidence">Underlag</h2>
          {m.evidence.length ? (
            <ul className="status-list">
              {m.evidence.map(({ incident: i }) => <li key={i.id}><span><Link href={`/incidents/${i.id}`}>{formatDateTime(i.occurredAt)}</Link> {i.place}</span><span className="meta">{i.category.label}</span></li>)}
            </ul>
          ) : <p className="meta">Inga händelser är kopplade till åtgärden.</p>}
        </section>
      </div>

      <section className="card" style={{ margin: "1rem 0" }} aria-labelledby="followups">
        <h2 id="followups">Uppföljning</h2>
        {m.followUps.length ? (
          <ul className="comment-list">{m.followUps.map((f) => <li key={f.id}><span className="meta">{formatDate(f.date)}{f.author ? `, ${f.author.name}` : ""}:</span> {f.text}</li>)}</ul>
        ) : <p className="meta">Ingen uppföljning ännu.</p>}
        {m.may.followUp ? <FollowUpForm measureId={m.id} title={m.title} action={followUpAction} /> : null}
      </section>

      {m.may.publish ? (
        <section className="card no-print" style={{ marginBottom: "1rem" }} aria-labelledby="public">
          <h2 id="public">Visa för boende</h2>
          <p className="meta">{m.publishedAt ? `Visas på sidan ”Ni sa, vi gjorde” för ${m.area?.name ?? "kommundelen"} sedan ${formatDate(m.publishedAt)}.` : "Visas inte för boende."}</p>
          <PublishForm measureId={m.id} initial={m.publicText ?? ""} action={publishAction} />
        </section>
      ) : null}

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="effect">
        <h2 id="effect">Hjälpte det?</h2>
        {e === null ? (
          <p className="meta">Åtgärden har ingen kommundel, så effekten kan inte räknas fram.</p>
        ) : e.notStarted ? (
          <p className="meta">Åtgärden har inte startat än.</p>
        ) : (
          <>
            <p data-testid="effect-sentence">{e.sentence}</p>
            {e.partial ? <p className="meta">Efterperioden är ännu inte {e.weeks} veckor; jämförelsen gäller de {e.days} dagar som gått.</p> : null}
            {e.small ? <p className="alert alert-info">Få händelser: siffrorna kan bero på slumpen.</p> : null}
            <EffectChart effect={e} labels={{ target: e.targetLabel, neighbours: e.neighboursLabel }} />
            <form method="get" className="toolbar no-print">
              <label htmlFor="veckor">Veckor före och efter</label>
              <input id="veckor" name="veckor" type="number" min={2} max={52} defaultValue={e.weeks} style={{ width: "5rem" }} />
              <button type="submit" className="btn btn-secondary">Räkna om</button>
            </form>
          </>
        )}
        <h3>Gruppens bedömning</h3>
        {m.effectVerdict ? <p data-testid="verdict"><strong>{verdictLabel(m.effectVerdict)}</strong>{m.effectJudgement ? ` – ${m.effectJudgement}` : ""}</p> : <p className="meta">Ingen bedömning ännu.</p>}
        {m.may.judge ? (
          <JudgementForm initial={{ measureId: m.id, verdict: (m.effectVerdict ?? "") as TMeasureJudgement["verdict"], judgement: m.effectJudgement ?? "" }} action={judgeAction} />
        ) : null}
      </section>
    </>
  );
}
