import "server-only";
// E-mail (and in-app) reminders, run every quarter of an hour by the worker: before each meeting,
// on the reporting day to organisations that have not reported, and for actions falling due.
// Each goes once (the outbox's dedupe key), so a retried or doubled run sends nothing twice,
// and nobody gets a kind they have turned off.
import { db } from "@/lib/db";
import { appUrl, i18nFor, paragraphs } from "@/lib/feedback/compose";
import { queueMessageNow } from "@/lib/feedback/queue";
import { fill } from "@/lib/i18n/catalogue";
import type { I18n } from "@/lib/i18n/i18n";
import type { ReminderKind } from "@/lib/generated/prisma/enums";
import { weekStates } from "@/lib/incidents/queries";
import { toLocalInputs } from "@/lib/time/format";
import { shiftPeriod, weekKey } from "@/lib/time/periods";
import { stockholmFields } from "@/lib/time/zone";

type Recipient = { id: string; email: string; locale: string };
/** One reminder to one person; its text is written in their language when it is sent. */
type Reminder = { user: Recipient; municipalityId: string; dedupeKey: string; link: string; text: (i: I18n) => { title: string; body: string } };
const RECIPIENT = { id: true, email: true, locale: true } as const;

const notOptedOut = (kind: ReminderKind) => ({ disabledAt: null, reminderOptOuts: { none: { kind } } });

/** ISO weekday (1 = Monday) of an instant in Stockholm. */
function localWeekday(now: Date): number {
  const f = stockholmFields(now);
  return ((new Date(Date.UTC(f.year, f.month - 1, f.day)).getUTCDay() + 6) % 7) + 1;
}

async function send(reminders: Reminder[]): Promise<number> {
  let sent = 0;
  for (const { user, text, ...r } of reminders) {
    if (await queueMessageNow({ ...r, ...text(i18nFor(user.locale)), userId: user.id, email: user.email })) sent++;
  }
  return sent;
}

/** Members are reminded once the group's lead time before a planned meeting has begun. */
async function meetingReminders(now: Date): Promise<Reminder[]> {
  const meetings = await db().meeting.findMany({
    where: { status: "PLANNED", startsAt: { gt: now, lte: new Date(now.getTime() + 336 * 3_600_000) }, group: { status: "OPEN" } },
    select: {
      id: true, startsAt: true, location: true, municipalityId: true, periodKey: true,
      group: { select: { name: true, reminderLeadHours: true, members: { where: { user: notOptedOut("MEETING") }, select: { user: { select: RECIPIENT } } } } },
      agendaItems: { select: { title: true }, orderBy: { position: "asc" } },
    },
  });
  return meetings
    .filter((m) => m.startsAt.getTime() - m.group.reminderLeadHours * 3_600_000 <= now.getTime())
    .flatMap((m) => {
      const link = `/moten/${m.id}`;
      const text = ({ m: { mail }, f }: I18n) => ({
        title: fill(mail.meetingReminder.title, { group: m.group.name, time: f.meetingTime(m.startsAt) }),
        body: paragraphs(
          fill(mail.meetingReminder.body, { group: m.group.name, time: f.meetingTime(m.startsAt), location: m.location ? `, ${m.location}` : "", period: f.period(m.periodKey) }),
          [mail.meetingReminder.agenda, ...m.agendaItems.map((a, i) => `${i + 1}. ${a.title}`)].join("\n"),
          appUrl(link),
          mail.optOut,
        ),
      });
      // A moved meeting is a new time to be reminded of.
      return m.group.members.map(({ user }) => ({ user, municipalityId: m.municipalityId, dedupeKey: `meeting-reminder:${m.id}:${m.startsAt.toISOString()}:${user.id}`, text, link }));
    });
}

/** On an EST Vecko group's reporting day (from 08:00): the people of each silent organisation. */
async function reportingReminders(now: Date): Promise<Reminder[]> {
  if (stockholmFields(now).hour < 8) return [];
  const weekday = localWeekday(now);
  const groups = await db().estGroup.findMany({
    where: { kind: "VECKO", status: "OPEN" },
    select: {
      id: true, name: true, municipalityId: true, meetingWeekday: true, reportingWeekday: true,
      organisations: { where: { organisation: { active: true } }, select: { organisationId: true } },
      meetings: { where: { status: "PLANNED", startsAt: { gt: now } }, select: { periodKey: true }, orderBy: { startsAt: "asc" }, take: 1 },
    },
  });
  const out: Reminder[] = [];
  for (const g of groups) {
    // By default the day before the meeting.
    const day = g.reportingWeekday ?? (((g.meetingWeekday ?? 2) + 5) % 7) + 1;
    if (day !== weekday) continue;
    const week = g.meetings[0]?.periodKey ?? shiftPeriod(weekKey(now), -1);
    const states = await weekStates(g.municipalityId, g.organisations.map((o) => o.organisationId), week);
    const silent = g.organisations.map((o) => o.organisationId).filter((id) => states.get(id)?.state === "SILENT");
    if (!silent.length) continue;
    const people = await db().membership.findMany({
      where: { municipalityId: g.municipalityId, organisationId: { in: silent }, user: notOptedOut("REPORTING") },
      select: { organisationId: true, user: { select: RECIPIENT } },
    });
    const link = `/incidents/week/${week}`;
    for (const p of people) {
      out.push({
        user: p.user, municipalityId: g.municipalityId, link,
        dedupeKey: `report-reminder:${p.organisationId}:${week}:${p.user.id}`,
        text: ({ m: { mail }, f }) => ({
          title: fill(mail.reportingReminder.title, { week: f.period(week), group: g.name }),
          body: paragraphs(fill(mail.reportingReminder.body, { week: f.period(week) }), appUrl(link), mail.optOut),
        }),
      });
    }
  }
  return out;
}

/** Open actions due in three days, or overdue (once per due date): to the owner organisation's
 * people in the deciding group and the group's coordinators; without a group, the organisation. */
async function measureReminders(now: Date): Promise<Reminder[]> {
  const today = toLocalInputs(now).date;
  const inThree = toLocalInputs(new Date(now.getTime() + 3 * 86_400_000)).date;
  const measures = await db().measure.findMany({
    where: { status: { in: ["PLANNED", "ONGOING"] }, dueDate: { not: null, lte: new Date(`${inThree}T00:00:00Z`) } },
    select: {
      id: true, title: true, dueDate: true, municipalityId: true, ownerOrgId: true,
      group: { select: { name: true, members: { where: { user: notOptedOut("MEASURE_DUE") }, select: { role: true, user: { select: { ...RECIPIENT, memberships: { select: { organisationId: true } } } } } } } },
    },
  });
  const out: Reminder[] = [];
  for (const m of measures) {
    const due = m.dueDate!.toISOString().slice(0, 10);
    const overdue = due < today;
    if (!overdue && due !== inThree) continue;
    const recipients: Recipient[] = m.group
      ? m.group.members.filter((x) => x.role === "COORDINATOR" || x.user.memberships.some((s) => s.organisationId === m.ownerOrgId)).map((x) => x.user)
      : (await db().membership.findMany({ where: { municipalityId: m.municipalityId, organisationId: m.ownerOrgId, user: notOptedOut("MEASURE_DUE") }, select: { user: { select: RECIPIENT } } })).map((x) => x.user);
    const link = `/atgarder/${m.id}`;
    const text = ({ m: { mail }, f }: I18n) => {
      const values = { title: m.title, date: f.date(m.dueDate!) };
      return {
        title: fill(overdue ? mail.measureDue.titleOverdue : mail.measureDue.titleDue, values),
        body: paragraphs(fill(overdue ? mail.measureDue.bodyOverdue : mail.measureDue.bodyDue, values), appUrl(link), mail.optOut),
      };
    };
    for (const user of recipients) {
      out.push({ user, municipalityId: m.municipalityId, dedupeKey: `measure-${overdue ? "overdue" : "due"}:${m.id}:${due}:${user.id}`, text, link });
    }
  }
  return out;
}

export async function sendDueReminders(now = new Date()) {
  return {
    meetings: await send(await meetingReminders(now)),
    reporting: await send(await reportingReminders(now)),
    measures: await send(await measureReminders(now)),
  };
}
