import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { toLocalInputs } from "@/lib/time/format";
import { stockholmDay } from "@/lib/time/zone";
import { appUrl, i18nFor, paragraphs } from "@/lib/feedback/compose";
import { queueMessage, wakeMailer } from "@/lib/feedback/queue";
import { fill } from "@/lib/i18n/catalogue";
import type { ZFollowUp, ZMeasureCreate, ZMeasureEvaluation, ZMeasureFromLagesbild, ZMeasureJudgement, ZMeasureStatus } from "./schema";

/** A decision in the week's lägesbild becomes an action traceable to that lägesbild. */
export async function createMeasureFromLagesbild(viewer: Viewer, input: z.output<typeof ZMeasureFromLagesbild>, now = new Date()) {
  const group = await db().estGroup.findUnique({ where: { id: input.groupId }, select: { id: true, municipalityId: true, kind: true, areas: { select: { areaId: true } } } });
  if (!group || !can(viewer, "lagesbild:edit", { municipalityId: group.municipalityId, groupId: group.id, groupKind: group.kind })) {
    throw new DomainError("NOT_FOUND", "Lägesbilden finns inte, eller så får du inte ändra den.");
  }
  const owner = await db().organisation.findFirst({ where: { id: input.ownerOrgId, municipalityId: group.municipalityId }, select: { id: true } });
  if (!owner) throw new DomainError("INVALID", "Välj en organisation i kommunen.", "ownerOrgId");
  if (input.areaId && !group.areas.some((a) => a.areaId === input.areaId)) throw new DomainError("INVALID", "Välj en av gruppens kommundelar.", "areaId");
  const due = new Date(`${input.dueDate}T00:00:00Z`);
  if (Number.isNaN(due.getTime())) throw new DomainError("INVALID", "Ogiltigt datum.", "dueDate");
  if (input.dueDate < toLocalInputs(now).date) throw new DomainError("INVALID", "Klart senast kan inte ligga före start (i dag).", "dueDate");
  const measure = await db().$transaction(async (tx) => {
    const lagesbild = await tx.lagesbild.upsert({
      where: { groupId_periodKey: { groupId: group.id, periodKey: input.week } },
      update: {},
      create: { municipalityId: group.municipalityId, groupId: group.id, periodKey: input.week },
      select: { id: true },
    });
    // The week's incidents in the chosen area are the evidence that prompted the decision.
    const evidence = input.areaId
      ? await tx.incident.findMany({ where: { municipalityId: group.municipalityId, areaId: input.areaId, isoWeek: input.week, status: "ACTIVE" }, select: { id: true }, take: 50 })
      : [];
    return tx.measure.create({
      data: {
        municipalityId: group.municipalityId, title: input.title, ownerOrgId: owner.id, responsibleName: input.responsibleName || null,
        areaId: input.areaId || null, dueDate: due, startDate: now, origin: "LAGESBILD", groupId: group.id, lagesbildId: lagesbild.id,
        evidence: { create: evidence.map((i) => ({ incidentId: i.id })) },
      },
      select: { id: true },
    });
  }, { timeout: 10_000 });
  await recordAudit({ userId: viewer.userId, municipalityId: group.municipalityId, action: "measure:create", entityType: "measure", entityId: measure.id });
  return measure;
}

/** A dated follow-up entry on an action, by its owner organisation or its group's members. */
export async function addFollowUp(viewer: Viewer, input: z.output<typeof ZFollowUp>, now = new Date()) {
  const measure = await db().measure.findUnique({ where: { id: input.measureId }, select: { id: true, municipalityId: true, groupId: true, ownerOrgId: true } });
  if (!measure || !can(viewer, "measure:follow-up", { municipalityId: measure.municipalityId, groupId: measure.groupId ?? undefined, organisationId: measure.ownerOrgId })) {
    throw new DomainError("NOT_FOUND", "Åtgärden finns inte, eller så får du inte följa upp den.");
  }
  const row = await db().measureFollowUp.create({
    data: { measureId: measure.id, date: new Date(`${toLocalInputs(now).date}T00:00:00Z`), text: input.text, authorId: viewer.userId },
    select: { id: true },
  });
  await recordAudit({ userId: viewer.userId, municipalityId: measure.municipalityId, action: "measure:follow-up", entityType: "measure", entityId: measure.id });
  return row;
}

async function loadForChange(viewer: Viewer, measureId: string, action: "measure:update" | "measure:judge") {
  const m = await db().measure.findUnique({ where: { id: measureId }, select: { id: true, municipalityId: true, groupId: true, ownerOrgId: true, title: true, status: true, version: true, effectVerdict: true } });
  const target = m ? { municipalityId: m.municipalityId, groupId: m.groupId ?? undefined, organisationId: m.ownerOrgId } : null;
  if (!m || !target || !can(viewer, "measure:view", target)) throw new DomainError("NOT_FOUND", "Åtgärden finns inte, eller så har du inte behörighet att se den.");
  if (!can(viewer, action, target)) throw new DomainError("FORBIDDEN", action === "measure:update" ? "Bara ansvarig organisation och gruppens samordnare kan ändra status." : "Bara gruppens samordnare kan bedöma effekten.");
  return m;
}

/**
 * Changes an action's status (cancelling with a reason); the owner organisation's people hear
 * about it in the app and by e-mail, in the same transaction.
 */
export async function setMeasureStatus(viewer: Viewer, input: z.output<typeof ZMeasureStatus>) {
  const m = await loadForChange(viewer, input.measureId, "measure:update");
  if (m.status === input.status) return { version: m.version };
  if (input.status === "DONE" && !m.effectVerdict && !input.verdict) {
    throw new DomainError("INVALID", "Bedöm effekten, eller välj ”Bedöms senare”.", "verdict");
  }
  await db().$transaction(async (tx) => {
    const { count } = await tx.measure.updateMany({
      where: { id: m.id, version: input.version },
      data: {
        status: input.status, cancelReason: input.status === "CANCELLED" ? input.cancelReason : null, version: { increment: 1 },
        ...(input.status === "DONE" && input.verdict ? { effectVerdict: input.verdict } : {}),
      },
    });
    if (count === 0) throw new DomainError("CONFLICT", "Någon annan har ändrat åtgärden under tiden. Ladda om sidan.");
    const people = await tx.membership.findMany({
      where: { municipalityId: m.municipalityId, organisationId: m.ownerOrgId, userId: { not: viewer.userId }, user: { disabledAt: null } },
      select: { userId: true, user: { select: { email: true, locale: true } } },
    });
    const link = `/atgarder/${m.id}`;
    for (const p of people) {
      const { m: { mail, measureLabels } } = i18nFor(p.user.locale);
      const values = { title: m.title, name: viewer.name, status: measureLabels.status[input.status].toLowerCase() };
      const body = paragraphs(fill(mail.measureStatus.body, values), input.status === "CANCELLED" && fill(mail.measureStatus.reason, { reason: input.cancelReason ?? "" }), fill(mail.measureStatus.open, { url: appUrl(link) }));
      await queueMessage(tx, { userId: p.userId, email: p.user.email, municipalityId: m.municipalityId, dedupeKey: `measure-status:${m.id}:${input.version}:${p.userId}`, title: fill(mail.measureStatus.title, values), body, link });
    }
    await wakeMailer(tx);
  });
  await recordAudit({ userId: viewer.userId, municipalityId: m.municipalityId, action: "measure:status", entityType: "measure", entityId: m.id });
  return { version: input.version + 1 };
}

/** The group's verdict on whether the action helped, with its reasons. */
export async function judgeMeasure(viewer: Viewer, input: z.output<typeof ZMeasureJudgement>) {
  const m = await loadForChange(viewer, input.measureId, "measure:judge");
  await db().measure.update({ where: { id: m.id }, data: { effectVerdict: input.verdict, effectJudgement: input.judgement, version: { increment: 1 } } });
  await recordAudit({ userId: viewer.userId, municipalityId: m.municipalityId, action: "measure:judge", entityType: "measure", entityId: m.id });
}

/**
 * Creates an action in the register: for a group the viewer leads, or (without a group) by EST
 * Strategisk or a coordinator; from a goal when one is given. Every reference must belong to
 * the municipality.
 */
export async function createMeasure(viewer: Viewer, municipalityId: string, input: z.output<typeof ZMeasureCreate>) {
  const group = input.groupId ? await db().estGroup.findFirst({ where: { id: input.groupId, municipalityId }, select: { id: true, kind: true } }) : null;
  if (input.groupId && !group) throw new DomainError("INVALID", "Välj en grupp i kommunen.", "groupId");
  if (!can(viewer, "measure:create", { municipalityId, groupId: group?.id, groupKind: group?.kind })) throw new DomainError("FORBIDDEN", "Du får inte lägga till åtgärder här.");
  const orgIds = [...new Set([input.ownerOrgId, ...input.participantOrgIds])];
  const [orgs, area, goal] = await Promise.all([
    db().organisation.findMany({ where: { id: { in: orgIds }, municipalityId }, select: { id: true } }),
    input.areaId ? db().area.findFirst({ where: { id: input.areaId, municipalityId }, select: { id: true } }) : null,
    input.goalId ? db().goal.findFirst({ where: { id: input.goalId, municipalityId }, select: { id: true, areaId: true } }) : null,
  ]);
  if (!orgs.some((o) => o.id === input.ownerOrgId)) throw new DomainError("INVALID", "Välj en organisation i kommunen.", "ownerOrgId");
  if (orgs.length !== orgIds.length) throw new DomainError("INVALID", "Välj deltagande organisationer i kommunen.", "participantOrgIds");
  if (input.areaId && !area) throw new DomainError("INVALID", "Välj en kommundel i kommunen.", "areaId");
  if (input.goalId && !goal) throw new DomainError("INVALID", "Välj ett mål i kommunen.", "goalId");
  const measure = await db().measure.create({
    data: {
      municipalityId, title: input.title, description: input.description, kind: input.kind, isJoint: input.isJoint || input.participantOrgIds.length > 0,
      areaId: input.areaId || goal?.areaId || null, place: input.place || null, ownerOrgId: input.ownerOrgId, responsibleName: input.responsibleName || null,
      startDate: new Date(`${input.startDate}T00:00:00Z`), dueDate: new Date(`${input.dueDate}T00:00:00Z`),
      origin: goal ? "GOAL" : "OTHER", goalId: goal?.id ?? null, groupId: group?.id ?? null,
      participants: { create: input.participantOrgIds.filter((id) => id !== input.ownerOrgId).map((organisationId) => ({ organisationId })) },
    },
    select: { id: true },
  });
  await recordAudit({ userId: viewer.userId, municipalityId, action: "measure:create", entityType: "measure", entityId: measure.id });
  return measure;
}

/**
 * Records how the action's effect is to be judged (issue 25). It needs a place or kommundel to
 * judge; categories and comparison areas must be the municipality's, and the comparison cannot be
 * the action's own kommundel. Once the after window has begun the plan is locked: a plan recorded
 * later is kept, and said to be, but cannot be changed.
 */
export async function saveMeasureEvaluation(viewer: Viewer, input: z.output<typeof ZMeasureEvaluation>, now = new Date()) {
  const m = await loadForChange(viewer, input.measureId, "measure:judge");
  const [measure, existing, categories, areas] = await Promise.all([
    db().measure.findUniqueOrThrow({ where: { id: m.id }, select: { areaId: true } }),
    db().measureEvaluation.findUnique({ where: { measureId: m.id }, select: { afterFirst: true } }),
    db().incidentCategory.count({ where: { id: { in: input.categoryIds }, municipalityId: m.municipalityId, parentId: null } }),
    input.control === "AREAS" ? db().area.count({ where: { id: { in: input.controlAreaIds }, municipalityId: m.municipalityId } }) : 0,
  ]);
  if (!measure.areaId) throw new DomainError("INVALID", "Åtgärden har ingen plats eller kommundel att utvärdera. Ange först var den görs.", "categoryIds");
  // A DATE column reads as midnight UTC: its ISO date is the Stockholm day that was saved.
  const lockedSince = existing?.afterFirst.toISOString().slice(0, 10);
  if (lockedSince && lockedSince <= stockholmDay(now)) {
    throw new DomainError("CONFLICT", fill("Planen är låst sedan perioden efter började ({date}): fönster som väljs när utfallet syns ger ingen ärlig jämförelse.", { date: lockedSince }));
  }
  if (categories !== new Set(input.categoryIds).size) throw new DomainError("INVALID", "Välj kategorier i kommunen.", "categoryIds");
  const controlAreaIds = input.control === "AREAS" ? [...new Set(input.controlAreaIds)] : [];
  if (areas !== controlAreaIds.length) throw new DomainError("INVALID", "Välj kommundelar i kommunen.", "controlAreaIds");
  if (controlAreaIds.includes(measure.areaId)) throw new DomainError("INVALID", "Åtgärdens egen kommundel kan inte vara jämförelsen.", "controlAreaIds");
  const dates = {
    beforeFirst: new Date(`${input.beforeFirst}T00:00:00Z`), beforeLast: new Date(`${input.beforeLast}T00:00:00Z`),
    afterFirst: new Date(`${input.afterFirst}T00:00:00Z`), afterLast: new Date(`${input.afterLast}T00:00:00Z`),
  };
  const data = { categoryIds: [...new Set(input.categoryIds)], controlAreaIds, ...dates, recordedById: viewer.userId, recordedAt: now };
  await db().measureEvaluation.upsert({ where: { measureId: m.id }, create: { measureId: m.id, municipalityId: m.municipalityId, ...data }, update: data });
  await recordAudit({ userId: viewer.userId, municipalityId: m.municipalityId, action: "measure:evaluation", entityType: "measure", entityId: m.id });
}
