import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { weekKey } from "@/lib/time/periods";
import { fromStockholmWall } from "@/lib/time/zone";
import type { ZNightWalk } from "./schema";

/**
 * Records a night walk by an association (its presence counts as "vuxennärvaro" in the week's
 * lägesbild); each observation with a category becomes an incident reported by the association.
 * All or nothing.
 */
export async function createNightWalk(viewer: Viewer, input: z.output<typeof ZNightWalk>, now = new Date()) {
  if (!can(viewer, "nightwalk:report", { municipalityId: input.municipalityId })) throw new DomainError("FORBIDDEN", "Bara föreningar som nattvandrar (och samordnare) kan rapportera pass.");
  const membership = viewer.memberships.find((m) => m.municipalityId === input.municipalityId)!;
  const areaIds = [...new Set([...input.areaIds, ...input.observations.map((o) => o.areaId).filter(Boolean)])];
  const categoryIds = [...new Set(input.observations.map((o) => o.categoryId).filter(Boolean))];
  const [areas, categories] = await Promise.all([
    db().area.findMany({ where: { id: { in: areaIds }, municipalityId: input.municipalityId }, select: { id: true } }),
    db().incidentCategory.findMany({ where: { id: { in: categoryIds }, municipalityId: input.municipalityId, parentId: null }, select: { id: true } }),
  ]);
  if (areas.length !== areaIds.length) throw new DomainError("INVALID", "Välj kommundelar i kommunen.", "areaIds");
  if (categories.length !== categoryIds.length) throw new DomainError("INVALID", "Välj kategorier i listan.", "observations");
  const [y, m, d] = input.date.split("-").map(Number) as [number, number, number];
  const at = (t: string, dayOffset = 0) => { const [h, mi] = t.split(":").map(Number) as [number, number]; return fromStockholmWall(y, m, d + dayOffset, h, mi); };
  const startsAt = at(input.startTime);
  // A walk from 21:00 to 02:00 ends the next day.
  const endsAt = input.endTime <= input.startTime ? at(input.endTime, 1) : at(input.endTime);
  if (startsAt > now) throw new DomainError("INVALID", "Passet har inte börjat än.", "date");
  const result = await db().$transaction(async (tx) => {
    const walk = await tx.nightWalk.create({
      data: {
        municipalityId: input.municipalityId, organisationId: membership.organisationId, startsAt, endsAt, isoWeek: weekKey(startsAt), walkers: input.walkers, route: input.route,
        createdById: viewer.userId, areas: { create: input.areaIds.map((areaId) => ({ areaId })) },
      },
      select: { id: true },
    });
    let incidents = 0;
    for (const o of input.observations) {
      const incident = o.categoryId
        ? await tx.incident.create({
            data: {
              municipalityId: input.municipalityId, areaId: o.areaId, place: o.place, occurredAt: startsAt, occurredUntil: endsAt, isoWeek: weekKey(startsAt),
              categoryId: o.categoryId, description: o.text, reporterOrgId: membership.organisationId, reportedById: viewer.userId, source: "ASSOCIATION",
              versions: { create: { version: 1, changedById: viewer.userId, changes: { created: true, fromNightWalk: walk.id } } },
            },
            select: { id: true },
          })
        : null;
      if (incident) incidents++;
      await tx.nightWalkObservation.create({ data: { walkId: walk.id, text: o.text, incidentId: incident?.id ?? null } });
    }
    return { id: walk.id, incidents };
  });
  await recordAudit({ userId: viewer.userId, municipalityId: input.municipalityId, action: "nightwalk:create", entityType: "night_walk", entityId: result.id });
  return result;
}
