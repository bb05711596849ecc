import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { unitProblem, type ZIndicatorValue } from "./schema";

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
