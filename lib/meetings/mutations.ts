import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { appUrl, i18nFor, paragraphs } from "@/lib/feedback/compose";
import { queueMessage, wakeMailer } from "@/lib/feedback/queue";
import { fill } from "@/lib/i18n/catalogue";
import { Prisma } from "@/lib/generated/prisma/client";
import type { GroupKind } from "@/lib/generated/prisma/enums";
import { formatDate, formatMeetingTime, toLocalInputs } from "@/lib/time/format";
import { periodRange, quarterKey, shiftPeriod, tertialKey, weekKey } from "@/lib/time/periods";
import { fromStockholmWall, resolveStockholmInputs } from "@/lib/time/zone";
import { defaultAgenda } from "./agenda";
import { planMeetings } from "./cadence";
import { createMeetings } from "./create";
import type { ZAgendaAdd, ZAgendaItemRef, ZAgendaMove, ZCadenceChange, ZDecision, ZMeetingAdd, ZMeetingCancel, ZMeetingMove, ZMeetingRef, ZMinutes } from "./schema";

type Tx = Prisma.TransactionClient;
const HORIZON_DAYS = 365;
const NOT_FOUND = "Mötet finns inte, eller så får du inte ändra det.";

/** The period a meeting on this day discusses: the latest completed week, quarter or tertial
 * (an Insats looks at its own current week). */
export function periodForMeeting(kind: GroupKind, start: Date): string {
  if (kind === "INSATS") return weekKey(start);
  if (kind === "FORDJUPNING") return shiftPeriod(quarterKey(start), -1);
  if (kind === "STRATEGISK" || kind === "LEDNING") return shiftPeriod(tertialKey(start), -1);
  return shiftPeriod(weekKey(start), -1);
}

function wall(date: string, time: string, field = "time"): Date {
  const r = resolveStockholmInputs(date, time);
  if (r.kind === "nonexistent") throw new DomainError("INVALID", "Den tiden finns inte i Stockholm den dagen (sommartiden börjar). Välj en annan tid.", field);
  return r.instant;
}

async function manageableGroup(viewer: Viewer, groupId: string) {
  const group = await db().estGroup.findUnique({
    where: { id: groupId },
    select: { id: true, municipalityId: true, kind: true, name: true, status: true, cadence: true, meetingWeekday: true, meetingTime: true, meetingMinutes: true, plannedEndDate: true },
  });
  if (!group || !can(viewer, "group:manage", { municipalityId: group.municipalityId, groupId: group.id, groupKind: group.kind })) {
    throw new DomainError("NOT_FOUND", "Gruppen finns inte, eller så får du inte ändra den.");
  }
  return group;
}

/** A meeting the viewer may run; refuses approved minutes (read-only) unless `allowApproved`. */
async function manageableMeeting(viewer: Viewer, meetingId: string, opts: { allowApproved?: boolean } = {}) {
  const meeting = await db().meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true, municipalityId: true, groupId: true, startsAt: true, endsAt: true, status: true, minutesStatus: true, version: true, periodKey: true, location: true, plannedStartsAt: true,
      group: { select: { id: true, name: true, kind: true, areas: { select: { areaId: true } } } },
    },
  });
  if (!meeting || !can(viewer, "group:manage", { municipalityId: meeting.municipalityId, groupId: meeting.groupId, groupKind: meeting.group.kind })) {
    throw new DomainError("NOT_FOUND", NOT_FOUND);
  }
  if (!opts.allowApproved && meeting.minutesStatus === "APPROVED") throw new DomainError("CONFLICT", "Protokollet är justerat och kan inte längre ändras.");
  return meeting;
}

async function event(tx: Tx, meetingId: string, kind: "CREATED" | "MOVED" | "CANCELLED" | "SENT" | "APPROVED", userId: string, note?: string, snapshot?: Prisma.InputJsonValue) {
  await tx.meetingEvent.create({ data: { meetingId, kind, userId, note: note ?? null, snapshot: snapshot ?? Prisma.skip } });
}

/** Meetings from `from` that hold anything a cadence change must not throw away. */
async function meetingsWithContent(groupId: string, from: Date) {
  return db().meeting.findMany({
    where: {
      groupId,
      startsAt: { gte: from },
      OR: [
        { minutesStatus: { not: "DRAFT" } },
        { minutes: { not: null, notIn: [""] } },
        { agendaItems: { some: { minutes: { not: "" } } } },
        { decisions: { some: {} } },
        { attendance: { some: {} } },
        { organisationsPresent: { some: {} } },
        { measures: { some: {} } },
      ],
    },
    select: { startsAt: true },
    orderBy: { startsAt: "asc" },
  });
}

/**
 * A new cadence from a date on: that date's and later meetings are laid out again for the next
 * twelve months. Refused, with the dates, when a meeting it would remove already has minutes.
 */
export async function changeCadence(viewer: Viewer, input: z.output<typeof ZCadenceChange>, now = new Date()) {
  const group = await manageableGroup(viewer, input.groupId);
  if (group.status === "CLOSED") throw new DomainError("INVALID", "Gruppen är avslutad.");
  const [y, m, d] = input.fromDate.split("-").map(Number) as [number, number, number];
  const from = fromStockholmWall(y, m, d);
  if (input.fromDate < toLocalInputs(now).date) throw new DomainError("INVALID", "Ändringen kan gälla från i dag och framåt.", "fromDate");
  const kept = await meetingsWithContent(group.id, from);
  if (kept.length > 0) {
    const dates = `${kept.slice(0, 3).map((k) => formatDate(k.startsAt)).join(", ")}${kept.length > 3 ? " …" : ""}`;
    throw new DomainError("INVALID", fill("Mötet {dates} har redan protokoll, närvaro eller beslut och kan inte tas bort. Låt ändringen gälla från dagen efter.", { dates }), "fromDate");
  }
  const horizon = new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
  // An Insats meets until its planned end.
  const until = group.kind === "INSATS" && group.plannedEndDate ? new Date(Math.min(horizon.getTime(), group.plannedEndDate.getTime() + 86_400_000)) : horizon;
  const summerBreak = input.summerFrom === "" || input.summerTo === "" ? null : { from: input.summerFrom, to: input.summerTo };
  const planned = planMeetings({ cadence: input.cadence, weekday: input.weekday, time: input.time, minutes: input.minutes, summerBreak }, from, until);
  const count = await db().$transaction(async (tx) => {
    await tx.meeting.deleteMany({ where: { groupId: group.id, startsAt: { gte: from } } });
    await tx.estGroup.update({
      where: { id: group.id },
      data: {
        cadence: input.cadence, meetingWeekday: input.weekday, meetingTime: input.time, meetingMinutes: input.minutes,
        reminderLeadHours: input.reminderLeadHours, reportingWeekday: input.reportingWeekday === "" ? null : input.reportingWeekday,
        summerBreakFrom: summerBreak?.from ?? null, summerBreakTo: summerBreak?.to ?? null,
      },
    });
    return (await createMeetings(tx, group, planned)).length;
  });
  await recordAudit({ userId: viewer.userId, municipalityId: group.municipalityId, action: "meeting:cadence", entityType: "group", entityId: group.id });
  return { meetings: count };
}

/** Other live meetings of the group that overlap [start, end). */
async function overlapsWith(groupId: string, meetingId: string | null, start: Date, end: Date) {
  const near = await db().meeting.findMany({
    where: { groupId, status: { not: "CANCELLED" }, startsAt: { lt: end }, endsAt: { gt: start }, ...(meetingId ? { id: { not: meetingId } } : {}) },
    select: { id: true, startsAt: true },
  });
  return near.map((n) => formatMeetingTime(n.startsAt));
}

/** Moves one meeting (date, time, length, place). Overlaps are allowed but reported back. */
export async function moveMeeting(viewer: Viewer, input: z.output<typeof ZMeetingMove>) {
  const meeting = await manageableMeeting(viewer, input.meetingId);
  if (meeting.status === "CANCELLED") throw new DomainError("INVALID", "Mötet är inställt.");
  const startsAt = wall(input.date, input.time);
  const endsAt = new Date(startsAt.getTime() + input.minutes * 60_000);
  const moved = startsAt.getTime() !== meeting.startsAt.getTime();
  await db().$transaction(async (tx) => {
    await tx.meeting.update({
      where: { id: meeting.id },
      data: {
        startsAt, endsAt, location: input.location || null, version: { increment: 1 },
        // Remember where the cadence put it, the first time it moves.
        ...(moved ? { plannedStartsAt: meeting.plannedStartsAt ?? meeting.startsAt } : {}),
      },
    });
    if (moved) await event(tx, meeting.id, "MOVED", viewer.userId, `${formatMeetingTime(meeting.startsAt)} → ${formatMeetingTime(startsAt)}`);
  });
  await recordAudit({ userId: viewer.userId, municipalityId: meeting.municipalityId, action: "meeting:move", entityType: "meeting", entityId: meeting.id });
  return { overlaps: await overlapsWith(meeting.groupId, meeting.id, startsAt, endsAt) };
}

/** Cancels one meeting with a reason, and tells the group's members. */
export async function cancelMeeting(viewer: Viewer, input: z.output<typeof ZMeetingCancel>) {
  const meeting = await manageableMeeting(viewer, input.meetingId);
  if (meeting.status === "CANCELLED") return;
  if (meeting.minutesStatus !== "DRAFT") throw new DomainError("INVALID", "Mötet har redan ett utskickat protokoll och kan inte ställas in.");
  const members = await db().groupMember.findMany({ where: { groupId: meeting.groupId }, select: { user: { select: { id: true, email: true, locale: true, disabledAt: true } } } });
  const link = `/moten/${meeting.id}`;
  await db().$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: meeting.id }, data: { status: "CANCELLED", cancelReason: input.reason, version: { increment: 1 } } });
    await event(tx, meeting.id, "CANCELLED", viewer.userId, input.reason);
    for (const { user } of members) {
      if (user.id === viewer.userId || user.disabledAt) continue;
      const { m: { mail }, f } = i18nFor(user.locale);
      const title = fill(mail.meetingCancelled.title, { group: meeting.group.name, time: f.meetingTime(meeting.startsAt) });
      const body = paragraphs(`${title}.\n${fill(mail.meetingCancelled.reason, { reason: input.reason })}`, appUrl(link));
      await queueMessage(tx, { userId: user.id, email: user.email, municipalityId: meeting.municipalityId, dedupeKey: `meeting-cancelled:${meeting.id}:${user.id}`, title, body, link });
    }
    await wakeMailer(tx);
  });
  await recordAudit({ userId: viewer.userId, municipalityId: meeting.municipalityId, action: "meeting:cancel", entityType: "meeting", entityId: meeting.id });
}

/** An extra meeting (any meeting for an ad hoc group), with the agenda of the group's kind. */
export async function addMeeting(viewer: Viewer, input: z.output<typeof ZMeetingAdd>) {
  const group = await manageableGroup(viewer, input.groupId);
  if (group.status === "CLOSED") throw new DomainError("INVALID", "Gruppen är avslutad.");
  const startsAt = wall(input.date, input.time);
  const endsAt = new Date(startsAt.getTime() + input.minutes * 60_000);
  const [id] = await db().$transaction(async (tx) => {
    const ids = await createMeetings(tx, group, [{ startsAt, endsAt, periodKey: periodForMeeting(group.kind, startsAt) }]);
    if (input.location) await tx.meeting.update({ where: { id: ids[0]! }, data: { location: input.location } });
    await event(tx, ids[0]!, "CREATED", viewer.userId);
    return ids;
  });
  await recordAudit({ userId: viewer.userId, municipalityId: group.municipalityId, action: "meeting:create", entityType: "meeting", entityId: id! });
  return { id: id!, overlaps: await overlapsWith(group.id, id!, startsAt, endsAt) };
}

/** Lays out the next twelve months for every open group with a cadence (run daily by the worker).
 * Starts after each group's last meeting, so moved and cancelled meetings stay as they are. */
export async function extendCalendars(now = new Date()): Promise<number> {
  const until = new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
  const groups = await db().estGroup.findMany({
    where: { status: "OPEN", cadence: { not: "AD_HOC" }, kind: { not: "INSATS" } },
    select: { id: true, municipalityId: true, kind: true, cadence: true, meetingWeekday: true, meetingTime: true, meetingMinutes: true, summerBreakFrom: true, summerBreakTo: true, meetings: { select: { startsAt: true, plannedStartsAt: true }, orderBy: { startsAt: "desc" }, take: 1 } },
  });
  let created = 0;
  for (const g of groups) {
    const last = g.meetings[0];
    const after = last ? Math.max(last.startsAt.getTime(), last.plannedStartsAt?.getTime() ?? 0) + 60_000 : now.getTime();
    const from = new Date(Math.max(after, now.getTime()));
    const summerBreak = g.summerBreakFrom !== null && g.summerBreakTo !== null ? { from: g.summerBreakFrom, to: g.summerBreakTo } : null;
    const planned = planMeetings({ cadence: g.cadence, weekday: g.meetingWeekday, time: g.meetingTime, minutes: g.meetingMinutes, summerBreak }, from, until);
    if (planned.length) created += (await db().$transaction((tx) => createMeetings(tx, g, planned))).length;
  }
  return created;
}

// ---- The agenda ----

export async function addAgendaItem(viewer: Viewer, input: z.output<typeof ZAgendaAdd>) {
  const meeting = await manageableMeeting(viewer, input.meetingId);
  const last = await db().agendaItem.aggregate({ where: { meetingId: meeting.id }, _max: { position: true } });
  await db().agendaItem.create({ data: { meetingId: meeting.id, position: (last._max.position ?? 0) + 1, title: input.title, notes: input.notes || null, kind: "custom" } });
}

export async function removeAgendaItem(viewer: Viewer, input: z.output<typeof ZAgendaItemRef>) {
  const meeting = await manageableMeeting(viewer, input.meetingId);
  const { count } = await db().agendaItem.deleteMany({ where: { id: input.itemId, meetingId: meeting.id } });
  if (count === 0) throw new DomainError("NOT_FOUND", "Punkten finns inte.");
}

/** Swaps an item with its neighbour; positions are renumbered 1..n in the same transaction. */
export async function moveAgendaItem(viewer: Viewer, input: z.output<typeof ZAgendaMove>) {
  const meeting = await manageableMeeting(viewer, input.meetingId);
  await db().$transaction(async (tx) => {
    const items = await tx.agendaItem.findMany({ where: { meetingId: meeting.id }, select: { id: true }, orderBy: [{ position: "asc" }, { id: "asc" }] });
    const i = items.findIndex((x) => x.id === input.itemId);
    if (i < 0) throw new DomainError("NOT_FOUND", "Punkten finns inte.");
    const j = input.direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= items.length) return;
    [items[i], items[j]] = [items[j]!, items[i]!];
    for (const [position, item] of items.entries()) await tx.agendaItem.update({ where: { id: item.id }, data: { position: position + 1 } });
  });
}

/** For a meeting laid out before agendas existed, or emptied: the agenda of its group's kind. */
export async function resetAgenda(viewer: Viewer, meetingId: string) {
  const meeting = await manageableMeeting(viewer, meetingId);
  if (await db().agendaItem.count({ where: { meetingId } })) throw new DomainError("INVALID", "Mötet har redan en dagordning.");
  await db().agendaItem.createMany({ data: defaultAgenda(meeting.group.kind).map((a) => ({ ...a, meetingId })) });
}

// ---- In the meeting ----

/** Attendance, minutes per agenda item and general notes, saved together with a version check. */
export async function saveMinutes(viewer: Viewer, input: z.output<typeof ZMinutes>, now = new Date()) {
  const meeting = await manageableMeeting(viewer, input.meetingId);
  if (meeting.status === "CANCELLED") throw new DomainError("INVALID", "Mötet är inställt.");
  const [members, orgs, items] = await Promise.all([
    db().groupMember.findMany({ where: { groupId: meeting.groupId, userId: { in: input.present } }, select: { userId: true, user: { select: { memberships: { where: { municipalityId: meeting.municipalityId }, select: { organisationId: true } } } } } }),
    db().organisation.findMany({ where: { id: { in: input.organisations }, municipalityId: meeting.municipalityId }, select: { id: true } }),
    db().agendaItem.findMany({ where: { meetingId: meeting.id }, select: { id: true } }),
  ]);
  if (members.length !== new Set(input.present).size) throw new DomainError("INVALID", "Närvaron kan bara gälla gruppens medlemmar.", "present");
  if (orgs.length !== new Set(input.organisations).size) throw new DomainError("INVALID", "Välj organisationer i kommunen.", "organisations");
  const known = new Set(items.map((i) => i.id));
  if (input.items.some((i) => !known.has(i.id))) throw new DomainError("CONFLICT", "Dagordningen har ändrats medan du skrev. Ladda om sidan; din text finns kvar i formuläret.");
  return db().$transaction(async (tx) => {
    const { count } = await tx.meeting.updateMany({
      where: { id: meeting.id, version: input.version, minutesStatus: { not: "APPROVED" } },
      data: { minutes: input.general || null, version: { increment: 1 }, ...(meeting.startsAt <= now ? { status: "HELD" } : {}) },
    });
    if (count === 0) throw new DomainError("CONFLICT", "Någon annan har sparat protokollet under tiden. Ladda om sidan för att se deras ändringar; din text finns kvar i formuläret.");
    await tx.meetingAttendance.deleteMany({ where: { meetingId: meeting.id } });
    await tx.meetingAttendance.createMany({ data: members.map((m) => ({ meetingId: meeting.id, userId: m.userId, organisationId: m.user.memberships[0]?.organisationId ?? null })) });
    // An organisation is present when someone from it is, or when it is ticked.
    const present = new Set([...orgs.map((o) => o.id), ...members.flatMap((m) => m.user.memberships.map((x) => x.organisationId))]);
    await tx.meetingOrganisation.deleteMany({ where: { meetingId: meeting.id } });
    await tx.meetingOrganisation.createMany({ data: [...present].map((organisationId) => ({ meetingId: meeting.id, organisationId })) });
    for (const item of input.items) await tx.agendaItem.update({ where: { id: item.id }, data: { minutes: item.minutes } });
    return { version: input.version + 1 };
  });
}

/** A decision under an agenda item; optionally an action on the spot, linked back to the meeting
 * and carrying the period's incidents in the chosen area as its evidence. */
export async function addDecision(viewer: Viewer, input: z.output<typeof ZDecision>, now = new Date()) {
  const meeting = await manageableMeeting(viewer, input.meetingId);
  if (meeting.status === "CANCELLED") throw new DomainError("INVALID", "Mötet är inställt.");
  if (input.agendaItemId && !(await db().agendaItem.findFirst({ where: { id: input.agendaItemId, meetingId: meeting.id }, select: { id: true } }))) {
    throw new DomainError("INVALID", "Välj en punkt på dagordningen.", "agendaItemId");
  }
  if (input.createMeasure) {
    const owner = await db().organisation.findFirst({ where: { id: input.ownerOrgId, municipalityId: meeting.municipalityId }, select: { id: true } });
    if (!owner) throw new DomainError("INVALID", "Välj en organisation i kommunen.", "ownerOrgId");
    if (input.areaId && !(await db().area.findFirst({ where: { id: input.areaId, municipalityId: meeting.municipalityId }, select: { id: true } }))) {
      throw new DomainError("INVALID", "Välj en kommundel i kommunen.", "areaId");
    }
    if (input.dueDate < toLocalInputs(now).date) throw new DomainError("INVALID", "Klart senast kan inte ligga före i dag.", "dueDate");
  }
  const result = await db().$transaction(async (tx) => {
    const decision = await tx.decision.create({ data: { meetingId: meeting.id, agendaItemId: input.agendaItemId || null, text: input.text }, select: { id: true } });
    if (!input.createMeasure) return { decisionId: decision.id, measureId: null };
    const range = periodRange(meeting.periodKey);
    const evidence = input.areaId
      ? await tx.incident.findMany({ where: { municipalityId: meeting.municipalityId, areaId: input.areaId, status: "ACTIVE", occurredAt: { gte: range.start, lt: range.end } }, select: { id: true }, orderBy: { occurredAt: "desc" }, take: 50 })
      : [];
    const measure = await tx.measure.create({
      data: {
        municipalityId: meeting.municipalityId, title: input.text.slice(0, 200), ownerOrgId: input.ownerOrgId, responsibleName: input.responsibleName || null,
        areaId: input.areaId || null, startDate: new Date(`${toLocalInputs(now).date}T00:00:00Z`), dueDate: new Date(`${input.dueDate}T00:00:00Z`),
        origin: "MEETING", groupId: meeting.groupId, meetingId: meeting.id, decisionId: decision.id,
        evidence: { create: evidence.map((i) => ({ incidentId: i.id })) },
      },
      select: { id: true },
    });
    return { decisionId: decision.id, measureId: measure.id };
  });
  await recordAudit({ userId: viewer.userId, municipalityId: meeting.municipalityId, action: "meeting:decision", entityType: "meeting", entityId: meeting.id });
  if (result.measureId) await recordAudit({ userId: viewer.userId, municipalityId: meeting.municipalityId, action: "measure:create", entityType: "measure", entityId: result.measureId });
  return result;
}

/** Removes a decision that has not become an action (an action lives on in the register). */
export async function removeDecision(viewer: Viewer, input: { meetingId: string; decisionId: string }) {
  const meeting = await manageableMeeting(viewer, input.meetingId);
  const decision = await db().decision.findFirst({ where: { id: input.decisionId, meetingId: meeting.id }, select: { id: true, _count: { select: { measures: true } } } });
  if (!decision) throw new DomainError("NOT_FOUND", "Beslutet finns inte.");
  if (decision._count.measures > 0) throw new DomainError("INVALID", "Beslutet har blivit en åtgärd. Ändra eller avbryt åtgärden i åtgärdsregistret i stället.");
  await db().decision.delete({ where: { id: decision.id } });
}

/** What the minutes say at this moment: the text sent and approved, kept in the history. */
async function minutesSnapshot(tx: Tx, meetingId: string) {
  const m = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      minutes: true,
      agendaItems: { select: { position: true, title: true, minutes: true, decisions: { select: { text: true } } }, orderBy: { position: "asc" } },
      decisions: { where: { agendaItemId: null }, select: { text: true } },
      attendance: { select: { user: { select: { name: true } } } },
      organisationsPresent: { select: { organisation: { select: { name: true } } } },
    },
  });
  return {
    general: m.minutes ?? "",
    items: m.agendaItems.map((i) => ({ title: i.title, minutes: i.minutes, decisions: i.decisions.map((d) => d.text) })),
    otherDecisions: m.decisions.map((d) => d.text),
    present: m.attendance.map((a) => a.user.name).sort(),
    organisations: m.organisationsPresent.map((o) => o.organisation.name).sort(),
  };
}

/** Sends the draft minutes to the group's members for approval. */
export async function sendMinutes(viewer: Viewer, input: z.output<typeof ZMeetingRef>) {
  const meeting = await manageableMeeting(viewer, input.meetingId);
  if (meeting.status === "CANCELLED") throw new DomainError("INVALID", "Mötet är inställt.");
  const members = await db().groupMember.findMany({ where: { groupId: meeting.groupId, user: { disabledAt: null } }, select: { user: { select: { id: true, email: true, locale: true } } } });
  const link = `/moten/${meeting.id}`;
  await db().$transaction(async (tx) => {
    const { count } = await tx.meeting.updateMany({ where: { id: meeting.id, version: input.version, minutesStatus: { not: "APPROVED" } }, data: { minutesStatus: "SENT", version: { increment: 1 } } });
    if (count === 0) throw new DomainError("CONFLICT", "Protokollet har ändrats under tiden. Ladda om sidan.");
    await event(tx, meeting.id, "SENT", viewer.userId, undefined, await minutesSnapshot(tx, meeting.id));
    for (const { user } of members) {
      const { m: { mail }, f } = i18nFor(user.locale);
      await queueMessage(tx, {
        userId: user.id, email: user.email, municipalityId: meeting.municipalityId, dedupeKey: `minutes-sent:${meeting.id}:${input.version}:${user.id}`, link,
        title: fill(mail.minutesSent.title, { group: meeting.group.name, date: f.date(meeting.startsAt) }),
        body: paragraphs(fill(mail.minutesSent.body, { group: meeting.group.name, time: f.meetingTime(meeting.startsAt) }), appUrl(link)),
      });
    }
    await wakeMailer(tx);
  });
  await recordAudit({ userId: viewer.userId, municipalityId: meeting.municipalityId, action: "meeting:minutes-send", entityType: "meeting", entityId: meeting.id });
}

/** Approves sent minutes: from then on they are read-only (also in the database) and kept as approved. */
export async function approveMinutes(viewer: Viewer, input: z.output<typeof ZMeetingRef>, now = new Date()) {
  const meeting = await manageableMeeting(viewer, input.meetingId);
  if (meeting.minutesStatus !== "SENT") throw new DomainError("INVALID", "Skicka protokollet till medlemmarna innan det justeras.");
  await db().$transaction(async (tx) => {
    await event(tx, meeting.id, "APPROVED", viewer.userId, undefined, await minutesSnapshot(tx, meeting.id));
    const { count } = await tx.meeting.updateMany({
      where: { id: meeting.id, version: input.version, minutesStatus: "SENT" },
      data: { minutesStatus: "APPROVED", status: "HELD", approvedAt: now, approvedById: viewer.userId, version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("CONFLICT", "Protokollet har ändrats under tiden. Ladda om sidan.");
  });
  await recordAudit({ userId: viewer.userId, municipalityId: meeting.municipalityId, action: "meeting:minutes-approve", entityType: "meeting", entityId: meeting.id });
}
