import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { planMeetings } from "@/lib/meetings/cadence";
import { createMeetings } from "@/lib/meetings/create";
import { fromStockholmWall } from "@/lib/time/zone";
import { slugify } from "@/lib/text/slugify";
import { emailList, type ZInsatsClose, type ZInsatsExtend, type ZInsatsOpen } from "./schema";
import { appUrl, i18nFor, paragraphs } from "@/lib/feedback/compose";
import { queueMessage, wakeMailer } from "@/lib/feedback/queue";
import { fill } from "@/lib/i18n/catalogue";
import { inviteByEmail } from "@/lib/users/invitations";
import { formatDate } from "@/lib/time/format";
import { runningInsatser } from "./queries";
import { flaggedWeekOf, getInsatsScopeCounts } from "./scope";

/**
 * Opens an EST Insats: a time-boxed group scoped to areas, staffed with invited members from any
 * organisation, with its meetings laid out until the planned end, and the evidence it came from.
 * Invited members hear about it in the app and by e-mail (outbox, same transaction).
 */
export async function openInsats(viewer: Viewer, input: z.output<typeof ZInsatsOpen>, now = new Date()) {
  if (!can(viewer, "insats:open", { municipalityId: input.municipalityId })) throw new DomainError("FORBIDDEN", "Du har inte behörighet att starta en EST Insats.");
  const [y, m, d] = input.plannedEndDate.split("-").map(Number) as [number, number, number];
  const end = fromStockholmWall(y, m, d + 1);
  if (end.getTime() <= now.getTime()) throw new DomainError("INVALID", "Slutdatumet måste ligga efter startdatumet (i dag).", "plannedEndDate");
  const areas = await db().area.findMany({ where: { id: { in: input.areaIds }, municipalityId: input.municipalityId }, select: { id: true } });
  if (areas.length !== new Set(input.areaIds).size) throw new DomainError("INVALID", "Välj kommundelar i kommunen.", "areaIds");
  if (input.origin) await checkOrigin(input.municipalityId, input.origin);
  if (!input.confirmDuplicate) {
    const running = (await runningInsatser(input.municipalityId)).filter((g) => g.areaIds.some((a) => input.areaIds.includes(a)));
    if (running.length > 0) {
      const names = running.map((g) => `${g.name} (sedan ${formatDate(g.since)})`).join(", ");
      throw new DomainError("INVALID", fill("En EST Insats arbetar redan i samma kommundel: {names}. Öppna den i stället, eller bekräfta att en till behövs.", { names }), "confirmDuplicate");
    }
  }
  const memberIds = [...new Set(input.memberIds.filter((id) => id !== viewer.userId))];
  const selected = await db().membership.findMany({ where: { userId: { in: memberIds }, municipalityId: input.municipalityId, user: { disabledAt: null } }, select: { userId: true } });
  if (selected.length !== memberIds.length) {
    throw new DomainError("INVALID", "Någon av de valda har inget konto i kommunen. Bjud in dem med e-post i stället.", "memberIds");
  }
  const { known, toInvite } = await sortInvitees(input, viewer);
  const members = await db().membership.findMany({
    where: { userId: { in: [...new Set([...memberIds, ...known])] }, municipalityId: input.municipalityId },
    select: { userId: true, organisationId: true, user: { select: { email: true, locale: true } } },
  });
  const own = viewer.memberships.find((x) => x.municipalityId === input.municipalityId)!;
  const meetings = input.cadence === "AD_HOC" ? [] : planMeetings({ cadence: input.cadence, weekday: input.weekday, time: input.time, minutes: 45 }, now, end);
  const description = [input.problem, input.places ? `Platser: ${input.places}` : ""].filter(Boolean).join("\n\n");
  const slug = `insats-${slugify(input.name).slice(0, 40)}-${now.getTime().toString(36)}`;

  const group = await db().$transaction(async (tx) => {
    const created = await tx.estGroup.create({
      data: {
        municipalityId: input.municipalityId, slug, name: input.name, kind: "INSATS", cadence: input.cadence,
        meetingWeekday: input.weekday, meetingTime: input.time, meetingMinutes: 45, description, status: "OPEN",
        openedAt: now, plannedEndDate: new Date(`${input.plannedEndDate}T00:00:00Z`),
        originGroupId: input.origin?.groupId ?? null, originWeek: input.origin?.week ?? null,
        evidence: input.origin ? { areaId: input.origin.areaId, categoryId: input.origin.categoryId, week: input.origin.week } : Prisma.skip,
      },
      select: { id: true },
    });
    await tx.groupArea.createMany({ data: areas.map((a) => ({ groupId: created.id, areaId: a.id })) });
    await tx.groupMember.createMany({
      data: [{ groupId: created.id, userId: viewer.userId, role: "COORDINATOR" as const }, ...members.map((x) => ({ groupId: created.id, userId: x.userId, role: "MEMBER" as const }))],
    });
    await tx.groupOrganisation.createMany({
      data: [...new Set([own.organisationId, ...members.map((x) => x.organisationId)])].map((organisationId) => ({ groupId: created.id, organisationId })),
    });
    await createMeetings(tx, { id: created.id, municipalityId: input.municipalityId, kind: "INSATS" }, meetings);
    const link = `/groups/${created.id}`;
    for (const x of members) {
      const { m: { mail }, f } = i18nFor(x.user.locale);
      const t = mail.insatsInvite;
      const title = fill(t.title, { name: input.name });
      const body = paragraphs(
        fill(t.body, { by: viewer.name, name: input.name }),
        `${t.problem}\n${input.problem}`,
        [fill(t.plannedEnd, { date: f.date(new Date(`${input.plannedEndDate}T12:00:00Z`)) }), meetings[0] && fill(t.firstMeeting, { date: f.date(meetings[0].startsAt), time: input.time })].filter(Boolean).join("\n"),
        fill(t.open, { url: appUrl(link) }),
      );
      await queueMessage(tx, { userId: x.userId, email: x.user.email, municipalityId: input.municipalityId, dedupeKey: `insats:${created.id}:${x.userId}`, title, body, link });
    }
    await inviteByEmail(tx, {
      municipalityId: input.municipalityId, organisationId: input.inviteOrganisationId, groupId: created.id, groupName: input.name,
      invitedBy: { id: viewer.userId, name: viewer.name }, emails: toInvite,
    }, now);
    await wakeMailer(tx);
    return created;
  }, { timeout: 15_000 });
  await recordAudit({ userId: viewer.userId, municipalityId: input.municipalityId, action: "insats:open", entityType: "group", entityId: group.id });
  return { id: group.id, meetings: meetings.length, invited: toInvite.length };
}

/** The flag an Insats starts from – its group, area and category – must lie in the Insats's own
 * municipality: the origin is where the closing report and handed-over actions go. */
async function checkOrigin(municipalityId: string, origin: NonNullable<z.output<typeof ZInsatsOpen>["origin"]>) {
  const [group, area, category] = await Promise.all([
    db().estGroup.findFirst({ where: { id: origin.groupId, municipalityId }, select: { id: true } }),
    db().area.findFirst({ where: { id: origin.areaId, municipalityId }, select: { id: true } }),
    db().incidentCategory.findFirst({ where: { id: origin.categoryId, municipalityId }, select: { id: true } }),
  ]);
  if (!group || !area || !category) throw new DomainError("INVALID", "Flaggan som insatsen startas från finns inte i kommunen.", "origin");
}

/** E-mail addresses of people who already take part in the municipality are added as members;
 * the others get an invitation to create an account. */
async function sortInvitees(input: z.output<typeof ZInsatsOpen>, viewer: Viewer) {
  const emails = emailList(input.inviteEmails);
  // Checked whenever one is named, even without addresses to invite: every id is the municipality's.
  if (emails.length > 0 || input.inviteOrganisationId) {
    const org = await db().organisation.findFirst({ where: { id: input.inviteOrganisationId, municipalityId: input.municipalityId, active: true }, select: { id: true } });
    if (!org) throw new DomainError("INVALID", "Välj en organisation i kommunen.", "inviteOrganisationId");
  }
  if (emails.length === 0) return { known: [] as string[], toInvite: [] as string[] };
  const users = await db().membership.findMany({
    where: { municipalityId: input.municipalityId, user: { email: { in: emails, mode: "insensitive" }, disabledAt: null } },
    select: { userId: true, user: { select: { email: true } } },
  });
  const knownEmails = new Set(users.map((u) => u.user.email.toLowerCase()));
  return {
    known: users.map((u) => u.userId).filter((id) => id !== viewer.userId),
    toInvite: emails.filter((e) => !knownEmails.has(e)),
  };
}

async function loadForManage(viewer: Viewer, groupId: string) {
  const group = await db().estGroup.findUnique({
    where: { id: groupId },
    select: {
      id: true, name: true, municipalityId: true, kind: true, status: true, openedAt: true, plannedEndDate: true, cadence: true, meetingWeekday: true,
      meetingTime: true, originGroupId: true, extensions: true, evidence: true, areas: { select: { areaId: true } },
    },
  });
  if (!group || group.kind !== "INSATS" || !can(viewer, "group:manage", { municipalityId: group.municipalityId, groupId, groupKind: "INSATS" })) {
    throw new DomainError("NOT_FOUND", "Insatsen finns inte, eller så får du inte ändra den.");
  }
  if (group.status === "CLOSED") throw new DomainError("CONFLICT", "Insatsen är redan avslutad.");
  return group;
}

/** Moves the planned end later, with a reason, and lays out the extra meetings. */
export async function extendInsats(viewer: Viewer, input: z.output<typeof ZInsatsExtend>, now = new Date()) {
  const group = await loadForManage(viewer, input.groupId);
  const [y, m, d] = input.plannedEndDate.split("-").map(Number) as [number, number, number];
  const newEnd = fromStockholmWall(y, m, d + 1);
  const oldEnd = group.plannedEndDate ? fromStockholmWall(group.plannedEndDate.getUTCFullYear(), group.plannedEndDate.getUTCMonth() + 1, group.plannedEndDate.getUTCDate() + 1) : now;
  if (newEnd.getTime() <= Math.max(oldEnd.getTime(), now.getTime())) throw new DomainError("INVALID", "Det nya slutdatumet måste ligga efter det nuvarande.", "plannedEndDate");
  const from = new Date(Math.max(oldEnd.getTime(), now.getTime()));
  const meetings = group.cadence === "AD_HOC" ? [] : planMeetings({ cadence: group.cadence, weekday: group.meetingWeekday, time: group.meetingTime, minutes: 45 }, from, newEnd);
  const history = Array.isArray(group.extensions) ? group.extensions : [];
  await db().$transaction(async (tx) => {
    await tx.estGroup.update({
      where: { id: group.id },
      data: {
        plannedEndDate: new Date(`${input.plannedEndDate}T00:00:00Z`),
        extensions: [...history, { from: group.plannedEndDate?.toISOString().slice(0, 10) ?? null, to: input.plannedEndDate, reason: input.reason, at: now.toISOString(), by: viewer.name }],
      },
    });
    await createMeetings(tx, { id: group.id, municipalityId: group.municipalityId, kind: "INSATS" }, meetings);
  });
  await recordAudit({ userId: viewer.userId, municipalityId: group.municipalityId, action: "insats:extend", entityType: "group", entityId: group.id });
}

/**
 * Closes an Insats with a report: incidents in scope before and during, each open action handed
 * over to EST Vecko, cancelled or kept, the outcome and lessons learned. EST Vecko's coordinators
 * are told.
 */
export async function closeInsats(viewer: Viewer, input: z.output<typeof ZInsatsClose>, now = new Date()) {
  const group = await loadForManage(viewer, input.groupId);
  const open = await db().measure.findMany({ where: { groupId: group.id, municipalityId: group.municipalityId, status: { in: ["PLANNED", "ONGOING"] } }, select: { id: true, title: true, status: true } });
  const decisions = new Map(input.openMeasures.map((x) => [x.id, x.decision]));
  if (open.some((x) => !decisions.has(x.id))) throw new DomainError("INVALID", "Välj vad som ska hända med varje öppen åtgärd.", "openMeasures");
  const vecko = await db().estGroup.findFirst({
    where: group.originGroupId ? { id: group.originGroupId, municipalityId: group.municipalityId } : { municipalityId: group.municipalityId, kind: "VECKO", status: "OPEN" },
    select: { id: true, members: { where: { role: "COORDINATOR" }, select: { userId: true, user: { select: { locale: true } } } } },
  });
  const scope = await getInsatsScopeCounts({ municipalityId: group.municipalityId, areaIds: group.areas.map((a) => a.areaId), openedAt: group.openedAt ?? now, closedAt: now, flaggedWeek: flaggedWeekOf(group.evidence) }, now);
  const done = await db().measure.findMany({ where: { groupId: group.id, municipalityId: group.municipalityId, status: { in: ["DONE", "CANCELLED"] } }, select: { title: true, status: true, effectVerdict: true } });
  const report = {
    closedAt: now.toISOString(), closedBy: viewer.name, before: scope.before, during: scope.during, weeks: scope.weeks,
    window: { before: scope.windows.before.start.toISOString(), opened: scope.windows.during.start.toISOString() },
    measures: [...done.map((x) => ({ title: x.title, status: x.status, decision: null })), ...open.map((x) => ({ title: x.title, status: x.status, decision: decisions.get(x.id)! }))],
    outcome: input.outcome, lessons: input.lessons,
  };
  await db().$transaction(async (tx) => {
    await tx.estGroup.update({ where: { id: group.id }, data: { status: "CLOSED", closedAt: now, closingReport: report } });
    await tx.meeting.updateMany({ where: { groupId: group.id, status: "PLANNED", startsAt: { gt: now } }, data: { status: "CANCELLED" } });
    for (const x of open) {
      const decision = decisions.get(x.id);
      const own = { id: x.id, municipalityId: group.municipalityId };
      if (decision === "CANCEL") await tx.measure.update({ where: own, data: { status: "CANCELLED", cancelReason: `${group.name} avslutades` } });
      if (decision === "HAND_OVER" && vecko) await tx.measure.update({ where: own, data: { groupId: vecko.id } });
    }
    for (const c of vecko?.members ?? []) {
      const { m: { mail } } = i18nFor(c.user.locale);
      const body = paragraphs(fill(mail.insatsClosed.outcome, { outcome: input.outcome }), fill(mail.insatsClosed.counts, { before: scope.before, during: scope.during }));
      await tx.notification.create({ data: { userId: c.userId, municipalityId: group.municipalityId, title: fill(mail.insatsClosed.title, { name: group.name }), body, link: `/groups/${group.id}` } });
    }
  }, { timeout: 15_000 });
  await recordAudit({ userId: viewer.userId, municipalityId: group.municipalityId, action: "insats:close", entityType: "group", entityId: group.id });
  return report;
}
