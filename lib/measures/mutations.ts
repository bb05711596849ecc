import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { toLocalInputs } from "@/lib/time/format";
import type { ZFollowUp, ZMeasureFromLagesbild } from "./schema";

/** A decision in the week's lägesbild becomes an action traceable to that lägesbild. */
export async function createMeasureFromLagesbild(viewer: Viewer, input: z.output<typeof ZMeasureFromLagesbild>) {
  const group = await db().estGroup.findUnique({ where: { id: input.groupId }, select: { id: true, municipalityId: true, kind: true, areas: { select: { areaId: true } } } });
  if (!group || !can(viewer, "lagesbild:edit", { municipalityId: group.municipalityId, groupId: group.id, groupKind: group.kind })) {
    throw new DomainError("NOT_FOUND", "Lägesbilden finns inte, eller så får du inte ändra den.");
  }
  const owner = await db().organisation.findFirst({ where: { id: input.ownerOrgId, municipalityId: group.municipalityId }, select: { id: true } });
  if (!owner) throw new DomainError("INVALID", "Välj en organisation i kommunen.", "ownerOrgId");
  if (input.areaId && !group.areas.some((a) => a.areaId === input.areaId)) throw new DomainError("INVALID", "Välj en av gruppens kommundelar.", "areaId");
  const due = new Date(`${input.dueDate}T00:00:00Z`);
  if (Number.isNaN(due.getTime())) throw new DomainError("INVALID", "Ogiltigt datum.", "dueDate");
  const measure = await db().$transaction(async (tx) => {
    const lagesbild = await tx.lagesbild.upsert({
      where: { groupId_periodKey: { groupId: group.id, periodKey: input.week } },
      update: {},
      create: { municipalityId: group.municipalityId, groupId: group.id, periodKey: input.week },
      select: { id: true },
    });
    return tx.measure.create({
      data: {
        municipalityId: group.municipalityId, title: input.title, ownerOrgId: owner.id, responsibleName: input.responsibleName || null,
        areaId: input.areaId || null, dueDate: due, startDate: new Date(), origin: "LAGESBILD", groupId: group.id, lagesbildId: lagesbild.id,
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
