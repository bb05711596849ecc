import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { shiftPeriod } from "@/lib/time/periods";
import type { ZGoalFollowUp } from "./schema";

/** The area goals of some areas with their status for a quarter and the three before it. */
export async function getGoalFollowUps(areaIds: string[], quarter: string) {
  const quarters = [0, -1, -2, -3].map((n) => shiftPeriod(quarter, n));
  const goals = await db().goal.findMany({
    where: { kind: "AREA", areaId: { in: areaIds } },
    select: {
      id: true, title: true, area: { select: { name: true } },
      followUps: { where: { quarter: { in: quarters } }, select: { quarter: true, status: true, comment: true }, orderBy: { quarter: "desc" } },
      _count: { select: { measures: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return goals.map((g) => ({ ...g, current: g.followUps.find((f) => f.quarter === quarter) ?? null, measureCount: g._count.measures }));
}

/** The Fördjupning group records a goal's status for the quarter (its coordinators). */
export async function followUpGoal(viewer: Viewer, input: z.output<typeof ZGoalFollowUp>) {
  const group = await db().estGroup.findUnique({ where: { id: input.groupId }, select: { id: true, municipalityId: true, kind: true, areas: { select: { areaId: true } } } });
  if (!group || !can(viewer, "group:manage", { municipalityId: group.municipalityId, groupId: group.id, groupKind: group.kind })) {
    throw new DomainError("FORBIDDEN", "Bara gruppens samordnare kan följa upp områdesmålen.");
  }
  const goal = await db().goal.findFirst({ where: { id: input.goalId, kind: "AREA", areaId: { in: group.areas.map((a) => a.areaId) } }, select: { id: true } });
  if (!goal) throw new DomainError("NOT_FOUND", "Målet hör inte till gruppens kommundelar.");
  await db().goalFollowUp.upsert({
    where: { goalId_quarter: { goalId: goal.id, quarter: input.quarter } },
    create: { goalId: goal.id, quarter: input.quarter, status: input.status, comment: input.comment, authorId: viewer.userId },
    update: { status: input.status, comment: input.comment, authorId: viewer.userId },
  });
  await recordAudit({ userId: viewer.userId, municipalityId: group.municipalityId, action: "goal:follow-up", entityType: "goal", entityId: goal.id });
}
