import type { Metadata } from "next";
import { orNotFound, refusePage } from "@/lib/page-errors";
import { ClientMessages } from "@/components/i18n/client-messages";
import Link from "next/link";
import { RowLink } from "@/components/ui/row-link";
import { requireViewer } from "@/lib/auth/session";
import { getMeetingPicture } from "@/lib/insats/meeting-picture";
import { delta } from "@/lib/lagesbild/flags";
import { fill, plural } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";
import { saveJudgementAction } from "../../lagesbild/[week]/actions";
import { orderStatuses } from "@/lib/lagesbild/status-order";
import { JudgementForm } from "../../lagesbild/[week]/_components/judgement-form";
import { publishMeetingPictureAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.meetingPicture.metaTitle };
}

const LEVEL_TONE = { GREEN: "ok", YELLOW: "warn", RED: "danger" } as const;

async function load(groupId: string, date: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return refusePage();
  const viewer = await requireViewer();
  return orNotFound(async () => {
    return await getMeetingPicture(viewer, groupId, date);
  });
}

/** An EST Insats's short-cycle lägesbild: what happened in its scope since the last meeting. */
export default async function MeetingPicturePage({ params }: { params: Promise<{ groupId: string; date: string }> }) {
  const { groupId, date } = await params;
  const p = await load(groupId, date);
  const list = (w: { start: string; end: string }, extra: Record<string, string> = {}) => `/incidents?${new URLSearchParams({ period: "", after: w.start, before: w.end, ...extra })}`;
  const published = p.saved?.status === "PUBLISHED";
  const { locale, m: { meetingPicture: t, lagesbild }, f } = await getI18n();
  return (
    <ClientMessages ns={["judgementForm"]}>
      <div className="page-header">
        <div>
          <div className="meta"><Link href={`/groups/${groupId}`}>{p.group.name}</Link></div>
          <h1>{fill(t.title, { time: f.meetingTime(new Date(p.meetingAt)) })}</h1>
          <p className="lead">
            {`${fill(t.since, { time: f.dateTime(new Date(p.window.start)) })} · `}{published ? <Badge tone="ok">{t.published}</Badge> : <Badge>{lagesbild.draft}</Badge>}
          </p>
        </div>
        <nav className="toolbar no-print" aria-label={t.otherMeetings}>
          <PrintButton />
          {p.previousDate ? <Link className="btn btn-secondary" href={`/groups/${groupId}/moten/${p.previousDate}`}>{t.previousMeeting}</Link> : null}
          {p.nextDate ? <Link className="btn btn-secondary" href={`/groups/${groupId}/moten/${p.nextDate}`}>{t.nextMeeting}</Link> : null}
        </nav>
      </div>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="since">
        <h2 id="since">{t.sinceLast}</h2>
        <p data-testid="meeting-total">
          <Link href={list(p.window)}>{plural(locale, lagesbild.total, p.total)}</Link>
          {` (${fill(t.against, { delta: delta(p.total, p.previousTotal, locale) })} `}
          <Link href={list(p.previousWindow)}>{p.previousTotal}</Link>{")"}
        </p>
        {p.rows.length ? (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t.area}</th><th scope="col">{t.category}</th><th scope="col">{t.count}</th><th scope="col">{t.periodBefore}</th></tr></thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr key={`${r.areaId}-${r.categoryId}`}>
                    <td>{r.area}</td><td>{r.category}</td>
                    <td>{r.count ? <Link href={list(p.window, { areaId: r.areaId, categoryId: r.categoryId })}>{r.count}</Link> : 0} <span className="delta">{delta(r.count, r.previous, locale)}</span></td>
                    <td>{r.previous}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <p className="meta">{t.noIncidents}</p>}
        {p.incidents.length ? (
          <details open={p.incidents.length <= 10}>
            <summary>{p.incidents.length < p.total ? fill(t.incidentsLatest, { shown: p.incidents.length, total: p.total }) : fill(t.incidents, { count: p.incidents.length })}</summary>
            <ul className="status-list" data-testid="meeting-incidents">
              {p.incidents.map((i) => <li key={i.id}><span><RowLink href={`/incidents/${i.id}`}>{f.dateTime(new Date(i.occurredAt))}</RowLink>{` ${i.place}, ${i.area}`}</span><span className="meta">{i.category}</span></li>)}
            </ul>
          </details>
        ) : null}
      </section>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="actions">
        <h2 id="actions">{t.openMeasures}</h2>
        {p.measures.length ? (
          <ul className="status-list">{p.measures.map((m) => <li key={m.id}><span><strong>{m.title}</strong>{` · ${m.owner}`}</span><span className="meta">{m.dueDate ? fill(t.due, { date: f.date(new Date(`${m.dueDate}T12:00:00Z`)) }) : ""}</span></li>)}</ul>
        ) : <p className="meta">{t.noMeasures}</p>}
      </section>

      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="judgement">
        <h2 id="judgement">{lagesbild.judgement}</h2>
        {p.canEdit ? (
          <JudgementForm
            groupId={groupId}
            week={date}
            version={p.saved?.version ?? 0}
            initial={{ assessment: p.saved?.assessment ?? "", outlook: p.saved?.outlook ?? "", resourceNotes: p.saved?.resourceNotes ?? "", focusNotes: p.saved?.focusNotes ?? "" }}
            statuses={(p.saved?.areaStatuses ?? []).map((s) => ({ areaId: s.areaId, level: s.level, reason: s.reason }))}
            areas={p.areas}
            save={saveJudgementAction}
            publish={publishMeetingPictureAction}
          />
        ) : p.saved ? (
          <div data-testid="published-judgement">
            <p className="narrative">{p.saved.assessment || "–"}</p>
            {p.saved.focusNotes ? <p className="narrative"><strong>{t.focus}</strong>{` ${p.saved.focusNotes}`}</p> : null}
            <ul className="status-list">
              {orderStatuses(p.saved.areaStatuses, p.areas).map((s) => <li key={s.areaId}><span>{s.name}{s.reason ? ` – ${s.reason}` : ""}</span><Badge tone={LEVEL_TONE[s.level]}>{lagesbild.level[s.level]}</Badge></li>)}
            </ul>
          </div>
        ) : <p className="meta">{t.noJudgement}</p>}
      </section>
    </ClientMessages>
  );
}
