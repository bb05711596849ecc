import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import { ClientMessages } from "@/components/i18n/client-messages";
import Link from "next/link";
import { RowLink } from "@/components/ui/row-link";
import { requireViewer } from "@/lib/auth/session";
import { getMeasure } from "@/lib/measures/register";
import { MEASURE_STATUS_TONE, verdictLabel } from "@/lib/measures/labels";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import type { TMeasureJudgement } from "@/lib/measures/schema";
import { EffectChart } from "@/components/analysis/effect-chart";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";
import { FollowUpForm } from "../../groups/[groupId]/_components/insats-manage";
import { evaluationAction, followUpAction, judgeAction, publishAction, statusAction } from "./actions";
import { EvaluationPlanForm, JudgementForm, PublishForm, StatusForm } from "./_components/measure-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.measureDetail.metaTitle };
}

async function load(id: string, weeks: number) {
  const viewer = await requireViewer();
  return orNotFound(async () => {
    return await getMeasure(viewer, id, weeks);
  });
}

export default async function MeasurePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ veckor?: string }> }) {
  const { id } = await params;
  const asked = Number((await searchParams).veckor);
  const weeks = Number.isInteger(asked) && asked >= 2 && asked <= 52 ? asked : 8;
  const m = await load(id, weeks);
  const e = m.effect;
  const { m: { measureDetail: t, measures, measureLabels, effect: effectTexts }, f } = await getI18n();
  return (
    <ClientMessages ns={["measureDetail", "insatsManage"]}>
      <div className="page-header">
        <div>
          <div className="meta"><Link href="/atgarder">{measures.title}</Link></div>
          <h1>{m.title}</h1>
          <p className="lead"><Badge tone={MEASURE_STATUS_TONE[m.status]}>{measureLabels.status[m.status]}</Badge>{` · ${m.ownerOrg.name}${m.responsibleName ? `, ${m.responsibleName}` : ""}`}</p>
        </div>
        <div className="toolbar no-print"><PrintButton /></div>
      </div>
      <div className="grid">
        <section className="card" aria-labelledby="facts">
          <h2 id="facts">{t.about}</h2>
          <dl className="facts">
            <dt>{t.where}</dt><dd>{[m.place, m.area?.name].filter(Boolean).join(", ") || "–"}</dd>
            <dt>{t.start}</dt><dd>{m.startDate ? f.date(m.startDate) : f.date(m.createdAt)}</dd>
            <dt>{t.due}</dt><dd>{m.dueDate ? f.date(m.dueDate) : "–"}</dd>
            <dt>{t.origin}</dt>
            <dd>
              {t.origins[m.origin]}
              {m.meeting ? (
                <>{" · "}<Link href={`/moten/${m.meeting.id}`}>{`${m.group?.name ?? t.meeting} ${f.meetingTime(m.meeting.startsAt)}`}</Link></>
              ) : m.group ? (
                <>{" · "}<Link href={m.lagesbild && m.lagesbild.periodKey.includes("W") ? `/groups/${m.group.id}/lagesbild/${m.lagesbild.periodKey}` : `/groups/${m.group.id}`}>{m.group.name}{m.lagesbild ? `, ${m.lagesbild.periodKey}` : ""}</Link></>
              ) : null}
            </dd>
            {m.decision ? <><dt>{t.decision}</dt><dd>{m.decision.text}</dd></> : null}
            {m.cancelReason ? <><dt>{t.cancelReason}</dt><dd>{m.cancelReason}</dd></> : null}
          </dl>
          {m.description ? <p className="narrative">{m.description}</p> : null}
          {m.may.update ? <StatusForm initial={{ measureId: m.id, version: m.version, status: m.status, cancelReason: m.cancelReason ?? "", verdict: "" }} needsVerdict={!m.effectVerdict} action={statusAction} /> : null}
        </section>
        <section className="card" aria-labelledby="evidence">
          <h2 id="evidence">{t.evidence}</h2>
          {m.evidence.length ? (
            <ul className="status-list">
              {m.evidence.map(({ incident: i }) => <li key={i.id}><span><RowLink href={`/incidents/${i.id}`}>{f.dateTime(i.occurredAt)}</RowLink>{` ${i.place}`}</span><span className="meta">{i.category.label}</span></li>)}
            </ul>
          ) : <p className="meta">{t.noEvidence}</p>}
        </section>
      </div>

      <section className="card" style={{ margin: "1rem 0" }} aria-labelledby="followups">
        <h2 id="followups">{t.followUp}</h2>
        {m.followUps.length ? (
          <ul className="comment-list">{m.followUps.map((fu) => <li key={fu.id}><span className="meta">{`${f.date(fu.date)}${fu.author ? `, ${fu.author.name}` : ""}:`}</span>{` ${fu.text}`}</li>)}</ul>
        ) : <p className="meta">{t.noFollowUp}</p>}
        {m.may.followUp ? <FollowUpForm measureId={m.id} title={m.title} action={followUpAction} /> : null}
      </section>

      {m.may.publish ? (
        <section className="card no-print" style={{ marginBottom: "1rem" }} aria-labelledby="public">
          <h2 id="public">{t.public}</h2>
          <p className="meta">{m.publishedAt ? fill(t.publishedSince, { area: m.area?.name ?? t.theArea, date: f.date(m.publishedAt) }) : t.notPublished}</p>
          <PublishForm measureId={m.id} initial={m.publicText ?? ""} action={publishAction} />
        </section>
      ) : null}

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="effect">
        <h2 id="effect">{t.didItHelp}</h2>
        {e === null ? (
          <p className="meta">{t.noArea}</p>
        ) : e.notStarted ? (
          <p className="meta" data-testid="effect-waiting">{e.plan ? fill(effectTexts.plannedWaiting, { date: f.date(new Date(`${e.plan.afterFirst}T12:00:00Z`)) }) : t.notStarted}</p>
        ) : (
          <>
            {e.plan ? <p className="meta" data-testid="effect-plan">{e.plan.sentence}{e.plan.late ? ` ${effectTexts.plannedLate}` : ""}</p> : null}
            <p data-testid="effect-sentence">{e.sentence}</p>
            {e.partial ? <p className="meta">{fill(t.partial, { weeks: e.weeks, days: e.days })}</p> : null}
            {e.small ? <p className="alert alert-info">{t.small}</p> : null}
            <EffectChart effect={e} labels={{ target: e.targetLabel, neighbours: e.neighboursLabel }} />
            {e.plan ? null : <form method="get" className="toolbar no-print">
              <label htmlFor="veckor">{t.weeks}</label>
              <input id="veckor" name="veckor" type="number" min={2} max={52} defaultValue={e.weeks} style={{ width: "5rem" }} />
              <button type="submit" className="btn btn-secondary">{t.recalculate}</button>
            </form>}
          </>
        )}
        {m.evaluationForm ? (
          <details className="no-print" open={!m.evaluation}>
            <summary><strong>{t.plan}</strong></summary>
            <p className="meta">{t.planHint}</p>
            <EvaluationPlanForm initial={{ measureId: m.id, ...m.evaluationForm.initial }} categories={m.evaluationForm.categories} areas={m.evaluationForm.areas} action={evaluationAction} />
          </details>
        ) : m.evaluation ? <p className="meta">{t.planLocked}</p> : null}
        <h3>{t.groupJudgement}</h3>
        {m.effectVerdict ? <p data-testid="verdict"><strong>{verdictLabel(m.effectVerdict, measureLabels)}</strong>{m.effectJudgement ? ` – ${m.effectJudgement}` : ""}</p> : <p className="meta">{t.noJudgement}</p>}
        {m.may.judge ? (
          <JudgementForm initial={{ measureId: m.id, verdict: (m.effectVerdict ?? "") as TMeasureJudgement["verdict"], judgement: m.effectJudgement ?? "" }} action={judgeAction} />
        ) : null}
      </section>
    </ClientMessages>
  );
}
