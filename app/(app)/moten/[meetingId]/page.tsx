import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { agendaContent } from "@/lib/meetings/agenda-content";
import { isAgendaKind } from "@/lib/meetings/agenda";
import { getMeeting } from "@/lib/meetings/queries";
import { fill } from "@/lib/i18n/catalogue";
import { movedNote } from "@/lib/meetings/holidays";
import { getI18n } from "@/lib/i18n/server";
import { toLocalInputs } from "@/lib/time/format";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";
import { ArchiveNote, PdfLink } from "@/components/documents/document-pdf";
import { minutesDocument } from "@/lib/documents/catalogue";
import {
  addAgendaItemAction, addDecisionAction, approveMinutesAction, cancelMeetingAction, moveAgendaItemAction, moveMeetingAction, removeAgendaItemAction, removeDecisionAction,
  resetAgendaAction, saveMinutesAction, sendMinutesAction,
} from "./actions";
import { AgendaAddForm, DecisionForm, MeetingTools, MinutesForm } from "./_components/meeting-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.meeting.metaTitle };
}

const MINUTES_TONE = { DRAFT: undefined, SENT: "warn", APPROVED: "ok" } as const;

async function load(meetingId: string) {
  const viewer = await requireViewer();
  return orNotFound(async () => {
    const meeting = await getMeeting(viewer, meetingId);
    const [content, pdf] = await Promise.all([agendaContent(viewer, { ...meeting, group: meeting.group }, meeting.agendaItems.map((i) => i.kind)), minutesDocument(viewer, meetingId)]);
    return { meeting, content, pdf };
  });
}

/** One meeting: its agenda built from the group's data, attendance, minutes and decisions. */
export default async function MeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const { meeting: m, content, pdf } = await load((await params).meetingId);
  const local = toLocalInputs(m.startsAt);
  const { m: { meeting: t, groups, measureLabels, common }, f } = await getI18n();
  const statusLabel = t.minutesStatus[m.minutesStatus];
  const statusTone = MINUTES_TONE[m.minutesStatus];
  const decisionsFor = (itemId: string | null) => m.decisions.filter((d) => d.agendaItemId === itemId);
  const editable = !m.readOnly;
  const today = toLocalInputs(new Date()).date;
  const defaultDue = toLocalInputs(new Date(Date.parse(`${today}T12:00:00Z`) + 14 * 86_400_000)).date;

  const decisionList = (items: typeof m.decisions) =>
    items.length ? (
      <ul className="status-list" data-testid="decisions">
        {items.map((d) => (
          <li key={d.id}>
            <span><strong>{t.decisionLabel}</strong>{` ${d.text}`}</span>
            <span className="toolbar">
              {d.measures.map((x) => (
                <Link key={x.id} href={`/atgarder/${x.id}`}>{`${fill(t.measureLink, { owner: x.ownerOrg.name })}${x.dueDate ? `, ${fill(t.due, { date: f.date(x.dueDate) })}` : ""} (${measureLabels.status[x.status]})`}</Link>
              ))}
              {editable && d.measures.length === 0 ? (
                <ActionButton className="btn-link no-print" action={removeDecisionAction} input={{ meetingId: m.id, decisionId: d.id }} label={common.remove} ariaLabel={fill(t.removeDecision, { text: d.text })} confirm={t.removeDecisionConfirm} />
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    ) : null;

  return (
    <ClientMessages ns={["meetingForms"]}>
      <p className="no-print"><Link href={`/groups/${m.group.id}/moten`}>{fill(t.back, { group: m.group.name })}</Link></p>
      <div className="page-header">
        <div>
          <div className="meta">{`${groups.kind[m.group.kind]} · ${m.group.municipality}`}</div>
          <h1>{`${m.group.name} ${f.meetingTime(m.startsAt)}`}</h1>
          <p className="lead">
            {`${f.period(m.periodKey)}${m.location ? ` · ${m.location}` : ""} · `}
            {m.status === "CANCELLED" ? <Badge tone="danger">{t.cancelled}</Badge> : <Badge tone={statusTone}>{statusLabel}</Badge>}
            {m.plannedStartsAt ? <span className="meta">{` · ${movedNote(m.plannedStartsAt, t, f.meetingTime)}`}</span> : null}
          </p>
          <ArchiveNote pdf={pdf} />
          {m.status === "CANCELLED" && m.cancelReason ? <p className="alert alert-warn">{fill(t.cancelledReason, { reason: m.cancelReason })}</p> : null}
        </div>
        <nav className="toolbar no-print" aria-label={t.meetingNav}>
          <PdfLink pdf={pdf} />
          <PrintButton />
          {m.previous ? <Link className="btn btn-secondary" href={`/moten/${m.previous.id}`}>{t.previousMeeting}</Link> : null}
          {m.next ? <Link className="btn btn-secondary" href={`/moten/${m.next.id}`}>{t.nextMeeting}</Link> : null}
        </nav>
      </div>

      <section className="card" aria-labelledby="agenda" style={{ marginBottom: "1rem" }}>
        <h2 id="agenda">{t.agenda}</h2>
        {m.agendaItems.length === 0 ? (
          <div className="meta">
            <p>{t.noAgenda}</p>
            {editable ? <ActionButton action={resetAgendaAction} input={{ meetingId: m.id }} label={t.createAgenda} /> : null}
          </div>
        ) : (
          <ol className="agenda" data-testid="agenda">
            {m.agendaItems.map((item, i) => {
              const c = isAgendaKind(item.kind) ? content[item.kind] : undefined;
              return (
                <li key={item.id}>
                  <div className="page-header" style={{ margin: 0 }}>
                    <h3>{item.title}</h3>
                    {editable ? (
                      <span className="toolbar no-print">
                        {i > 0 ? <ActionButton className="btn btn-secondary btn-small" action={moveAgendaItemAction} input={{ meetingId: m.id, itemId: item.id, direction: "up" }} label="↑" ariaLabel={fill(t.moveUp, { title: item.title })} /> : null}
                        {i < m.agendaItems.length - 1 ? <ActionButton className="btn btn-secondary btn-small" action={moveAgendaItemAction} input={{ meetingId: m.id, itemId: item.id, direction: "down" }} label="↓" ariaLabel={fill(t.moveDown, { title: item.title })} /> : null}
                        <ActionButton className="btn btn-secondary btn-small" action={removeAgendaItemAction} input={{ meetingId: m.id, itemId: item.id }} label={common.remove} ariaLabel={fill(t.removeItem, { title: item.title })} confirm={fill(t.removeItemConfirm, { title: item.title })} />
                      </span>
                    ) : null}
                  </div>
                  {item.notes ? <p>{item.notes}</p> : null}
                  {c ? (
                    <div>
                      {c.lines.length ? (
                        <ul className="lines">
                          {c.lines.map((l, k) => <li key={k} className={l.tone ? `tone-${l.tone}` : undefined}>{l.href ? <Link href={l.href}>{l.text}</Link> : l.text}</li>)}
                        </ul>
                      ) : c.empty ? <p className="meta">{c.empty}</p> : null}
                      {c.link ? <p className="no-print"><Link href={c.link.href}>{`${c.link.label} →`}</Link></p> : null}
                    </div>
                  ) : null}
                  {item.minutes ? <div className="minutes" data-testid="item-minutes">{item.minutes}</div> : null}
                  {decisionList(decisionsFor(item.id))}
                </li>
              );
            })}
          </ol>
        )}
        {m.minutes ? <><h3>{t.other}</h3><div className="minutes agenda">{m.minutes}</div></> : null}
        {decisionList(decisionsFor(null))}
        {editable ? <div className="no-print" style={{ marginTop: "1rem" }}><AgendaAddForm meetingId={m.id} action={addAgendaItemAction} /></div> : null}
      </section>

      {editable ? (
        <>
          <section className="print-only" aria-label={t.present}>
            <p><strong>{t.presentLabel}</strong>{" "}{m.group.members.filter((x) => m.present.includes(x.id)).map((x) => x.name).join(", ") || "–"}</p>
          </section>
          <section className="card no-print" aria-labelledby="in-meeting" style={{ marginBottom: "1rem" }}>
            <h2 id="in-meeting">{t.attendanceAndMinutes}</h2>
            <MinutesForm
              meetingId={m.id}
              version={m.version}
              members={m.group.members}
              organisations={m.group.organisations}
              present={m.present}
              organisationsPresent={m.organisationsPresent}
              items={m.agendaItems.map((i) => ({ id: i.id, title: i.title, minutes: i.minutes }))}
              general={m.minutes ?? ""}
              action={saveMinutesAction}
            />
          </section>
          <section className="card no-print" aria-labelledby="decide" style={{ marginBottom: "1rem" }}>
            <h2 id="decide">{t.decisions}</h2>
            <DecisionForm
              meetingId={m.id}
              items={m.agendaItems.map((i, k) => ({ id: i.id, name: `§ ${k + 1} ${i.title}` }))}
              organisations={m.group.organisations}
              areas={m.areaOptions}
              defaultDue={defaultDue}
              action={addDecisionAction}
            />
          </section>
        </>
      ) : (
        <section className="card" aria-labelledby="attendance" style={{ marginBottom: "1rem" }}>
          <h2 id="attendance">{t.present}</h2>
          <p data-testid="attendance">{m.group.members.filter((x) => m.present.includes(x.id)).map((x) => x.name).join(", ") || t.noAttendance}</p>
          <p className="meta">{fill(t.organisations, { list: m.group.organisations.filter((o) => m.organisationsPresent.includes(o.id)).map((o) => o.name).join(", ") || "–" })}</p>
        </section>
      )}

      <section className="card" aria-labelledby="workflow">
        <h2 id="workflow">{t.workflow}</h2>
        {m.canManage && m.status !== "CANCELLED" && m.minutesStatus !== "APPROVED" ? (
          <div className="toolbar no-print" style={{ marginBottom: "0.75rem" }}>
            <ActionButton action={sendMinutesAction} input={{ meetingId: m.id, version: m.version }} label={m.minutesStatus === "SENT" ? t.resend : t.send} className="btn btn-secondary" />
            {m.minutesStatus === "SENT" ? <ActionButton action={approveMinutesAction} input={{ meetingId: m.id, version: m.version }} label={t.approve} className="btn" confirm={t.approveConfirm} /> : null}
          </div>
        ) : null}
        {m.minutesStatus === "APPROVED" ? <p className="alert alert-info">{fill(t.approved, { time: m.approvedAt ? f.dateTime(m.approvedAt) : "" })}</p> : null}
        <ul className="status-list" data-testid="meeting-history">
          {m.events.map((e) => (
            <li key={e.id}><span>{`${t.events[e.kind]}${e.note ? `: ${e.note}` : ""}`}</span><span className="meta">{`${f.dateTime(e.at)}${e.by ? ` · ${e.by}` : ""}`}</span></li>
          ))}
          {m.events.length === 0 ? <li className="meta">{t.noHistory}</li> : null}
        </ul>
      </section>

      {m.canManage && m.status !== "CANCELLED" && m.minutesStatus === "DRAFT" ? (
        <details className="card no-print" style={{ marginTop: "1rem" }}>
          <summary>{t.moveOrCancel}</summary>
          <MeetingTools
            meetingId={m.id}
            date={local.date}
            time={local.time}
            minutes={Math.round((m.endsAt.getTime() - m.startsAt.getTime()) / 60_000)}
            location={m.location ?? ""}
            move={moveMeetingAction}
            cancel={cancelMeetingAction}
          />
        </details>
      ) : null}
    </ClientMessages>
  );
}
