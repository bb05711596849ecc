import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import nodemailer from "nodemailer";
import ICAL from "ical.js";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { flushOutbox } from "@/lib/feedback/mailer";
import { createIncident } from "@/lib/incidents/mutations";
import { ZIncidentCreate } from "@/lib/incidents/schema";
import { getMembershipOverlap, removeMember, setMember } from "@/lib/groups/members";
import { agendaContent } from "@/lib/meetings/agenda-content";
import { authenticateCalendarToken, calendarFeed, createCalendarToken, revokeCalendarToken } from "@/lib/meetings/ics";
import {
  addAgendaItem, addDecision, approveMinutes, cancelMeeting, changeCadence, extendCalendars, moveAgendaItem, moveMeeting, removeAgendaItem, saveMinutes, sendMinutes,
} from "@/lib/meetings/mutations";
import { setReminderPreferences } from "@/lib/meetings/preferences";
import { getMeeting } from "@/lib/meetings/queries";
import { sendDueReminders } from "@/lib/meetings/reminders";
import { ZCadenceChange, ZDecision, ZMinutes } from "@/lib/meetings/schema";
import { weekKey } from "@/lib/time/periods";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";
import { startSmtpServer } from "../helpers/smtp";

// Wednesday 25 November 2026, 13:00 in Stockholm. EST Vecko meets Tuesdays 09:00.
const NOW = new Date("2026-11-25T12:00:00Z");
let sollentuna: string;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;
const groupId = async (slug: string) => (await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: sollentuna, slug } } })).id;
const nextMeeting = async (slug: string, after = NOW) =>
  db().meeting.findFirstOrThrow({ where: { groupId: await groupId(slug), startsAt: { gt: after }, status: "PLANNED" }, orderBy: { startsAt: "asc" } });

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0, now: NOW });
  sollentuna = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  smtp = await startSmtpServer(0);
});
after(async () => {
  await smtp.close();
  await disconnectDb();
});

test("each group has twelve months of meetings with the agenda of its kind; the nightly job extends the horizon", async () => {
  const vecko = await groupId("est-vecko");
  const meetings = await db().meeting.findMany({ where: { groupId: vecko }, select: { startsAt: true, periodKey: true, agendaItems: { select: { kind: true }, orderBy: { position: "asc" } } }, orderBy: { startsAt: "asc" } });
  assert.ok(meetings.length >= 52 && meetings.length <= 53, `${meetings.length} weekly meetings`);
  assert.equal(meetings[0]!.startsAt.toISOString(), "2026-12-01T08:00:00.000Z", "Tuesday 09:00 CET");
  assert.equal(meetings[0]!.periodKey, "2026-W48");
  assert.deepEqual(meetings[0]!.agendaItems.map((a) => a.kind), ["lagesbild", "flags", "measures-due", "silent", "custom"]);
  const summer = meetings.find((m) => m.startsAt.toISOString().startsWith("2027-06-"))!;
  assert.match(summer.startsAt.toISOString(), /T07:00:00/, "still 09:00 local in CEST");
  const ledning = await db().meeting.findFirstOrThrow({ where: { groupId: await groupId("est-ledning") }, select: { periodKey: true, agendaItems: { select: { kind: true }, orderBy: { position: "asc" } } }, orderBy: { startsAt: "asc" } });
  assert.match(ledning.periodKey, /^\d{4}-T[123]$/);
  assert.deepEqual(ledning.agendaItems.map((a) => a.kind), ["tertial", "indicators", "agreement", "insatser", "custom"]);

  assert.equal(await extendCalendars(NOW), 0, "nothing to add today");
  const later = new Date(NOW.getTime() + 30 * 86_400_000);
  const added = await extendCalendars(later);
  assert.ok(added >= 4, `a month later the horizon moves (${added} new)`);
  assert.equal(await extendCalendars(later), 0, "and the job is idempotent");
});

test("a coordinator changes the cadence from a date; meetings with minutes are never thrown away", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const tureberg = await groupId("est-fordjupning-tureberg");
  const change = (o: Record<string, unknown> = {}) =>
    ZCadenceChange.parse({ groupId: tureberg, cadence: "BIWEEKLY", weekday: 1, time: "08:30", minutes: 90, fromDate: "2027-03-01", reminderLeadHours: 48, ...o });
  const { meetings } = await changeCadence(coordinator, change(), NOW);
  const after = await db().meeting.findMany({ where: { groupId: tureberg, startsAt: { gte: new Date("2027-03-01T00:00:00Z") } }, select: { startsAt: true, endsAt: true }, orderBy: { startsAt: "asc" } });
  assert.equal(after.length, meetings);
  assert.equal(after[0]!.startsAt.toISOString(), "2027-03-01T07:30:00.000Z", "Monday 08:30 CET");
  assert.equal(after.find((m) => m.startsAt.toISOString().startsWith("2027-04-12"))!.startsAt.toISOString(), "2027-04-12T06:30:00.000Z", "08:30 CEST");
  assert.equal((after[1]!.startsAt.getTime() - after[0]!.startsAt.getTime()) / 86_400_000, 14);
  assert.equal(after[0]!.endsAt.getTime() - after[0]!.startsAt.getTime(), 90 * 60_000);
  assert.ok(await db().meeting.count({ where: { groupId: tureberg, startsAt: { lt: new Date("2027-03-01T00:00:00Z") } } }) > 0, "earlier meetings stay");

  // Minutes on the first new meeting: a change from before it is refused with the reason.
  const first = await db().meeting.findFirstOrThrow({ where: { groupId: tureberg, startsAt: { gte: new Date("2027-03-01T00:00:00Z") } }, orderBy: { startsAt: "asc" }, select: { id: true } });
  await db().agendaItem.updateMany({ where: { meetingId: first.id, position: 1 }, data: { minutes: "Genomgång av Turebergs centrum." } });
  await assert.rejects(changeCadence(coordinator, change({ fromDate: "2027-02-01", cadence: "WEEKLY" }), NOW), (e: { field?: string; message: string }) => e.field === "fromDate" && /2027-03-01 har redan protokoll/.test(e.message));
  assert.equal(await db().meeting.count({ where: { id: first.id } }), 1, "the meeting with minutes is still there");
  await assert.rejects(changeCadence(coordinator, change({ fromDate: "2026-11-01" }), NOW), { field: "fromDate" });
  await assert.rejects(changeCadence(await viewerOf("polis@polisen.example"), change(), NOW), { code: "NOT_FOUND" });
});

test("moving, adding to the agenda, cancelling: times stay in Stockholm, overlaps are reported, members are told", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const [a, b] = await db().meeting.findMany({ where: { groupId: await groupId("est-vecko"), startsAt: { gt: NOW } }, orderBy: { startsAt: "asc" }, take: 2 });
  // The spring-forward gap does not exist; 28 March 2027 02:30 is refused.
  await assert.rejects(moveMeeting(coordinator, { meetingId: b!.id, date: "2027-03-28", time: "02:30", minutes: 60, location: "" }), { field: "time" });
  const moved = await moveMeeting(coordinator, { meetingId: b!.id, date: "2026-12-01", time: "09:30", minutes: 60, location: "Kommunhuset, sal 3" });
  assert.equal(moved.overlaps.length, 1, "overlaps the meeting at 09:00 the same day");
  const m = await db().meeting.findUniqueOrThrow({ where: { id: b!.id } });
  assert.equal(m.startsAt.toISOString(), "2026-12-01T08:30:00.000Z");
  assert.equal(m.plannedStartsAt?.toISOString(), b!.startsAt.toISOString(), "remembers where the cadence put it");
  assert.ok((await getMeeting(coordinator, b!.id)).events.some((e) => e.kind === "MOVED"));

  await addAgendaItem(coordinator, { meetingId: a!.id, title: "Nattvandring i Edsberg", notes: "" });
  const items = async () => (await db().agendaItem.findMany({ where: { meetingId: a!.id }, orderBy: { position: "asc" }, select: { id: true, title: true } }));
  const added = (await items()).at(-1)!;
  await moveAgendaItem(coordinator, { meetingId: a!.id, itemId: added.id, direction: "up" });
  assert.equal((await items()).at(-2)!.id, added.id);
  const other = (await items()).at(-1)!;
  await removeAgendaItem(coordinator, { meetingId: a!.id, itemId: other.id });
  assert.equal((await items()).some((i) => i.id === other.id), false);

  await cancelMeeting(coordinator, { meetingId: b!.id, reason: "Krockar med kommunfullmäktige" });
  assert.equal((await db().meeting.findUniqueOrThrow({ where: { id: b!.id } })).status, "CANCELLED");
  const told = await db().emailOutbox.findMany({ where: { dedupeKey: { startsWith: `meeting-cancelled:${b!.id}:` } }, select: { toAddress: true } });
  assert.ok(told.some((t) => t.toAddress === "rapportor@sollentunahem.example"));
  assert.ok(!told.some((t) => t.toAddress === "samordnare@sollentuna.example"), "not the one who cancelled");
});

test("who sees and runs a meeting: members read, coordinators run, others get not found", async () => {
  const meeting = await nextMeeting("est-vecko");
  const member = await viewerOf("rapportor@sollentunahem.example");
  const view = await getMeeting(member, meeting.id);
  assert.equal(view.canManage, false);
  assert.equal(view.readOnly, true);
  await assert.rejects(saveMinutes(member, ZMinutes.parse({ meetingId: meeting.id, version: 1, present: [], organisations: [], items: [], general: "" })), { code: "NOT_FOUND" });
  await assert.rejects(getMeeting(await viewerOf("ledning@sollentuna.example"), meeting.id), { code: "NOT_FOUND" });
  await assert.rejects(getMeeting(await viewerOf("samordnare@upplandsvasby.example"), meeting.id), { code: "NOT_FOUND" });
  await assert.rejects(getMeeting(member, "not-a-uuid"), { code: "NOT_FOUND" });
});

test("in the meeting: attendance, minutes, a decision that becomes an action with its evidence; approved minutes are immutable", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  const meeting = await nextMeeting("est-vecko");
  const edsberg = await db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "edsberg" } } });
  const category = await db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "skadegorelse" } } });
  const incident = await createIncident(reporter, ZIncidentCreate.parse({ date: "2026-11-24", time: "22:10", areaId: edsberg.id, place: "Edsbergs torg", categoryId: category.id, idempotencyKey: crypto.randomUUID() }), NOW);

  // The agenda shows the week's data.
  const content = await agendaContent(coordinator, { ...meeting, group: { id: meeting.groupId, kind: "VECKO" } }, ["lagesbild", "silent", "measures-due"], NOW);
  const inWeek = await db().incident.count({ where: { municipalityId: sollentuna, isoWeek: "2026-W48", status: "ACTIVE" } });
  assert.ok(inWeek >= 1);
  assert.match(content.lagesbild!.lines[0]!.text, new RegExp(`^${inWeek} händelser`));
  assert.ok(content.silent!.lines.some((l) => /har inte rapporterat/.test(l.text)), "silent organisations listed");

  const v = await getMeeting(coordinator, meeting.id);
  const police = v.group.members.find((x) => x.name === "Karin Berg")!;
  const item = v.agendaItems[0]!;
  const saved = await saveMinutes(coordinator, ZMinutes.parse({
    meetingId: meeting.id, version: v.version, present: [police.id, coordinator.userId], organisations: [],
    items: [{ id: item.id, minutes: "Skadegörelse vid Edsbergs torg natten till tisdag." }], general: "",
  }), NOW);
  // A stale version loses nothing: it is refused, and the saved text stays.
  await assert.rejects(saveMinutes(coordinator, ZMinutes.parse({ meetingId: meeting.id, version: v.version, present: [], organisations: [], items: [], general: "Skriver över" }), NOW), { code: "CONFLICT" });
  const orgsPresent = await db().meetingOrganisation.findMany({ where: { meetingId: meeting.id }, select: { organisation: { select: { code: true } } } });
  assert.deepEqual(orgsPresent.map((o) => o.organisation.code).sort(), ["klk-sakerhet", "polis"], "organisations of those present");

  const decision = await addDecision(coordinator, ZDecision.parse({
    meetingId: meeting.id, agendaItemId: item.id, text: "Polisen och Sollentunahem gör gemensam kvällsrunda vid Edsbergs torg", createMeasure: true,
    ownerOrgId: (await db().organisation.findFirstOrThrow({ where: { municipalityId: sollentuna, code: "polis" } })).id, responsibleName: "", areaId: edsberg.id, dueDate: "2026-12-15",
  }), NOW);
  const measure = await db().measure.findUniqueOrThrow({ where: { id: decision.measureId! }, select: { origin: true, meetingId: true, decisionId: true, groupId: true, evidence: { select: { incidentId: true } } } });
  assert.deepEqual({ origin: measure.origin, meetingId: measure.meetingId, decisionId: measure.decisionId, groupId: measure.groupId }, { origin: "MEETING", meetingId: meeting.id, decisionId: decision.decisionId, groupId: meeting.groupId });
  assert.deepEqual(measure.evidence.map((e) => e.incidentId), [incident.id], "the week's incident in the area is the evidence");
  assert.equal(ZDecision.safeParse({ meetingId: meeting.id, text: "x y z", createMeasure: true }).success, false, "an action needs an owner and a due date");

  // Approval needs the minutes to have been sent first.
  await assert.rejects(approveMinutes(coordinator, { meetingId: meeting.id, version: saved.version }), { code: "INVALID" });
  await sendMinutes(coordinator, { meetingId: meeting.id, version: saved.version });
  assert.ok(await db().emailOutbox.count({ where: { dedupeKey: { startsWith: `minutes-sent:${meeting.id}:` }, toAddress: "rapportor@sollentunahem.example" } }));
  await approveMinutes(coordinator, { meetingId: meeting.id, version: saved.version + 1 }, NOW);
  const approved = await getMeeting(coordinator, meeting.id);
  assert.equal(approved.minutesStatus, "APPROVED");
  assert.equal(approved.readOnly, true);
  const snapshot = (await db().meetingEvent.findFirstOrThrow({ where: { meetingId: meeting.id, kind: "APPROVED" } })).snapshot as { items: { minutes: string; decisions: string[] }[]; present: string[] };
  assert.equal(snapshot.items[0]!.minutes, "Skadegörelse vid Edsbergs torg natten till tisdag.");
  assert.equal(snapshot.items[0]!.decisions.length, 1);
  assert.deepEqual(snapshot.present, ["Karin Berg", "Sara Ek"]);

  // Read-only in the application …
  await assert.rejects(saveMinutes(coordinator, ZMinutes.parse({ meetingId: meeting.id, version: approved.version, present: [], organisations: [], items: [], general: "" })), { code: "CONFLICT" });
  await addDecision(coordinator, ZDecision.parse({ meetingId: meeting.id, text: "Ett sent beslut" })).then(() => assert.fail("no decision after approval"), (e) => assert.equal(e.code, "CONFLICT", String(e)));
  await assert.rejects(addAgendaItem(coordinator, { meetingId: meeting.id, title: "Sen punkt", notes: "" }), { code: "CONFLICT" });
  // … and in the database, whatever the application does.
  await assert.rejects(db().agendaItem.update({ where: { id: item.id }, data: { minutes: "ändrat" } }), /read-only/);
  await assert.rejects(db().decision.create({ data: { meetingId: meeting.id, text: "smuggel" } }), /read-only/);
  await assert.rejects(db().meetingAttendance.deleteMany({ where: { meetingId: meeting.id } }), /read-only/);
  await assert.rejects(db().meeting.update({ where: { id: meeting.id }, data: { minutes: "ändrat" } }), /read-only/);
  assert.equal((await db().agendaItem.findUniqueOrThrow({ where: { id: item.id } })).minutes, "Skadegörelse vid Edsbergs torg natten till tisdag.");
  // The action lives on and links back to the meeting.
  assert.equal((await db().measure.findUniqueOrThrow({ where: { id: decision.measureId! }, select: { meeting: { select: { id: true } } } })).meeting?.id, meeting.id);
});

test("calendar feeds parse as iCalendar, in Stockholm time; a new or revoked link stops the old one", async () => {
  const police = await viewerOf("polis@polisen.example");
  const token = await createCalendarToken(police);
  const viewer = await authenticateCalendarToken(token);
  assert.equal(viewer?.userId, police.userId);
  const feed = (await calendarFeed(viewer!, undefined, NOW))!;
  const cal = new ICAL.Component(ICAL.parse(feed));
  const events = cal.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  const groups = new Set(events.map((e) => e.summary.replace(/ \(.*$/, "")));
  for (const name of ["EST Vecko", "EST Strategisk", "EST Fördjupning Edsberg"]) assert.ok(groups.has(name), name);
  const vecko = events.filter((e) => e.summary.startsWith("EST Vecko") && e.startDate.toJSDate().toISOString() === "2026-12-15T08:00:00.000Z");
  assert.equal(vecko.length, 1, "Tuesday 15 December 09:00 Stockholm");
  assert.match(vecko[0]!.description, /Dagordning:\n1\. Veckans lägesbild/);
  const cancelled = events.find((e) => e.component.getFirstPropertyValue("status") === "CANCELLED");
  assert.ok(cancelled, "the cancelled meeting stays in the feed as cancelled");

  const vecko2 = await groupId("est-vecko");
  const one = new ICAL.Component(ICAL.parse((await calendarFeed(viewer!, vecko2, NOW))!));
  assert.ok(one.getAllSubcomponents("vevent").every((c) => new ICAL.Event(c).summary.startsWith("EST Vecko")));
  assert.equal(await calendarFeed(viewer!, await groupId("est-ledning"), NOW), null, "a group they may not see");

  const rotated = await createCalendarToken(police);
  assert.equal(await authenticateCalendarToken(token), null, "the old link stops");
  assert.ok(await authenticateCalendarToken(rotated));
  // The feed's route logs each read, and each refused link, in the access log (issue 26).
  const { GET } = await import("@/app/api/kalender/[token]/route");
  const feedRoute = (t: string) => GET(new Request(`http://localhost/api/kalender/${t}`), { params: Promise.resolve({ token: t }) });
  const feeds = () => db().auditEvent.findMany({ where: { action: "calendar:feed" }, select: { userId: true, outcome: true }, orderBy: { id: "asc" } });
  assert.equal((await feedRoute(rotated)).status, 200);
  await revokeCalendarToken(police);
  assert.equal((await feedRoute(rotated)).status, 404);
  assert.deepEqual(await feeds(), [{ userId: police.userId, outcome: "ALLOWED" }, { userId: null, outcome: "DENIED" }]);
  assert.equal(await authenticateCalendarToken(rotated), null);
  assert.equal(await authenticateCalendarToken("cal_short"), null);
});

test("reminders: before meetings, on the reporting day, for actions due; once each, never to those who turned them off; delivered over SMTP", async () => {
  await setReminderPreferences(await viewerOf("polis@polisen.example"), { MEETING: false, REPORTING: true, MEASURE_DUE: true });
  // Monday 14 December 2026, 10:00: the day before EST Vecko (the default reporting day), within 24 h of the meeting.
  const monday = new Date("2026-12-14T09:00:00Z");
  const vecko = await nextMeeting("est-vecko", monday);
  // Sollentunahem has reported week 50; the police have not.
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  const edsberg = await db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "edsberg" } } });
  const category = await db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "skadegorelse" } } });
  await createIncident(reporter, ZIncidentCreate.parse({ date: "2026-12-09", time: "20:00", areaId: edsberg.id, place: "Edsbergs centrum", categoryId: category.id, idempotencyKey: crypto.randomUUID() }), monday);
  // An action due in three days (17 December) for Sollentunahem, decided by EST Vecko.
  const sollentunahem = await db().organisation.findFirstOrThrow({ where: { municipalityId: sollentuna, code: "sollentunahem" } });
  const due = await db().measure.create({
    data: { municipalityId: sollentuna, title: "Byt belysning i gången vid Edsbergs torg", ownerOrgId: sollentunahem.id, groupId: vecko.groupId, dueDate: new Date("2026-12-17T00:00:00Z"), status: "ONGOING" },
  });

  // The police officer reads the app in English: their reminder comes in English.
  await db().user.update({ where: { email: "polis@polisen.example" }, data: { locale: "en" } });
  const first = await sendDueReminders(monday);
  assert.ok(first.meetings > 0 && first.reporting > 0 && first.measures > 0, JSON.stringify(first));
  const keys = (await db().emailOutbox.findMany({ select: { dedupeKey: true, toAddress: true } }));
  const meetingReminders = keys.filter((k) => k.dedupeKey.startsWith(`meeting-reminder:${vecko.id}:`));
  assert.ok(meetingReminders.some((k) => k.toAddress === "rapportor@sollentunahem.example"));
  assert.ok(!meetingReminders.some((k) => k.toAddress === "polis@polisen.example"), "turned off");
  const polis = await db().organisation.findFirstOrThrow({ where: { municipalityId: sollentuna, code: "polis" } });
  assert.ok(keys.some((k) => k.dedupeKey.startsWith(`report-reminder:${polis.id}:2026-W50:`) && k.toAddress === "polis@polisen.example"), "the police have not reported W50");
  assert.ok(!keys.some((k) => k.dedupeKey.startsWith(`report-reminder:${sollentunahem.id}:`)), "Sollentunahem has");
  assert.ok(keys.some((k) => k.dedupeKey.startsWith(`measure-due:${due.id}:`) && k.toAddress === "rapportor@sollentunahem.example"));
  assert.deepEqual(await sendDueReminders(monday), { meetings: 0, reporting: 0, measures: 0 }, "a second run sends nothing");
  // Days later the action is overdue: one more reminder, of another kind.
  const overdue = await sendDueReminders(new Date("2026-12-19T09:00:00Z"));
  assert.ok(overdue.measures > 0);
  assert.ok(await db().emailOutbox.count({ where: { dedupeKey: { startsWith: `measure-overdue:${due.id}:` } } }));

  const transport = nodemailer.createTransport(`smtp://127.0.0.1:${smtp.port}`);
  await flushOutbox(transport, 500);
  const mail = smtp.messages.find((x) => x.to.includes("rapportor@sollentunahem.example") && x.subject.startsWith("Påminnelse: EST Vecko"));
  assert.ok(mail, "the meeting reminder arrived over SMTP");
  assert.match(mail!.text, /Dagordning:\n1\. Veckans lägesbild/);
  assert.match(mail!.text, new RegExp(`/moten/${vecko.id}`));
  assert.ok(smtp.messages.some((x) => x.subject.startsWith("Rapportera v. 50 2026")), smtp.messages.map((x) => x.subject).join(" | "));
  const police = smtp.messages.find((x) => x.to.includes("polis@polisen.example") && x.subject.startsWith("Report week 50 2026 to "));
  assert.ok(police, smtp.messages.filter((x) => x.to.includes("polis@")).map((x) => x.subject).join(" | "));
  assert.match(police!.text, /Your organisation has not reported anything for week 50 2026 yet\.[\s\S]*You can turn reminders off under Calendar\.\s*$/);
  assert.ok(!smtp.messages.some((x) => x.to.includes("polis@polisen.example") && /Rapportera|Påminnelse/.test(x.subject)), "nothing to the police in Swedish");
});

test("coordinators manage members; the overlap view shows EST Ledning and the 2030 steering group sharing most organisations", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const ledning = await groupId("est-ledning");
  const admin = await db().user.findUniqueOrThrow({ where: { email: "admin@sollentuna.example" } });
  await setMember(coordinator, { groupId: ledning, userId: admin.id, role: "COORDINATOR" });
  assert.equal((await db().groupMember.findUniqueOrThrow({ where: { groupId_userId: { groupId: ledning, userId: admin.id } } })).role, "COORDINATOR");
  await assert.rejects(removeMember(coordinator, { groupId: ledning, userId: admin.id }), /minst en samordnare/);
  const vasby = await db().user.findUniqueOrThrow({ where: { email: "samordnare@upplandsvasby.example" } });
  await assert.rejects(setMember(coordinator, { groupId: ledning, userId: vasby.id, role: "MEMBER" }), { field: "userId" });
  await assert.rejects(setMember(await viewerOf("ledning@sollentuna.example"), { groupId: ledning, userId: admin.id, role: "MEMBER" }), { code: "NOT_FOUND" });

  const overlap = await getMembershipOverlap(await viewerOf("ledning@sollentuna.example"), sollentuna);
  const pair = overlap.pairs.find((p) => [p.a.name, p.b.name].sort().join("|") === "EST Ledning|Styrgrupp Inga utsatta områden 2030")!;
  assert.ok(pair.organisationShare === 1, `organisations: ${pair.organisationShare}`);
  assert.deepEqual(pair.members, ["Lars Holm"]);
  await assert.rejects(getMembershipOverlap(await viewerOf("rapportor@sollentunahem.example"), sollentuna), { code: "NOT_FOUND" });
});

test("a group's summer break keeps its weeks free every year, also as the calendar is extended", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const vecko = await groupId("est-vecko");
  const base = { groupId: vecko, cadence: "WEEKLY", weekday: 2, time: "09:00", minutes: 60, fromDate: "2027-01-05", reminderLeadHours: 24 };
  // Both weeks or neither, in order.
  const half = ZCadenceChange.safeParse({ ...base, summerFrom: "27" });
  assert.deepEqual(half.success ? null : half.error.issues.map((i) => i.path.join(".")), ["summerTo"]);
  const reversed = ZCadenceChange.safeParse({ ...base, summerFrom: "32", summerTo: "27" });
  assert.deepEqual(reversed.success ? null : reversed.error.issues.map((i) => [i.path.join("."), i.message]), [["summerTo", "Uppehållet kan inte sluta före den vecka det börjar."]]);

  await changeCadence(coordinator, ZCadenceChange.parse({ ...base, summerFrom: "27", summerTo: "32" }), NOW);
  assert.deepEqual(await db().estGroup.findUniqueOrThrow({ where: { id: vecko }, select: { summerBreakFrom: true, summerBreakTo: true } }), { summerBreakFrom: 27, summerBreakTo: 32 });
  const weeksHeld = async () => new Set((await db().meeting.findMany({ where: { groupId: vecko, status: "PLANNED" }, select: { startsAt: true } })).map((mt) => weekKey(mt.startsAt)));
  const held = await weeksHeld();
  assert.ok(held.has("2027-W26") && held.has("2027-W33"), "the weeks around the break are held");
  for (let w = 27; w <= 32; w++) assert.equal(held.has(`2027-W${w}`), false, `week ${w} of 2027 is free`);
  // The daily job lays out the next summer the same way.
  await extendCalendars(new Date("2027-09-01T12:00:00Z"));
  const later = await weeksHeld();
  assert.ok(later.has("2028-W26") && later.has("2028-W33"));
  for (let w = 27; w <= 32; w++) assert.equal(later.has(`2028-W${w}`), false, `week ${w} of 2028 is free`);
});
