import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requireViewer } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { calendarTokenCreatedAt } from "@/lib/meetings/ics";
import { getReminderPreferences } from "@/lib/meetings/preferences";
import { listMyMeetings } from "@/lib/meetings/queries";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Badge } from "@/components/ui/badge";
import { createCalendarTokenAction, revokeCalendarTokenAction, saveReminderPreferencesAction } from "./actions";
import { FeedLink, ReminderPreferences } from "./_components/calendar-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.calendar.title };
}

/** My meetings across groups, minutes waiting, calendar subscription and reminder settings. */
export default async function CalendarPage() {
  const viewer = await requireViewer();
  const [mine, tokenAt, prefs] = await Promise.all([
    listMyMeetings(viewer),
    calendarTokenCreatedAt(viewer),
    getReminderPreferences(viewer),
  ]);
  const { m: { calendar: t, meeting }, f } = await getI18n();
  const h = await headers();
  const origin = env().NEXTAUTH_URL ?? `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
  return (
    <ClientMessages ns={["calendarForms"]}>
      <div className="page-header">
        <div>
          <h1>{t.title}</h1>
          <p className="lead">{t.lead}</p>
        </div>
      </div>
      <div className="grid">
        <section className="card" aria-labelledby="upcoming">
          <h2 id="upcoming">{t.upcoming}</h2>
          {mine.upcoming.length === 0 ? <p className="meta">{t.noUpcoming}</p> : (
            <ul className="status-list" data-testid="my-meetings">
              {mine.upcoming.map((m) => (
                <li key={m.id}>
                  <span><Link href={`/moten/${m.id}`}>{f.meetingTime(m.startsAt)}</Link>{` ${m.group.name}`}</span>
                  <span className="meta">{m.status === "CANCELLED" ? <Badge tone="danger">{meeting.cancelled}</Badge> : f.period(m.periodKey)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="open">
          <h2 id="open">{t.openMinutes}</h2>
          {mine.open.length === 0 ? <p className="meta">{t.allApproved}</p> : (
            <ul className="status-list">
              {mine.open.map((m) => (
                <li key={m.id}>
                  <span><Link href={`/moten/${m.id}`}>{f.meetingTime(m.startsAt)}</Link>{` ${m.group.name}`}</span>
                  <span>{m.minutesStatus === "SENT" ? <Badge tone="warn">{t.sent}</Badge> : <Badge>{t.draft}</Badge>}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="grid" style={{ marginTop: "1rem" }}>
        <section className="card" aria-labelledby="subscribe">
          <h2 id="subscribe">{t.subscribe}</h2>
          <FeedLink origin={origin} exists={tokenAt !== null} groups={mine.groups} create={createCalendarTokenAction} revoke={revokeCalendarTokenAction} />
        </section>
        <section className="card" aria-labelledby="reminders">
          <h2 id="reminders">{t.reminders}</h2>
          <ReminderPreferences initial={prefs} action={saveReminderPreferencesAction} />
        </section>
      </div>
    </ClientMessages>
  );
}
