import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { isExpectedError } from "@/lib/errors";
import { cadenceLabel } from "@/lib/groups/labels";
import { getGroupCalendar } from "@/lib/meetings/queries";
import { formatMeetingTime, formatMonth, toLocalInputs } from "@/lib/time/format";
import { periodLabel } from "@/lib/time/periods";
import { Badge } from "@/components/ui/badge";
import { addMeetingAction, changeCadenceAction } from "./actions";
import { AddMeetingForm, CadenceForm } from "./_components/calendar-forms";

export const metadata: Metadata = { title: "Mötesplan" };

const MINUTES = { DRAFT: null, SENT: ["warn", "Protokoll skickat"], APPROVED: ["ok", "Protokoll justerat"] } as const;

async function load(groupId: string) {
  const viewer = await requireViewer();
  try {
    return await getGroupCalendar(viewer, groupId);
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** A group's meetings for the coming twelve months (and the last month), laid out from its cadence. */
export default async function GroupCalendarPage({ params }: { params: Promise<{ groupId: string }> }) {
  const { group, meetings, canManage } = await load((await params).groupId);
  const today = toLocalInputs(new Date()).date;
  const months = new Map<string, typeof meetings>();
  for (const m of meetings) {
    const key = formatMonth(m.startsAt);
    months.set(key, [...(months.get(key) ?? []), m]);
  }
  const clashes = meetings.filter((m) => m.overlaps).length;
  return (
    <>
      <p className="no-print"><Link href={`/groups/${group.id}`}>← {group.name}</Link></p>
      <div className="page-header">
        <div>
          <h1>Mötesplan: {group.name}</h1>
          <p className="lead">{cadenceLabel(group.cadence, group.meetingWeekday, group.meetingTime)} · påminnelse {group.reminderLeadHours} timmar före · tider i svensk tid</p>
        </div>
        <div className="toolbar no-print"><Link className="btn btn-secondary" href="/kalender">Prenumerera i Outlook</Link></div>
      </div>
      {clashes ? <p className="alert alert-warn" role="status">{clashes} möten krockar med ett annat möte i gruppen. Flytta eller ställ in ett av dem.</p> : null}

      <section className="card" aria-labelledby="meetings" style={{ marginBottom: "1rem" }}>
        <h2 id="meetings">Möten</h2>
        {meetings.length === 0 ? <p className="meta">Inga möten utlagda. {canManage ? "Välj en mötesrytm nedan eller lägg till ett möte." : ""}</p> : null}
        {[...months.entries()].map(([month, rows]) => (
          <div key={month}>
            <h3 className="calendar-month">{month}</h3>
            <ul className="status-list" data-testid="calendar">
              {rows.map((m) => {
                const badge = MINUTES[m.minutesStatus];
                return (
                  <li key={m.id}>
                    <span>
                      {m.status === "CANCELLED" ? <s><Link href={`/moten/${m.id}`}>{formatMeetingTime(m.startsAt)}</Link></s> : <Link href={`/moten/${m.id}`}>{formatMeetingTime(m.startsAt)}</Link>}
                      {m.location ? <span className="meta"> · {m.location}</span> : null}
                      {m.plannedStartsAt ? <span className="meta"> · flyttat från {formatMeetingTime(m.plannedStartsAt)}</span> : null}
                    </span>
                    <span className="toolbar">
                      <span className="meta">{periodLabel(m.periodKey)}</span>
                      {m.status === "CANCELLED" ? <Badge tone="danger">Inställt</Badge> : null}
                      {m.overlaps ? <Badge tone="warn">Krockar</Badge> : null}
                      {badge ? <Badge tone={badge[0]}>{badge[1]}</Badge> : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </section>

      {canManage && group.status === "OPEN" ? (
        <div className="grid no-print">
          <section className="card" aria-labelledby="cadence">
            <h2 id="cadence">Mötesrytm</h2>
            <CadenceForm
              groupId={group.id}
              today={today}
              isVecko={group.kind === "VECKO"}
              initial={{
                cadence: group.cadence, weekday: String(group.meetingWeekday ?? 2), time: group.meetingTime ?? "09:00", minutes: String(group.meetingMinutes),
                reminderLeadHours: String(group.reminderLeadHours), reportingWeekday: group.reportingWeekday ? String(group.reportingWeekday) : "",
              }}
              action={changeCadenceAction}
            />
          </section>
          <section className="card" aria-labelledby="extra">
            <h2 id="extra">Extra möte</h2>
            <AddMeetingForm groupId={group.id} today={today} time={group.meetingTime ?? "09:00"} minutes={group.meetingMinutes} action={addMeetingAction} />
          </section>
        </div>
      ) : null}
    </>
  );
}
