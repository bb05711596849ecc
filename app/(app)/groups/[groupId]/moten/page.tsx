import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { cadenceLabel } from "@/lib/groups/labels";
import { getGroupCalendar } from "@/lib/meetings/queries";
import { fill } from "@/lib/i18n/catalogue";
import { movedNote } from "@/lib/meetings/holidays";
import { getI18n } from "@/lib/i18n/server";
import { toLocalInputs } from "@/lib/time/format";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Badge } from "@/components/ui/badge";
import { addMeetingAction, changeCadenceAction } from "./actions";
import { AddMeetingForm, CadenceForm } from "./_components/calendar-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.meetingPlan.metaTitle };
}

async function load(groupId: string) {
  const viewer = await requireViewer();
  return orNotFound(async () => {
    return await getGroupCalendar(viewer, groupId);
  });
}

/** A group's meetings for the coming twelve months (and the last month), laid out from its cadence. */
export default async function GroupCalendarPage({ params }: { params: Promise<{ groupId: string }> }) {
  const { group, meetings, canManage } = await load((await params).groupId);
  const today = toLocalInputs(new Date()).date;
  const { m: { meetingPlan: t, meeting, groups }, f } = await getI18n();
  const minutesBadge = { DRAFT: null, SENT: ["warn", t.minutesSent], APPROVED: ["ok", t.minutesApproved] } as const;
  const months = new Map<string, typeof meetings>();
  for (const m of meetings) {
    const key = f.month(m.startsAt);
    months.set(key, [...(months.get(key) ?? []), m]);
  }
  const clashes = meetings.filter((m) => m.overlaps).length;
  return (
    <ClientMessages ns={["calendarForms"]}>
      <p className="no-print"><Link href={`/groups/${group.id}`}>{`← ${group.name}`}</Link></p>
      <div className="page-header">
        <div>
          <h1>{fill(t.title, { group: group.name })}</h1>
          <p className="lead">{`${cadenceLabel(group.cadence, group.meetingWeekday, group.meetingTime, groups)} · ${fill(t.reminder, { hours: group.reminderLeadHours })} · ${t.swedishTime}`}</p>
        </div>
        <div className="toolbar no-print"><Link className="btn btn-secondary" href="/kalender">{t.subscribe}</Link></div>
      </div>
      {clashes ? <p className="alert alert-warn" role="status">{fill(t.clashes, { count: clashes })}</p> : null}

      <section className="card" aria-labelledby="meetings" style={{ marginBottom: "1rem" }}>
        <h2 id="meetings">{t.meetings}</h2>
        {meetings.length === 0 ? <p className="meta">{canManage ? `${t.none} ${t.noneManage}` : t.none}</p> : null}
        {[...months.entries()].map(([month, rows]) => (
          <div key={month}>
            <h3 className="calendar-month">{month}</h3>
            <ul className="status-list" data-testid="calendar">
              {rows.map((m) => {
                const badge = minutesBadge[m.minutesStatus];
                return (
                  <li key={m.id}>
                    <span>
                      {m.status === "CANCELLED" ? <s><Link href={`/moten/${m.id}`}>{f.meetingTime(m.startsAt)}</Link></s> : <Link href={`/moten/${m.id}`}>{f.meetingTime(m.startsAt)}</Link>}
                      {m.location ? <span className="meta">{` · ${m.location}`}</span> : null}
                      {m.plannedStartsAt ? <span className="meta">{` · ${movedNote(m.plannedStartsAt, meeting, f.meetingTime)}`}</span> : null}
                    </span>
                    <span className="toolbar">
                      <span className="meta">{f.period(m.periodKey)}</span>
                      {m.status === "CANCELLED" ? <Badge tone="danger">{meeting.cancelled}</Badge> : null}
                      {m.overlaps ? <Badge tone="warn">{t.clash}</Badge> : null}
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
            <h2 id="cadence">{t.cadence}</h2>
            <CadenceForm
              groupId={group.id}
              today={today}
              isVecko={group.kind === "VECKO"}
              withBreak={group.kind !== "INSATS"}
              initial={{
                cadence: group.cadence, weekday: String(group.meetingWeekday ?? 2), time: group.meetingTime ?? "09:00", minutes: String(group.meetingMinutes),
                reminderLeadHours: String(group.reminderLeadHours), reportingWeekday: group.reportingWeekday ? String(group.reportingWeekday) : "",
                summerFrom: group.summerBreakFrom === null ? "" : String(group.summerBreakFrom), summerTo: group.summerBreakTo === null ? "" : String(group.summerBreakTo),
              }}
              action={changeCadenceAction}
            />
          </section>
          <section className="card" aria-labelledby="extra">
            <h2 id="extra">{t.extra}</h2>
            <AddMeetingForm groupId={group.id} today={today} time={group.meetingTime ?? "09:00"} minutes={group.meetingMinutes} action={addMeetingAction} />
          </section>
        </div>
      ) : null}
    </ClientMessages>
  );
}
