// Every id a form or API schema takes is resolved inside the viewer's municipality (issue 26): the
// sweep gives each id field, one at a time, an id from Upplands Väsby in an otherwise valid request
// of Sollentuna's coordinator. Each must be refused with a domain error and change nothing in
// either municipality; then the same request with Sollentuna's own id goes through, so the refusal
// was the id's. The convention: an id field of any schema without an entry here fails the test, so
// a new lookup cannot be added unswept.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError, isExpectedError } from "@/lib/errors";
import { addTertialComment } from "@/lib/analysis/tertial-mutations";
import { followUpCommitment } from "@/lib/agreements/agreements";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { addReportingPause, setReportingDays } from "@/lib/coverage/mutations";
import { followUpGoal } from "@/lib/goals/follow-ups";
import { createIncident, setNothingToReport, updateIncident, withdrawIncident } from "@/lib/incidents/mutations";
import { listIncidents } from "@/lib/incidents/queries";
import { ZIncidentCreate, ZIncidentFilter, ZIncidentUpdate } from "@/lib/incidents/schema";
import { recordIndicatorValue, saveIndicator } from "@/lib/indicators/mutations";
import { ZIndicator, ZIndicatorValue } from "@/lib/indicators/schema";
import { closeInsats, extendInsats, openInsats } from "@/lib/insats/mutations";
import { publishMeetingPicture } from "@/lib/insats/meeting-picture";
import { ZInsatsOpen } from "@/lib/insats/schema";
import { publishLagesbild, saveJudgement } from "@/lib/lagesbild/mutations";
import { addFollowUp, createMeasure, createMeasureFromLagesbild, judgeMeasure, saveMeasureEvaluation, setMeasureStatus } from "@/lib/measures/mutations";
import { listMeasures } from "@/lib/measures/register";
import { ZMeasureCreate, ZMeasureEvaluation, ZMeasureFilter } from "@/lib/measures/schema";
import { addAgendaItem, addDecision, addMeeting, cancelMeeting, changeCadence, moveAgendaItem, moveMeeting, removeAgendaItem, saveMinutes, sendMinutes } from "@/lib/meetings/mutations";
import { ZDecision, ZMinutes } from "@/lib/meetings/schema";
import { createNightWalk } from "@/lib/nightwalks/mutations";
import { ZNightWalk } from "@/lib/nightwalks/schema";
import { acceptTip, closeTips, mergeTip, publishMeasure, submitTip } from "@/lib/tips/mutations";
import { ZTip } from "@/lib/tips/schema";
import { toLocalInputs } from "@/lib/time/format";
import { quarterKey, shiftPeriod, tertialKey, weekKey } from "@/lib/time/periods";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const NOW = new Date();
const day = (n: number) => toLocalInputs(new Date(NOW.getTime() + n * 86_400_000)).date;
const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;

type Side = {
  m: string; area: string; area2: string; category: string; subcategory: string; org: string; org2: string; group: string; insats: string;
  user: string; meeting: string; goal: string; indicator: string; commitment: string;
};
let A: Side;
let B: Side;
let coordinator: Viewer;
let admin: Viewer;

async function side(slug: string, coordinatorEmail: string): Promise<Side> {
  const m = (await db().municipality.findUniqueOrThrow({ where: { slug } })).id;
  const [area, area2] = await db().area.findMany({ where: { municipalityId: m }, orderBy: { code: "asc" }, take: 2 });
  const category = await db().incidentCategory.findFirstOrThrow({ where: { municipalityId: m, parentId: null, children: { some: {} } }, include: { children: true } });
  const [org, org2] = await db().organisation.findMany({ where: { municipalityId: m }, orderBy: { code: "asc" }, take: 2 });
  const group = await db().estGroup.findFirstOrThrow({ where: { municipalityId: m, kind: "VECKO" } });
  const user = (await db().user.findUniqueOrThrow({ where: { email: coordinatorEmail } })).id;
  const insats = await db().estGroup.create({
    data: { municipalityId: m, slug: `insats-${crypto.randomUUID().slice(0, 8)}`, name: "EST Insats svep", kind: "INSATS", cadence: "AD_HOC", openedAt: NOW, plannedEndDate: new Date(`${day(30)}T00:00:00Z`), members: { create: { userId: user, role: "COORDINATOR" } }, areas: { create: { areaId: area!.id } } },
  });
  const meeting = await db().meeting.create({ data: { municipalityId: m, groupId: group.id, startsAt: new Date(NOW.getTime() + 5 * 86_400_000), endsAt: new Date(NOW.getTime() + 5 * 86_400_000 + 3_600_000), periodKey: weekKey(new Date(NOW.getTime() + 5 * 86_400_000)) } });
  const goal = await db().goal.create({ data: { municipalityId: m, areaId: area!.id, groupId: group.id, title: "Tryggare centrum" } });
  const indicator = await db().indicator.create({ data: { municipalityId: m, ownerBoard: "Kommunstyrelsen", name: "Andel trygga", unit: "%" } });
  const agreement = await db().agreement.create({ data: { municipalityId: m, title: "Samverkansöverenskommelse", validFrom: new Date(`${day(-100)}T00:00:00Z`), validTo: new Date(`${day(600)}T00:00:00Z`), commitments: { create: { text: "Gemensamma trygghetsvandringar" } } }, include: { commitments: true } });
  return {
    m, area: area!.id, area2: area2!.id, category: category.id, subcategory: category.children[0]!.id, org: org!.id, org2: org2!.id, group: group.id, insats: insats.id,
    user, meeting: meeting.id, goal: goal.id, indicator: indicator.id, commitment: agreement.commitments[0]!.id,
  };
}

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 1, now: NOW });
  A = await side("sollentuna", "samordnare@sollentuna.example");
  B = await side("upplands-vasby", "samordnare@upplandsvasby.example");
  coordinator = await viewerOf("samordnare@sollentuna.example");
  admin = await viewerOf("admin@sollentuna.example");
});
after(() => disconnectDb());

/** Everything both municipalities hold, as one hash (the access log aside: refusals are written there). */
async function fingerprint(): Promise<string> {
  const tables = await db().$queryRaw<{ t: string }[]>`SELECT tablename::text AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'audit_event', 'rate_limit_hit') ORDER BY 1`;
  const parts = tables.map(({ t }) => `SELECT '${t}' AS n, md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM "${t}" x`);
  const [row] = await db().$queryRawUnsafe<{ h: string }[]>(`SELECT md5(string_agg(h, '' ORDER BY n)) AS h FROM (${parts.join(" UNION ALL ")}) s`);
  return row!.h;
}

// Fresh rows of Sollentuna's to act on, one per request; numbered, since random letters and digits
// in a text can read as a number plate to the personal-data guard.
let counter = 0;
const next = () => ++counter;
const incident = async () => {
  const i = await createIncident(coordinator, ZIncidentCreate.parse({ date: day(-1), time: "21:00", areaId: A.area, place: `Svepets plats ${next()}`, categoryId: A.category, idempotencyKey: crypto.randomUUID() }), NOW);
  return db().incident.findUniqueOrThrow({ where: { id: i.id }, select: { id: true, version: true } });
};
const measure = async (areaId = "") => (await createMeasure(coordinator, A.m, ZMeasureCreate.parse({ title: `Svepåtgärd ${next()}`, kind: "SHORT_TERM", ownerOrgId: A.org, startDate: day(0), dueDate: day(30), groupId: A.group, areaId }))).id;
const tip = async (m = A.m) => (await db().tip.create({ data: { municipalityId: m, trackingHash: crypto.randomUUID(), kind: "UNSAFE_PLACE", place: "Gångtunneln", description: "Mörkt." } })).id;
const agendaItem = async (meetingId: string) => (await db().agendaItem.create({ data: { meetingId, title: "Punkt", position: 99 } })).id;
const meetingOf = async (s: Side) => (await db().meeting.create({ data: { municipalityId: s.m, groupId: s.group, startsAt: new Date(NOW.getTime() + 9 * 86_400_000), endsAt: new Date(NOW.getTime() + 9 * 86_400_000 + 3_600_000), periodKey: weekKey(new Date(NOW.getTime() + 9 * 86_400_000)) } })).id;
const week = shiftPeriod(weekKey(NOW), -1);
const judgement = (groupId: string, version: number) => ({ groupId, week, version, assessment: "Lugnt.", outlook: "", resourceNotes: "", focusNotes: "", areaStatuses: [{ areaId: A.area, level: "GREEN" as const, reason: "" }] });
const lagesbildVersion = async (groupId: string) => (await db().lagesbild.findUnique({ where: { groupId_periodKey: { groupId, periodKey: week } } }))?.version ?? 0;
const openInsatsInput = () => ({
  municipalityId: A.m, name: `EST Insats nummer ${next()}`, problem: "Samlingar vid stationen kvällstid.", places: "", areaIds: [A.area], plannedEndDate: day(30), memberIds: [A.user],
  inviteEmails: "", inviteOrganisationId: A.org, cadence: "AD_HOC", weekday: 2, time: "15:00", origin: { groupId: A.group, week, areaId: A.area, categoryId: A.category },
  // Several Insatser in the same area, on purpose: the duplicate question is tested in insats.int.
  confirmDuplicate: true,
});
/** A meeting of Sollentuna's sweep Insats tomorrow with a saved draft lägesbild; its version. */
const insatsMeetingDraft = async () => {
  const startsAt = new Date(`${day(1)}T14:00:00Z`);
  await db().meeting.create({ data: { municipalityId: A.m, groupId: A.insats, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), periodKey: weekKey(startsAt) } });
  return (await saveJudgement(coordinator, { groupId: A.insats, week: day(1), version: 0, assessment: "Lugnare vid stationen.", outlook: "", resourceNotes: "", focusNotes: "", areaStatuses: [] })).version;
};
const insatsWithMeasure = async () => {
  const { id } = await openInsats(coordinator, ZInsatsOpen.parse({ ...openInsatsInput(), origin: null }), NOW);
  const m = await createMeasure(coordinator, A.m, ZMeasureCreate.parse({ title: "Insatsens åtgärd", kind: "SHORT_TERM", ownerOrgId: A.org, startDate: day(0), dueDate: day(30), groupId: id }));
  return { id, measure: m.id };
};

/** Each id field, the other municipality's id for it, and the request it goes into (`swap` puts the id in). */
type Swap = <T>(input: T) => T;
// prepare makes the request's own rows (an incident to edit, a meeting to move) before anything is
// compared; the same prepared rows serve the refused request and then our own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = { foreign: () => string; prepare?: () => Promise<any>; run: (swap: Swap, prepared: any) => Promise<unknown> };

const ENTRIES: Record<string, Entry> = {
  "analysis.ZTertialComment.section": { foreign: () => B.area, run: (s) => addTertialComment(coordinator, A.m, s({ tertial: tertialKey(NOW), section: A.area, text: "Se över siffrorna för området." })) },
  // The residents' tip form: the municipality comes from the address, the area from the form.
  "tips.ZTip.areaId": {
    foreign: () => B.area,
    run: async (s) => {
      const sent = await submitTip("sollentuna", ZTip.parse(s({ language: "sv", kind: "UNSAFE_PLACE", areaId: A.area, place: "Gångtunneln vid torget", description: "" })), null, { address: `192.0.2.${Math.floor(Math.random() * 250)}`, device: crypto.randomUUID() }, NOW);
      if (!sent.ok) throw new DomainError("INVALID", "refused");
      return sent;
    },
  },
  "agreements.ZCommitmentFollowUp.commitmentId": { foreign: () => B.commitment, run: (s) => followUpCommitment(coordinator, A.m, s({ commitmentId: A.commitment, halfYear: `${day(0).slice(0, 4)}-H1`, status: "MET", comment: "Genomfört." })) },
  "api-tokens.ZApiTokenCreate.organisationId": { foreign: () => B.org, run: (s) => createApiToken(admin, A.m, s({ name: "Svepnyckel", organisationId: A.org, access: "report" })) },
  "coverage.ZReportingDays.organisationId": { foreign: () => B.org, run: (s) => setReportingDays(coordinator, A.m, s({ organisationId: A.org2, start: "", lastDay: "" })) },
  "coverage.ZReportingPause.organisationId": { foreign: () => B.org, run: (s) => addReportingPause(coordinator, A.m, s({ organisationId: A.org2, from: day(40), to: day(50), reason: "Sommaruppehåll" })) },
  "goals.ZGoalFollowUp.groupId": { foreign: () => B.group, run: (s) => followUpGoal(coordinator, s({ groupId: A.group, goalId: A.goal, quarter: quarterKey(NOW), status: "ON_TRACK", comment: "Enligt plan." })) },
  "goals.ZGoalFollowUp.goalId": { foreign: () => B.goal, run: (s) => followUpGoal(coordinator, s({ groupId: A.group, goalId: A.goal, quarter: quarterKey(NOW), status: "ON_TRACK", comment: "Enligt plan." })) },
  ...Object.fromEntries(["ZIncidentCreate", "ZIncidentFields"].flatMap((schema) => [
    [`incidents.${schema}.areaId`, { foreign: () => B.area, run: (s: Swap) => createIncident(coordinator, ZIncidentCreate.parse(s({ date: day(-1), time: "20:00", areaId: A.area, place: "Torget", categoryId: A.category, subcategoryId: A.subcategory, idempotencyKey: crypto.randomUUID() })), NOW) }],
    [`incidents.${schema}.categoryId`, { foreign: () => B.category, run: (s: Swap) => createIncident(coordinator, ZIncidentCreate.parse(s({ date: day(-1), time: "20:00", areaId: A.area, place: "Torget", categoryId: A.category, idempotencyKey: crypto.randomUUID() })), NOW) }],
    [`incidents.${schema}.subcategoryId`, { foreign: () => B.subcategory, run: (s: Swap) => createIncident(coordinator, ZIncidentCreate.parse(s({ date: day(-1), time: "20:00", areaId: A.area, place: "Torget", categoryId: A.category, subcategoryId: A.subcategory, idempotencyKey: crypto.randomUUID() })), NOW) }],
  ])),
  ...Object.fromEntries((["areaId", "categoryId", "subcategoryId", "id"] as const).map((field) => [`incidents.ZIncidentUpdate.${field}`, {
    foreign: () => (field === "id" ? foreignIncident : field === "areaId" ? B.area : field === "categoryId" ? B.category : B.subcategory),
    prepare: incident,
    run: (s: Swap, own: { id: string; version: number }) => updateIncident(coordinator, ZIncidentUpdate.parse(s({ id: own.id, version: own.version, date: day(-1), time: "21:30", areaId: A.area, place: "Torget", categoryId: A.category, subcategoryId: A.subcategory })), NOW),
  }])),
  "incidents.ZIncidentWithdraw.id": { foreign: () => foreignIncident, prepare: incident, run: (s, own) => withdrawIncident(coordinator, s({ id: own.id, version: own.version, reason: "Dubblett." })) },
  "incidents.ZNothingToReport.municipalityId": { foreign: () => B.m, run: (s) => { const input = s({ municipalityId: A.m, isoWeek: week }); return setNothingToReport(coordinator, input.municipalityId, input.isoWeek, true); } },
  "indicators.ZIndicator.id": { foreign: () => B.indicator, run: (s) => saveIndicator(coordinator, A.m, ZIndicator.parse(s({ id: A.indicator, ownerBoard: "Kommunstyrelsen", name: "Andel trygga", unit: "%", direction: "HIGHER_IS_BETTER" }))) },
  "indicators.ZIndicatorValue.indicatorId": { foreign: () => B.indicator, run: (s) => recordIndicatorValue(coordinator, A.m, ZIndicatorValue.parse(s({ indicatorId: A.indicator, periodKey: String(Number(day(0).slice(0, 4)) - 1), areaId: A.area, value: "61" }))) },
  "indicators.ZIndicatorValue.areaId": { foreign: () => B.area, run: (s) => recordIndicatorValue(coordinator, A.m, ZIndicatorValue.parse(s({ indicatorId: A.indicator, periodKey: String(Number(day(0).slice(0, 4)) - 1), areaId: A.area, value: "62" }))) },
  "insats.ZInsatsClose.groupId": { foreign: () => B.insats, prepare: insatsWithMeasure, run: (s, i) => closeInsats(coordinator, s({ groupId: i.id, outcome: "Lugnare.", lessons: "", openMeasures: [{ id: i.measure, decision: "CANCEL" as const }] }), NOW) },
  "insats.ZInsatsClose.openMeasures[].id": { foreign: () => foreignMeasure, prepare: insatsWithMeasure, run: (s, i) => closeInsats(coordinator, s({ groupId: i.id, outcome: "Lugnare.", lessons: "", openMeasures: [{ id: i.measure, decision: "CANCEL" as const }] }), NOW) },
  "insats.ZInsatsExtend.groupId": { foreign: () => B.insats, run: (s) => extendInsats(coordinator, s({ groupId: A.insats, plannedEndDate: day(45 + Math.floor(Math.random() * 100)), reason: "Fortsatt oro." }), NOW) },
  ...Object.fromEntries((["municipalityId", "areaIds", "memberIds", "inviteOrganisationId", "origin.groupId", "origin.areaId", "origin.categoryId"] as const).map((field) => [`insats.ZInsatsOpen.${field}`, {
    foreign: () => ({ municipalityId: B.m, areaIds: B.area, memberIds: B.user, inviteOrganisationId: B.org, "origin.groupId": B.group, "origin.areaId": B.area, "origin.categoryId": B.category })[field],
    run: (s: Swap) => openInsats(coordinator, ZInsatsOpen.parse(s(openInsatsInput())), NOW),
  }])),
  "insats.ZMeetingPicturePublish.groupId": { foreign: () => B.insats, prepare: insatsMeetingDraft, run: (s, version) => publishMeetingPicture(coordinator, s({ groupId: A.insats, week: day(1), version, confirmIncomplete: true }), NOW) },
  "lagesbild.ZLagesbildJudgement.groupId": { foreign: () => B.group, run: async (s) => saveJudgement(coordinator, s(judgement(A.group, await lagesbildVersion(A.group)))) },
  "lagesbild.ZLagesbildJudgement.areaStatuses[].areaId": { foreign: () => B.area, run: async (s) => saveJudgement(coordinator, s(judgement(A.group, await lagesbildVersion(A.group)))) },
  "lagesbild.ZLagesbildPublish.groupId": { foreign: () => B.group, run: async (s) => publishLagesbild(coordinator, s({ groupId: A.group, week, version: await lagesbildVersion(A.group), confirmIncomplete: true })) },
  "measures.ZFollowUp.measureId": { foreign: () => foreignMeasure, prepare: measure, run: (s, id) => addFollowUp(coordinator, s({ measureId: id, text: "Lampan är lagad." }), NOW) },
  ...Object.fromEntries((["areaId", "ownerOrgId", "participantOrgIds", "goalId", "groupId"] as const).map((field) => [`measures.ZMeasureCreate.${field}`, {
    foreign: () => ({ areaId: B.area, ownerOrgId: B.org, participantOrgIds: B.org, goalId: B.goal, groupId: B.group })[field],
    run: (s: Swap) => createMeasure(coordinator, A.m, ZMeasureCreate.parse(s({ title: "Belysning i tunneln", kind: "SHORT_TERM", areaId: A.area, ownerOrgId: A.org, participantOrgIds: [A.org2], startDate: day(0), dueDate: day(30), goalId: A.goal, groupId: A.group }))),
  }])),
  ...Object.fromEntries((["groupId", "ownerOrgId", "areaId"] as const).map((field) => [`measures.ZMeasureFromLagesbild.${field}`, {
    foreign: () => ({ groupId: B.group, ownerOrgId: B.org, areaId: B.area })[field],
    run: (s: Swap) => createMeasureFromLagesbild(coordinator, s({ groupId: A.group, week, title: "Extra rondering", ownerOrgId: A.org, responsibleName: "", areaId: A.area, dueDate: day(20) }), NOW),
  }])),
  "measures.ZMeasureJudgement.measureId": { foreign: () => foreignMeasure, prepare: measure, run: (s, id) => judgeMeasure(coordinator, s({ measureId: id, verdict: "HELPED", judgement: "Färre anmälningar." })) },
  ...Object.fromEntries((["measureId", "categoryIds", "controlAreaIds"] as const).map((field) => [`measures.ZMeasureEvaluation.${field}`, {
    foreign: () => ({ measureId: foreignMeasure, categoryIds: B.category, controlAreaIds: B.area })[field],
    prepare: () => measure(A.area),
    run: (s: Swap, id: string) =>
      saveMeasureEvaluation(coordinator, ZMeasureEvaluation.parse(s({
        measureId: id, categoryIds: [A.category], control: "AREAS", controlAreaIds: [A.area2], beforeFirst: day(-27), beforeLast: day(0), afterFirst: day(1), afterLast: day(28),
      })), NOW),
  }])),
  "measures.ZMeasureStatus.measureId": { foreign: () => foreignMeasure, prepare: measure, run: (s, id) => setMeasureStatus(coordinator, s({ measureId: id, version: 1, status: "ONGOING", cancelReason: "", verdict: "" })) },
  "meetings.ZAgendaAdd.meetingId": { foreign: () => B.meeting, run: (s) => addAgendaItem(coordinator, s({ meetingId: A.meeting, title: "Läget i centrum", notes: "" })) },
  "meetings.ZAgendaItemRef.meetingId": { foreign: () => B.meeting, prepare: () => agendaItem(A.meeting), run: (s, itemId) => removeAgendaItem(coordinator, s({ meetingId: A.meeting, itemId })) },
  "meetings.ZAgendaItemRef.itemId": { foreign: () => foreignAgendaItem, prepare: () => agendaItem(A.meeting), run: (s, itemId) => removeAgendaItem(coordinator, s({ meetingId: A.meeting, itemId })) },
  "meetings.ZAgendaMove.meetingId": { foreign: () => B.meeting, prepare: () => agendaItem(A.meeting), run: (s, itemId) => moveAgendaItem(coordinator, s({ meetingId: A.meeting, itemId, direction: "up" as const })) },
  "meetings.ZAgendaMove.itemId": { foreign: () => foreignAgendaItem, prepare: () => agendaItem(A.meeting), run: (s, itemId) => moveAgendaItem(coordinator, s({ meetingId: A.meeting, itemId, direction: "up" as const })) },
  "meetings.ZCadenceChange.groupId": { foreign: () => B.group, run: (s) => changeCadence(coordinator, s({ groupId: A.group, cadence: "WEEKLY", weekday: 2, time: "09:00", minutes: 60, fromDate: day(60), reminderLeadHours: 24, reportingWeekday: "", summerFrom: "", summerTo: "" }), NOW) },
  ...Object.fromEntries((["meetingId", "agendaItemId", "ownerOrgId", "areaId"] as const).map((field) => [`meetings.ZDecision.${field}`, {
    foreign: () => ({ meetingId: B.meeting, agendaItemId: foreignAgendaItem, ownerOrgId: B.org, areaId: B.area })[field],
    prepare: () => agendaItem(A.meeting),
    run: (s: Swap, agendaItemId: string) => addDecision(coordinator, ZDecision.parse(s({ meetingId: A.meeting, agendaItemId, text: "Polisen patrullerar.", createMeasure: true, ownerOrgId: A.org, responsibleName: "", areaId: A.area, dueDate: day(14) })), NOW),
  }])),
  "meetings.ZMeetingAdd.groupId": { foreign: () => B.group, run: (s) => addMeeting(coordinator, s({ groupId: A.group, date: day(12), time: "13:00", minutes: 60, location: "" })) },
  "meetings.ZMeetingCancel.meetingId": { foreign: () => B.meeting, prepare: () => meetingOf(A), run: (s, meetingId) => cancelMeeting(coordinator, s({ meetingId, reason: "Helgdag." })) },
  "meetings.ZMeetingMove.meetingId": { foreign: () => B.meeting, prepare: () => meetingOf(A), run: (s, meetingId) => moveMeeting(coordinator, s({ meetingId, date: day(10), time: "10:00", minutes: 60, location: "" })) },
  "meetings.ZMeetingRef.meetingId": { foreign: () => B.meeting, prepare: () => meetingOf(A), run: (s, meetingId) => sendMinutes(coordinator, s({ meetingId, version: 1 })) },
  ...Object.fromEntries((["meetingId", "present", "organisations", "items[].id"] as const).map((field) => [`meetings.ZMinutes.${field}`, {
    foreign: () => ({ meetingId: B.meeting, present: B.user, organisations: B.org, "items[].id": foreignAgendaItem })[field],
    prepare: async () => {
      const meetingId = await meetingOf(A);
      return { meetingId, itemId: await agendaItem(meetingId) };
    },
    run: (s: Swap, own: { meetingId: string; itemId: string }) => saveMinutes(coordinator, ZMinutes.parse(s({ meetingId: own.meetingId, version: 1, present: [A.user], organisations: [A.org], items: [{ id: own.itemId, minutes: "Gick igenom läget." }], general: "" })), NOW),
  }])),
  ...Object.fromEntries(["ZNightWalk", "ZObservation"].flatMap((schema) => (schema === "ZNightWalk" ? ["municipalityId", "areaIds", "observations[].categoryId", "observations[].areaId"] : ["categoryId", "areaId"]).map((field) => [`nightwalks.${schema}.${field}`, {
    foreign: () => (/municipality/.test(field) ? B.m : /category/i.test(field) ? B.category : B.area),
    run: (s: Swap) => {
      const observation = { text: "Trasig belysning.", categoryId: A.category, areaId: A.area, place: "Tunneln" };
      const walk = { municipalityId: A.m, date: day(-2), startTime: "21:00", endTime: "23:00", walkers: 4, areaIds: [A.area], route: "", observations: [observation] };
      return createNightWalk(coordinator, ZNightWalk.parse(schema === "ZNightWalk" ? s(walk) : { ...walk, observations: [s(observation)] }), NOW);
    },
  }]))),
  "tips.ZMeasurePublish.measureId": { foreign: () => foreignMeasure, prepare: () => measure(A.area), run: (s, id) => publishMeasure(coordinator, s({ measureId: id, publicText: "Vi har satt upp belysning i tunneln." }), NOW) },
  ...Object.fromEntries((["tipId", "categoryId", "areaId"] as const).map((field) => [`tips.ZTipAccept.${field}`, {
    foreign: () => ({ tipId: foreignTip, categoryId: B.category, areaId: B.area })[field],
    prepare: () => tip(),
    run: (s: Swap, tipId: string) => acceptTip(coordinator, s({ tipId, categoryId: A.category, areaId: A.area, place: "Gångtunneln", date: day(-1), time: "22:00" }), NOW),
  }])),
  "tips.ZTipClose.tipIds": { foreign: () => foreignTip, prepare: () => tip(), run: (s, tipId) => closeTips(coordinator, s({ tipIds: [tipId], reason: "Inte vår sak." })) },
  "tips.ZTipMerge.tipId": { foreign: () => foreignTip, prepare: async () => ({ tipId: await tip(), incidentId: (await incident()).id }), run: (s, own) => mergeTip(coordinator, s(own)) },
  "tips.ZTipMerge.incidentId": { foreign: () => foreignIncident, prepare: async () => ({ tipId: await tip(), incidentId: (await incident()).id }), run: (s, own) => mergeTip(coordinator, s(own)) },
  // Filters of lists: another municipality's id finds nothing, and the list stays Sollentuna's.
  ...Object.fromEntries((["areaId", "categoryId", "organisationId"] as const).map((field) => [`incidents.ZIncidentFilter.${field}`, {
    foreign: () => ({ areaId: B.area, categoryId: B.category, organisationId: B.org })[field],
    run: async (s: Swap) => {
      const filter = s({ areaId: A.area, categoryId: A.category, organisationId: A.org, period: week });
      const { rows, total } = await listIncidents(coordinator, A.m, ZIncidentFilter.parse(filter));
      if (Object.values(filter).includes(B.area) || Object.values(filter).includes(B.category) || Object.values(filter).includes(B.org)) assert.deepEqual([rows.length, total], [0, 0], `${field}: nothing of Väsby's`);
      return rows;
    },
  }])),
  ...Object.fromEntries((["groupId", "areaId"] as const).map((field) => [`measures.ZMeasureFilter.${field}`, {
    foreign: () => ({ groupId: B.group, areaId: B.area })[field],
    run: async (s: Swap) => {
      const filter = s({ groupId: A.group, areaId: A.area });
      const data = await listMeasures(coordinator, A.m, ZMeasureFilter.parse(filter));
      const rows = (data as { rows?: unknown[] }).rows ?? [];
      if (filter[field] === ({ groupId: B.group, areaId: B.area })[field]) assert.equal(rows.length, 0, `${field}: nothing of Väsby's`);
      return data;
    },
  }])),
};
// Filters answer a foreign id with nothing rather than a refusal.
const READS = new Set(Object.keys(ENTRIES).filter((k) => /Filter\./.test(k)));

let foreignIncident: string;
let foreignMeasure: string;
let foreignTip: string;
let foreignAgendaItem: string;

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string; format?: string } } })._zod.def;
const WRAPPERS = ["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"];
/** Whether a field holds ids: named so (…Id, …Ids, id), or a uuid-checked string (any name). */
function isUuidField(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (WRAPPERS.includes(def.type)) return isUuidField(def.innerType as z.ZodType);
  if (def.type === "pipe") return isUuidField(def.in as z.ZodType);
  if (def.type === "array") return isUuidField(def.element as z.ZodType);
  if (def.type === "union") return (def.options as z.ZodType[]).some(isUuidField);
  return def.type === "string" && def.format === "uuid";
}
function idFields(name: string, schema: z.ZodType, out: Set<string>): void {
  const def = defOf(schema);
  if (def.type === "object") {
    for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      if (/(Id|Ids)$|^id$/.test(key) || isUuidField(field)) out.add(`${name}.${key}`);
      idFields(`${name}.${key}`, field, out);
    }
  } else if (WRAPPERS.includes(def.type)) idFields(name, def.innerType as z.ZodType, out);
  else if (def.type === "pipe") idFields(name, def.in as z.ZodType, out);
  else if (def.type === "array") idFields(`${name}[]`, def.element as z.ZodType, out);
  else if (def.type === "union") for (const o of def.options as z.ZodType[]) idFields(name, o, out);
}

/** Puts `id` at `path` ("origin.groupId", "items[].id", "tipIds") of a copy of the input. */
function swapAt(path: string, id: string): Swap {
  return <T,>(input: T): T => {
    const copy = structuredClone(input) as Record<string, unknown>;
    const steps = path.split(".");
    let at: Record<string, unknown> = copy;
    for (const [i, step] of steps.entries()) {
      const key = step.replace("[]", "");
      if (i === steps.length - 1) at[key] = Array.isArray(at[key]) ? [id] : id;
      else at = (step.endsWith("[]") ? (at[key] as Record<string, unknown>[])[0] : at[key]) as Record<string, unknown>;
    }
    return copy as T;
  };
}

// uuid-shaped fields that point at nothing, and why.
const NOT_REFERENCES: Record<string, string> = {
  "incidents.ZIncidentCreate.idempotencyKey": "made by the reporting device for its own retries; it names no row",
};

test("every id field of every schema is swept (a new one fails here until it is)", async () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const found = new Set<string>();
  for (const entry of readdirSync(path.join(root, "lib"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== "schema.ts") continue;
    const file = path.join(entry.parentPath, entry.name);
    const domain = path.basename(path.dirname(file));
    for (const [name, value] of Object.entries((await import(file)) as Record<string, unknown>)) if (value instanceof z.ZodType) idFields(`${domain}.${name}`, value, found);
  }
  assert.ok(found.size > 60, `id fields found: ${found.size}`);
  // Ids that are not another municipality's to give: the tip form's municipality comes from its address.
  const unswept = [...found].filter((f) => !ENTRIES[f] && !NOT_REFERENCES[f]).sort();
  assert.deepEqual(unswept, [], "id fields without an entry in the sweep");
  assert.deepEqual(Object.keys(ENTRIES).filter((k) => !found.has(k)), [], "entries for fields no schema has");
});

test("each id from another municipality is refused and changes nothing there or here; the same request with our own id goes through", async () => {
  const vasby = await viewerOf("samordnare@upplandsvasby.example");
  foreignIncident = (await createIncident(vasby, ZIncidentCreate.parse({ date: day(-1), time: "20:00", areaId: B.area, place: "Väsby torg", categoryId: B.category, idempotencyKey: crypto.randomUUID() }), NOW)).id;
  foreignMeasure = (await createMeasure(vasby, B.m, ZMeasureCreate.parse({ title: "Väsbys åtgärd", kind: "SHORT_TERM", ownerOrgId: B.org, startDate: day(0), dueDate: day(30), groupId: B.insats }))).id;
  foreignTip = await tip(B.m);
  foreignAgendaItem = await agendaItem(B.meeting);
  const failures: string[] = [];
  for (const [field, entry] of Object.entries(ENTRIES)) {
    const path = field.split(".").slice(2).join(".");
    const prepared = await entry.prepare?.();
    const before = await fingerprint();
    try {
      const result = await entry.run(swapAt(path, entry.foreign()), prepared);
      if (!READS.has(field)) failures.push(`${field}: accepted (${JSON.stringify(result)?.slice(0, 80)})`);
    } catch (error) {
      if (!isExpectedError(error)) failures.push(`${field}: ${String(error).slice(0, 160)}`);
    }
    if ((await fingerprint()) !== before) failures.push(`${field}: data changed`);
    // The same request with Sollentuna's own id: the refusal above was the id's, nothing else.
    try {
      await entry.run((input) => input, prepared);
    } catch (error) {
      failures.push(`${field}: own request refused too – ${String(error).slice(0, 160)}`);
    }
  }
  assert.deepEqual(failures, []);
});
