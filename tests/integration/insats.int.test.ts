import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { getGroupForViewer } from "@/lib/groups/queries";
import { getMeetingPicture, publishMeetingPicture } from "@/lib/insats/meeting-picture";
import { openInsats } from "@/lib/insats/mutations";
import { getInsatsWorkspace } from "@/lib/insats/queries";
import { saveJudgement } from "@/lib/lagesbild/mutations";
import { ZLagesbildJudgement } from "@/lib/lagesbild/schema";
import { ZInsatsOpen } from "@/lib/insats/schema";
import { getLagesbildDraft } from "@/lib/lagesbild/queries";
import { periodRange, shiftPeriod, weekKey } from "@/lib/time/periods";
import { stockholmDay } from "@/lib/time/zone";
import { acceptInvitation, getInvitation, joinByInvitation } from "@/lib/users/invitations";
import { ZAcceptInvitation } from "@/lib/users/schema";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const NOW = new Date("2026-11-25T12:00:00Z");
let sollentuna: string;
const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0, now: NOW });
  sollentuna = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
});
after(() => disconnectDb());

const input = async (o: Record<string, unknown> = {}) => {
  const rotebro = await db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "rotebro" } } });
  const police = await db().user.findUniqueOrThrow({ where: { email: "polis@polisen.example" } });
  return ZInsatsOpen.parse({
    municipalityId: sollentuna, name: "EST Insats Rotebro station", problem: "Återkommande samlingar vid spärrarna kvällstid.", places: "Rotebro station",
    areaIds: [rotebro.id], plannedEndDate: "2027-01-06", memberIds: [police.id], cadence: "TWICE_WEEKLY", weekday: 1, time: "15:00", origin: null,
    // The seeded EST Insats Rotebro is open: these tests open more there on purpose, and the first asks.
    confirmDuplicate: true, ...o,
  });
};

test("opening an Insats staffs it, lays out its meetings until the end date and invites by app and e-mail", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  // Rotebro already has an open Insats: a second one is asked about, named, and opened only when confirmed.
  await assert.rejects(openInsats(coordinator, await input({ confirmDuplicate: false }), NOW), (e: { field: string; message: string }) => {
    assert.equal(e.field, "confirmDuplicate");
    assert.match(e.message, /^En EST Insats arbetar redan i samma kommundel: EST Insats Rotebro \(sedan \d{4}-\d{2}-\d{2}\)\./);
    return true;
  });
  assert.equal(await db().estGroup.count({ where: { name: "EST Insats Rotebro station" } }), 0, "nothing was opened");
  const { id, meetings } = await openInsats(coordinator, await input(), NOW);
  const group = await db().estGroup.findUniqueOrThrow({
    where: { id },
    select: { kind: true, status: true, cadence: true, members: { select: { role: true, user: { select: { email: true } } } }, _count: { select: { meetings: true, areas: true } } },
  });
  assert.deepEqual({ kind: group.kind, status: group.status, cadence: group.cadence }, { kind: "INSATS", status: "OPEN", cadence: "TWICE_WEEKLY" });
  assert.deepEqual(group.members.map((m) => [m.user.email, m.role]).sort(), [["polis@polisen.example", "MEMBER"], ["samordnare@sollentuna.example", "COORDINATOR"]]);
  // Mon + Thu from 30 Nov to 6 Jan: six weeks, twelve meetings (the Monday of 7 Jan is past the
  // end) less julafton and nyårsafton, two Thursdays with no working day before the next Monday.
  assert.equal(meetings, 10);
  assert.equal(group._count.meetings, 10);
  const days = await db().meeting.findMany({ where: { groupId: id }, select: { startsAt: true }, orderBy: { startsAt: "asc" } });
  assert.ok(!days.some((d) => ["2026-12-24", "2026-12-31"].includes(stockholmDay(d.startsAt))), "no meeting on julafton or nyårsafton");
  assert.equal(await db().emailOutbox.count({ where: { dedupeKey: { startsWith: `insats:${id}:` }, toAddress: "polis@polisen.example" } }), 1);
  const police = await viewerOf("polis@polisen.example");
  assert.equal((await getGroupForViewer(police, id, NOW)).name, "EST Insats Rotebro station");
  await assert.rejects(getGroupForViewer(await viewerOf("rapportor@sollentunahem.example"), id, NOW), { code: "NOT_FOUND" });
  assert.equal((await getGroupForViewer(await viewerOf("ledning@sollentuna.example"), id, NOW)).canManage, false, "Ledning follows read-only");
});

test("bad input: an end date in the past, someone without an account, a reporter opening one", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  await assert.rejects(openInsats(coordinator, await input({ plannedEndDate: "2026-11-01" }), NOW), { field: "plannedEndDate" });
  const vasby = await db().user.findUniqueOrThrow({ where: { email: "samordnare@upplandsvasby.example" } });
  await assert.rejects(openInsats(coordinator, await input({ memberIds: [vasby.id] }), NOW), { field: "memberIds" });
  await assert.rejects(openInsats(await viewerOf("rapportor@sollentunahem.example"), await input(), NOW), { code: "FORBIDDEN" });
  assert.equal(ZInsatsOpen.safeParse({ ...(await input()), areaIds: [] }).success, false);
});

test("a flag two weeks running is marked, so the coordinator is offered an Insats", async () => {
  const m = sollentuna;
  const area = await db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "bagarby" } } });
  const cat = await db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "arrangemang" } } });
  const org = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "polis" } } });
  const week = "2026-W46";
  const rows = [shiftPeriod(week, -1), week].flatMap((w) =>
    Array.from({ length: 8 }, (_, i) => {
      // Two hours apart: eight events (reports of one place within the hour would be one).
      const occurredAt = new Date(periodRange(w).start.getTime() + (20 + 2 * i) * 3_600_000);
      return { municipalityId: m, areaId: area.id, categoryId: cat.id, reporterOrgId: org.id, place: "Bagarby gärde", occurredAt, isoWeek: weekKey(occurredAt) };
    }),
  );
  await db().incident.createMany({ data: rows });
  const vecko = await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: m, slug: "est-vecko" } } });
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const flag = (await getLagesbildDraft(coordinator, vecko.id, week)).flags.find((f) => f.area.id === area.id);
  assert.equal(flag?.twoWeeksRunning, true);
  const first = (await getLagesbildDraft(coordinator, vecko.id, shiftPeriod(week, -1))).flags.find((f) => f.area.id === area.id);
  assert.equal(first?.twoWeeksRunning, false);

  // The group page gathers the last eight weeks' flags, one row per area and category. A published
  // week counts as published: its flags stay though its reports are later withdrawn.
  const { saveJudgement, publishLagesbild } = await import("@/lib/lagesbild/mutations");
  const { recentFlags } = await import("@/lib/lagesbild/recent-flags");
  const earlier = shiftPeriod(week, -1);
  const { version } = await saveJudgement(coordinator, ZLagesbildJudgement.parse({ groupId: vecko.id, week: earlier, version: 0, assessment: "Arrangemang vid gärdet.", outlook: "", resourceNotes: "", focusNotes: "", areaStatuses: [] }));
  assert.equal((await publishLagesbild(coordinator, { groupId: vecko.id, week: earlier, version, confirmIncomplete: true })).published, true);
  await db().incident.updateMany({ where: { areaId: area.id, categoryId: cat.id, isoWeek: earlier }, data: { status: "WITHDRAWN" } });
  const recent = await recentFlags(coordinator, vecko.id, NOW); // 25 Nov: weeks 48 back to 41
  const row = recent.find((r) => r.area.id === area.id && r.category.id === cat.id);
  assert.deepEqual([row?.weeks, row?.count], [[week, earlier], 8]);
  assert.equal(recent.filter((r) => r.area.id === area.id && r.category.id === cat.id).length, 1, "one row for the two weeks");
  const eightWeeksOn = new Date(periodRange(shiftPeriod(week, 8)).start.getTime() + 86_400_000);
  assert.equal((await recentFlags(coordinator, vecko.id, eightWeeksOn)).some((r) => r.area.id === area.id && r.category.id === cat.id), false, "nine weeks later it has left the overview");
  await db().incident.updateMany({ where: { areaId: area.id, categoryId: cat.id, isoWeek: earlier }, data: { status: "ACTIVE" } });
});

test("extending needs a later date and a reason; closing asks about each open action and writes the report", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const { extendInsats, closeInsats } = await import("@/lib/insats/mutations");
  const { getInsatsWorkspace, listInsatser } = await import("@/lib/insats/queries");
  const { id } = await openInsats(coordinator, await input({ name: "EST Insats Stängs" }), NOW);
  await assert.rejects(extendInsats(coordinator, { groupId: id, plannedEndDate: "2026-12-01", reason: "För tidigt datum" }, NOW), { field: "plannedEndDate" });
  const before = await db().meeting.count({ where: { groupId: id } });
  await extendInsats(coordinator, { groupId: id, plannedEndDate: "2027-01-20", reason: "Problemen består" }, NOW);
  assert.ok((await db().meeting.count({ where: { groupId: id } })) > before, "meetings for the extension");
  const owner = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "trygghetsvardar" } } });
  const measure = await db().measure.create({ data: { municipalityId: sollentuna, title: "Väktare vid spärrarna", ownerOrgId: owner.id, groupId: id, origin: "INSATS", status: "ONGOING" } });
  await assert.rejects(closeInsats(coordinator, { groupId: id, outcome: "Samlingarna minskade tydligt.", lessons: "", openMeasures: [] }, NOW), { field: "openMeasures" });
  await assert.rejects(closeInsats(await viewerOf("polis@polisen.example"), { groupId: id, outcome: "x".repeat(12), lessons: "", openMeasures: [] }, NOW), { code: "NOT_FOUND" });
  const report = await closeInsats(coordinator, { groupId: id, outcome: "Samlingarna minskade tydligt.", lessons: "Starta tidigare.", openMeasures: [{ id: measure.id, decision: "HAND_OVER" }] }, NOW);
  assert.deepEqual(report.measures, [{ title: "Väktare vid spärrarna", status: "ONGOING", decision: "HAND_OVER" }]);
  const vecko = await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: sollentuna, slug: "est-vecko" } } });
  assert.equal((await db().measure.findUniqueOrThrow({ where: { id: measure.id } })).groupId, vecko.id, "handed over to EST Vecko");
  assert.equal(await db().meeting.count({ where: { groupId: id, status: "PLANNED", startsAt: { gt: NOW } } }), 0, "future meetings cancelled");
  const workspace = await getInsatsWorkspace(coordinator, id, NOW);
  assert.equal(workspace.closingReport?.outcome, "Samlingarna minskade tydligt.");
  const list = await listInsatser(await viewerOf("ledning@sollentuna.example"), sollentuna);
  assert.equal(list.find((r) => r.id === id)?.outcome, "Samlingarna minskade tydligt.");
  await assert.rejects(listInsatser(await viewerOf("rapportor@sollentunahem.example"), sollentuna), { code: "NOT_FOUND" });
});

test("members follow up the Insats's actions; outsiders cannot", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const { addFollowUp } = await import("@/lib/measures/mutations");
  const { id } = await openInsats(coordinator, await input({ name: "EST Insats Uppföljning" }), NOW);
  const owner = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "kfk" } } });
  const measure = await db().measure.create({ data: { municipalityId: sollentuna, title: "Fritidsgården öppen fredagar", ownerOrgId: owner.id, groupId: id, origin: "INSATS" } });
  await addFollowUp(await viewerOf("polis@polisen.example"), { measureId: measure.id, text: "Lugnare vid stationen i fredags." }, NOW);
  const rows = await db().measureFollowUp.findMany({ where: { measureId: measure.id }, select: { text: true, date: true } });
  assert.deepEqual(rows.map((r) => [r.text, r.date.toISOString().slice(0, 10)]), [["Lugnare vid stationen i fredags.", "2026-11-25"]]);
  await assert.rejects(addFollowUp(await viewerOf("rapportor@sollentunahem.example"), { measureId: measure.id, text: "Inte min grupp" }, NOW), { code: "NOT_FOUND" });
});

test("once the planned end has passed, coordinators are reminded once per end date", async () => {
  const { remindEndedInsatser } = await import("@/lib/insats/reminders");
  const { extendInsats } = await import("@/lib/insats/mutations");
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const { id } = await openInsats(coordinator, await input({ name: "EST Insats Påminnelse", plannedEndDate: "2026-12-10" }), NOW);
  const reminders = () => db().emailOutbox.count({ where: { dedupeKey: { startsWith: `insats-end:${id}:` } } });
  assert.equal(await remindEndedInsatser(new Date("2026-12-10T12:00:00Z")), 0, "not before the end date has passed");
  await remindEndedInsatser(new Date("2026-12-11T07:00:00Z"));
  assert.equal(await reminders(), 1);
  await remindEndedInsatser(new Date("2026-12-12T07:00:00Z"));
  assert.equal(await reminders(), 1, "no second reminder for the same end date");
  await extendInsats(coordinator, { groupId: id, plannedEndDate: "2026-12-20", reason: "Behövs två veckor till" }, new Date("2026-12-12T08:00:00Z"));
  await remindEndedInsatser(new Date("2026-12-21T07:00:00Z"));
  assert.equal(await reminders(), 2, "a new end date gets its own reminder");
  const note = await db().notification.findFirstOrThrow({ where: { userId: coordinator.userId, link: `/groups/${id}` }, orderBy: { createdAt: "desc" } });
  assert.match(note.title, /EST Insats Påminnelse: planerat slut 2026-12-20 har passerats/);
});

test("someone without an account is invited by e-mail; the link creates the account, joins the Insats and works once", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const hem = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "sollentunahem" } } });
  const bad = ZInsatsOpen.safeParse({ ...(await input()), inviteEmails: "ny.vardare@example.se", inviteOrganisationId: "" });
  assert.equal(bad.success, false);
  assert.deepEqual(bad.error!.issues.map((i) => i.path.join(".")), ["inviteOrganisationId"]);
  assert.equal(ZInsatsOpen.safeParse({ ...(await input()), inviteEmails: "inte-en-adress", inviteOrganisationId: hem.id }).success, false);

  // One address is new; one belongs to someone already in the municipality, who is simply added.
  const { id, invited } = await openInsats(coordinator, await input({
    name: "EST Insats Edsbergs torg", memberIds: [], inviteEmails: "Ny.Vardare@example.se, ledning@sollentuna.example", inviteOrganisationId: hem.id,
  }), NOW);
  assert.equal(invited, 1);
  const mail = await db().emailOutbox.findFirstOrThrow({ where: { toAddress: "ny.vardare@example.se" } });
  assert.equal(mail.subject, "Inbjudan till EST Insats Edsbergs torg");
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
  assert.equal((await db().invitation.findFirstOrThrow({ where: { email: "ny.vardare@example.se" } })).tokenHash.includes(token), false, "only a hash is stored");
  assert.ok((await db().groupMember.findMany({ where: { groupId: id }, select: { user: { select: { email: true } } } })).some((m) => m.user.email === "ledning@sollentuna.example"));

  const shown = await getInvitation(token, NOW);
  assert.deepEqual([shown?.email, shown?.group, shown?.hasAccount], ["ny.vardare@example.se", "EST Insats Edsbergs torg", false]);
  assert.equal(ZAcceptInvitation.safeParse({ name: "Ny Värdare", password: "kort" }).success, false);
  const accepted = await acceptInvitation(token, { name: "Ny Värdare", password: "ett-långt-lösenord" }, NOW);
  assert.equal(accepted.groupId, id);
  const user = await db().user.findUniqueOrThrow({ where: { email: "ny.vardare@example.se" }, select: { id: true, passwordHash: true } });
  assert.ok(user.passwordHash?.startsWith("$argon2id$"));
  const newcomer = await viewerOf("ny.vardare@example.se");
  assert.deepEqual(newcomer.memberships.map((x) => [x.municipalityId, x.organisationId, x.role]), [[sollentuna, hem.id, "REPORTER"]]);
  assert.equal((await getGroupForViewer(newcomer, id, NOW)).name, "EST Insats Edsbergs torg");
  await assert.rejects(acceptInvitation(token, { name: "Igen", password: "ett-långt-lösenord" }, NOW), { code: "NOT_FOUND" });
  assert.equal(await getInvitation(token, NOW), null);
});

test("an expired invitation cannot be used, and one sent to another address cannot be taken by someone signed in", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const hem = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "sollentunahem" } } });
  await openInsats(coordinator, await input({ name: "EST Insats Häggvik", memberIds: [], inviteEmails: "sen@example.se", inviteOrganisationId: hem.id }), NOW);
  const mail = await db().emailOutbox.findFirstOrThrow({ where: { toAddress: "sen@example.se" } });
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
  await assert.rejects(joinByInvitation(coordinator, token, NOW), { code: "FORBIDDEN" });
  const later = new Date(NOW.getTime() + 15 * 86_400_000);
  assert.equal(await getInvitation(token, later), null);
  await assert.rejects(acceptInvitation(token, { name: "Sen", password: "ett-långt-lösenord" }, later), { code: "NOT_FOUND" });
  assert.equal(await db().user.count({ where: { email: "sen@example.se" } }), 0);
});

test("an Insats keeps a lägesbild per meeting: since the last meeting against the window before, frozen when published", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const norrviken = await db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "norrviken" } } });
  const cat = await db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "samling" } } });
  const org = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "polis" } } });
  assert.equal(await db().incident.count({ where: { areaId: norrviken.id } }), 0);
  // Opened Wed 25 Nov 13:00; meets Mondays and Thursdays at 15:00: Thu 26 Nov, Mon 30 Nov, Thu 3 Dec, …
  const { id } = await openInsats(coordinator, await input({ name: "EST Insats Norrviken", areaIds: [norrviken.id], memberIds: [] }), NOW);
  const at = (iso: string) => ({ municipalityId: sollentuna, areaId: norrviken.id, categoryId: cat.id, reporterOrgId: org.id, place: "Norrvikens strandbad", occurredAt: new Date(iso), isoWeek: weekKey(new Date(iso)) });
  await db().incident.createMany({
    data: [at("2026-11-24T20:00:00Z"), at("2026-11-27T20:00:00Z"), at("2026-11-28T21:00:00Z"), at("2026-11-30T13:59:00Z"), at("2026-12-01T20:00:00Z"), at("2026-12-02T20:00:00Z"), at("2026-12-03T14:30:00Z")],
  });

  // The first meeting looks back to the opening, and compares with as long a time before it.
  const first = await getMeetingPicture(coordinator, id, "2026-11-26", NOW);
  assert.deepEqual([first.window.start, first.window.end, first.previousWindow.start], [NOW.toISOString(), "2026-11-26T14:00:00.000Z", "2026-11-24T10:00:00.000Z"]);
  assert.deepEqual([first.total, first.previousTotal, first.nextDate], [0, 1, "2026-11-30"]);
  const second = await getMeetingPicture(coordinator, id, "2026-11-30", NOW);
  assert.deepEqual([second.total, second.previousTotal, second.previousDate], [3, 0, "2026-11-26"]);
  const third = await getMeetingPicture(coordinator, id, "2026-12-03", NOW);
  assert.deepEqual([third.total, third.previousTotal], [2, 3], "15:30 on the meeting day belongs to the next meeting");
  assert.deepEqual(third.rows.map((r) => [r.area, r.count, r.previous]), [["Norrviken", 2, 3]]);
  await assert.rejects(getMeetingPicture(coordinator, id, "2026-12-01", NOW), { code: "NOT_FOUND" }, "no meeting that day");
  await assert.rejects(getMeetingPicture(await viewerOf("rapportor@sollentunahem.example"), id, "2026-11-30", NOW), { code: "NOT_FOUND" });

  const { version } = await saveJudgement(coordinator, ZLagesbildJudgement.parse({
    groupId: id, week: "2026-12-03", version: 0, assessment: "Samlingarna har flyttat från strandbadet.", outlook: "", resourceNotes: "", focusNotes: "Stationen", areaStatuses: [{ areaId: norrviken.id, level: "YELLOW", reason: "Färre men fortfarande samlingar" }],
  }));
  const published = await publishMeetingPicture(coordinator, { groupId: id, week: "2026-12-03", version, confirmIncomplete: false }, NOW);
  assert.equal(published.published, true);
  await db().incident.create({ data: at("2026-12-02T22:00:00Z") });
  const frozen = await getMeetingPicture(coordinator, id, "2026-12-03", NOW);
  assert.deepEqual([frozen.total, frozen.canEdit, frozen.saved?.status], [2, false, "PUBLISHED"]);
  assert.equal(frozen.saved?.assessment, "Samlingarna har flyttat från strandbadet.");

  // Weekly groups keep weekly lägesbilder: a date is not a week there.
  const vecko = await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: sollentuna, slug: "est-vecko" } } });
  await assert.rejects(saveJudgement(coordinator, ZLagesbildJudgement.parse({ groupId: vecko.id, week: "2026-12-03", version: 0, assessment: "x", outlook: "", resourceNotes: "", focusNotes: "", areaStatuses: [] })), { code: "NOT_FOUND" });
});

test("the flag an Insats starts from must lie in its municipality; closing touches only its own municipality (issue 26)", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const { closeInsats } = await import("@/lib/insats/mutations");
  const vasby = (await db().municipality.findUniqueOrThrow({ where: { slug: "upplands-vasby" } })).id;
  const own = async (municipalityId: string) => ({
    groupId: (await db().estGroup.findFirstOrThrow({ where: { municipalityId, kind: "VECKO" } })).id,
    areaId: (await db().area.findFirstOrThrow({ where: { municipalityId } })).id,
    categoryId: (await db().incidentCategory.findFirstOrThrow({ where: { municipalityId } })).id,
  });
  const [home, other] = [await own(sollentuna), await own(vasby)];
  for (const key of ["groupId", "areaId", "categoryId"] as const) {
    const origin = { ...home, [key]: other[key], week: "2026-W47" };
    await assert.rejects(openInsats(coordinator, await input({ name: `EST Insats fel ${key}`, origin }), NOW), { field: "origin" }, key);
  }
  assert.equal(await db().estGroup.count({ where: { name: { startsWith: "EST Insats fel" } } }), 0, "nothing saved");

  // The database refuses a cross-municipality origin too, whatever path writes it.
  const { id } = await openInsats(coordinator, await input({ name: "EST Insats Gräns", origin: { ...home, week: "2026-W47" } }), NOW);
  await assert.rejects(db().estGroup.update({ where: { id }, data: { originGroupId: other.groupId } }), /foreign key|originGroupId/i);

  // An action of Upplands Väsby that (by whatever means) points at this Insats is neither
  // cancelled nor handed over when Sollentuna closes it; Väsby's coordinators hear nothing.
  const vasbyOrg = await db().organisation.findFirstOrThrow({ where: { municipalityId: vasby } });
  const foreign = await db().measure.create({ data: { municipalityId: vasby, title: "Väsbys åtgärd", ownerOrgId: vasbyOrg.id, groupId: id, origin: "INSATS", status: "ONGOING" } });
  const vasbyCoordinator = await db().user.findUniqueOrThrow({ where: { email: "samordnare@upplandsvasby.example" } });
  const notesBefore = await db().notification.count({ where: { userId: vasbyCoordinator.id } });
  await closeInsats(coordinator, { groupId: id, outcome: "Lugnt.", lessons: "", openMeasures: [{ id: foreign.id, decision: "CANCEL" }] }, NOW);
  const after = await db().measure.findUniqueOrThrow({ where: { id: foreign.id }, select: { status: true, groupId: true } });
  assert.deepEqual(after, { status: "ONGOING", groupId: id });
  assert.equal(await db().notification.count({ where: { userId: vasbyCoordinator.id } }), notesBefore);
  // A closed Insats's meeting lägesbilder are read-only (issue 26, item 12).
  const meeting = await db().meeting.findFirstOrThrow({ where: { groupId: id }, select: { startsAt: true } });
  const day = meeting.startsAt.toISOString().slice(0, 10);
  await assert.rejects(
    saveJudgement(coordinator, ZLagesbildJudgement.parse({ groupId: id, week: day, version: 0, assessment: "Efteråt", outlook: "", resourceNotes: "", focusNotes: "", areaStatuses: [] })),
    { code: "CONFLICT", message: "Insatsen är avslutad; dess lägesbilder kan inte ändras." },
  );
  assert.equal(await db().lagesbild.count({ where: { groupId: id } }), 0, "nothing saved");
});

test("a new Insats from a flag is compared with the flagged week, counts events, and compares only once it has run a week", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const bagarby = await db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "bagarby" } } });
  const cat = await db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "samling" } } });
  const org = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "polis" } } });
  const vecko = await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: sollentuna, slug: "est-vecko" } } });
  await db().incident.deleteMany({ where: { areaId: bagarby.id } }); // the seed's, so every count here is this test's
  const at = (iso: string, place = "Bagarby gärde") => ({ municipalityId: sollentuna, areaId: bagarby.id, categoryId: cat.id, reporterOrgId: org.id, place, occurredAt: new Date(iso), isoWeek: weekKey(new Date(iso)) });
  // Week 47 (the flag): four events, two of them reported twice more within minutes (copies).
  await db().incident.createMany({ data: [at("2026-11-16T19:00:00Z"), at("2026-11-16T19:10:00Z"), at("2026-11-18T20:00:00Z", "Bagarbyskolan"), at("2026-11-19T21:00:00Z", "Bagarby centrum"), at("2026-11-21T22:00:00Z", "Bagarby bollplan"), at("2026-11-21T22:05:00Z", "Bagarby bollplan")] });
  // Monday of week 48, before the Insats opens; and one in week 46, outside the flag's week.
  await db().incident.createMany({ data: [at("2026-11-23T18:00:00Z", "Bagarby torg"), at("2026-11-12T18:00:00Z", "Bagarby torg")] });
  // During: two events, one of them reported twice.
  await db().incident.createMany({ data: [at("2026-11-26T19:00:00Z"), at("2026-12-01T19:00:00Z", "Bagarbyskolan"), at("2026-12-01T19:15:00Z", "Bagarbyskolan")] });
  assert.equal(await db().incident.count({ where: { areaId: bagarby.id, eventStart: false } }), 3, "the copies are marked as such");

  const origin = { groupId: vecko.id, areaId: bagarby.id, categoryId: cat.id, week: "2026-W47" };
  const { id } = await openInsats(coordinator, await input({ name: "EST Insats Bagarby", areaIds: [bagarby.id], memberIds: [], origin }), NOW);
  const flagStart = periodRange("2026-W47").start;

  // The day it opens: the baseline is the flagged week up to the opening, not an empty window.
  const opened = (await getInsatsWorkspace(coordinator, id, NOW)).scope;
  assert.deepEqual([opened.windows.before.start, opened.windows.before.end], [flagStart, NOW]);
  assert.deepEqual([opened.before, opened.during, opened.comparison], [5, 0, null], "four events in the flag's week and Monday's; no comparison on day one");

  // After a week and an hour: still the flagged week as baseline, longer than the Insats – per week.
  const oneWeek = new Date(NOW.getTime() + 7 * 86_400_000 + 3_600_000);
  const week = (await getInsatsWorkspace(coordinator, id, oneWeek)).scope;
  assert.deepEqual([week.before, week.during], [5, 2], "events, not reports");
  assert.equal(week.comparison?.per, "week");
  const beforeWeeks = (NOW.getTime() - flagStart.getTime()) / (7 * 86_400_000);
  assert.ok(Math.abs(week.comparison!.before - 5 / beforeWeeks) < 1e-9);
  assert.ok(Math.abs(week.comparison!.during - 2 / (1 + 1 / 168)) < 1e-9);

  // After two weeks the Insats has run longer than back to its flag: equal windows, counts.
  const twoWeeks = new Date(NOW.getTime() + 14 * 86_400_000);
  const later = (await getInsatsWorkspace(coordinator, id, twoWeeks)).scope;
  assert.deepEqual([later.windows.before.start.toISOString(), later.before, later.during], ["2026-11-11T12:00:00.000Z", 6, 2]);
  assert.deepEqual(later.comparison, { per: "window", before: 6, during: 2 });
});
