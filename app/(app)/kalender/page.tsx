import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requireViewer } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { calendarTokenCreatedAt } from "@/lib/meetings/ics";
import { getReminderPreferences } from "@/lib/meetings/preferences";
import { listMyMeetings } from "@/lib/meetings/queries";
import { formatMeetingTime } from "@/lib/time/format";
import { periodLabel } from "@/lib/time/periods";
import { Badge } from "@/components/ui/badge";
import { createCalendarTokenAction, revokeCalendarTokenAction, saveReminderPreferencesAction } from "./actions";
import { FeedLink, ReminderPreferences } from "./_components/calendar-settings";

export const metadata: Metadata = { title: "Kalender" };

/** My meetings across groups, minutes waiting, calendar subscription and reminder settings. */
export default async function CalendarPage() {
  const viewer = await requireViewer();
  const [mine, tokenAt, prefs] = await Promise.all([
    listMyMeetings(viewer),
    calendarTokenCreatedAt(viewer),
    getReminderPreferences(viewer),
  ]);
  const h = await headers();
  const origin = env().NEXTAUTH_URL ?? `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Kalender</h1>
          <p className="lead">Mina gruppers möten de kommande åtta veckorna. Tider i svensk tid.</p>
        </div>
      </div>
      <div className="grid">
        <section className="card" aria-labelledby="upcoming">
          <h2 id="upcoming">Kommande möten</h2>
          {mine.upcoming.length === 0 ? <p className="meta">Inga möten de kommande åtta veckorna.</p> : (
            <ul className="status-list" data-testid="my-meetings">
              {mine.upcoming.map((m) => (
                <li key={m.id}>
                  <span><Link href={`/moten/${m.id}`}>{formatMeetingTime(m.startsAt)}</Link> {m.group.name}</span>
                  <span className="meta">{m.status === "CANCELLED" ? <Badge tone="danger">Inställt</Badge> : periodLabel(m.periodKey)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="open">
          <h2 id="open">Protokoll som inte är justerade</h2>
          {mine.open.length === 0 ? <p className="meta">Alla protokoll från de senaste två månaderna är justerade.</p> : (
            <ul className="status-list">
              {mine.open.map((m) => (
                <li key={m.id}>
                  <span><Link href={`/moten/${m.id}`}>{formatMeetingTime(m.startsAt)}</Link> {m.group.name}</span>
                  <span>{m.minutesStatus === "SENT" ? <Badge tone="warn">Skickat</Badge> : <Badge>Utkast</Badge>}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="grid" style={{ marginTop: "1rem" }}>
        <section className="card" aria-labelledby="subscribe">
          <h2 id="subscribe">Prenumerera i Outlook eller mobilen</h2>
          <FeedLink origin={origin} exists={tokenAt !== null} groups={mine.groups} create={createCalendarTokenAction} revoke={revokeCalendarTokenAction} />
        </section>
        <section className="card" aria-labelledby="reminders">
          <h2 id="reminders">Påminnelser</h2>
          <ReminderPreferences initial={prefs} action={saveReminderPreferencesAction} />
        </section>
      </div>
    </>
  );
}
