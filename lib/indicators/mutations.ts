import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { parseMilestones, parseNumber, unitProblem, type ZIndicator, type ZIndicatorValue } from "./schema";

/** Records (or corrects) the value of an indicator for a period and area. */
export async function recordIndicatorValue(viewer: Viewer, municipalityId: string, input: z.output<typeof ZIndicatorValue>) {
  if (!can(viewer, "tertial:edit", { municipalityId })) throw new DomainError("FORBIDDEN", "Bara EST Strategisk och samordnare kan registrera värden.");
  const indicator = await db().indicator.findFirst({ where: { id: input.indicatorId, municipalityId }, select: { id: true, unit: true } });
  if (!indicator) throw new DomainError("NOT_FOUND", "Indikatorn finns inte.");
  if (input.areaId && !(await db().area.findFirst({ where: { id: input.areaId, municipalityId }, select: { id: true } }))) {
    throw new DomainError("INVALID", "Välj en kommundel i kommunen.", "areaId");
  }
  const value = Number(input.value.replace(",", "."));
  const problem = unitProblem(indicator.unit, value);
  if (problem) throw new DomainError("INVALID", problem, "value");
  await db().$executeRaw`
    INSERT INTO "indicator_value" ("indicatorId", "periodKey", "areaId", "value", "note", "recordedById")
    VALUES (${indicator.id}::uuid, ${input.periodKey}, ${input.areaId || null}::uuid, ${value}, ${input.note || null}, ${viewer.userId}::uuid)
    ON CONFLICT ("indicatorId", "periodKey", COALESCE("areaId", '00000000-0000-0000-0000-000000000000'::uuid))
    DO UPDATE SET "value" = excluded."value", "note" = excluded."note", "recordedById" = excluded."recordedById", "recordedAt" = now()`;
  await recordAudit({ userId: viewer.userId, municipalityId, action: "indicator:value", entityType: "indicator", entityId: indicator.id });
}

/** Adds or changes an indicator; its nämnd joins the mission's participants if it was not there. */
export async function saveIndicator(viewer: Viewer, municipalityId: string, input: z.output<typeof ZIndicator>) {
  if (!can(viewer, "tertial:edit", { municipalityId })) throw new DomainError("FORBIDDEN", "Bara EST Strategisk och samordnare kan ändra indikatorer.");
  const baseline = parseNumber(input.baseline);
  const target = parseNumber(input.target);
  for (const [field, v] of [["baseline", baseline], ["target", target]] as const) {
    const problem = v === null ? null : unitProblem(input.unit, v);
    if (problem) throw new DomainError("INVALID", problem, field);
  }
  const mission = await db().goal.findFirst({ where: { municipalityId, kind: "MISSION" }, select: { id: true, participants: true } });
  const data = {
    ownerBoard: input.ownerBoard, name: input.name, definition: input.definition || null, unit: input.unit, direction: input.direction,
    baselineYear: input.baselineYear ? Number(input.baselineYear) : null, baseline, target, milestones: parseMilestones(input.milestones),
  };
  const saved = await db().$transaction(async (tx) => {
    if (input.id) {
      const { count } = await tx.indicator.updateMany({ where: { id: input.id, municipalityId }, data });
      if (count === 0) throw new DomainError("NOT_FOUND", "Indikatorn finns inte.");
    }
    const row = input.id ? { id: input.id } : await tx.indicator.create({ data: { ...data, municipalityId, goalId: mission?.id ?? null }, select: { id: true } });
    if (mission && !mission.participants.includes(input.ownerBoard)) {
      await tx.goal.update({ where: { id: mission.id }, data: { participants: { push: input.ownerBoard } } });
    }
    return row;
  });
  await recordAudit({ userId: viewer.userId, municipalityId, action: input.id ? "indicator:update" : "indicator:create", entityType: "indicator", entityId: saved.id });
  return saved;
}
