import "server-only";
import { db } from "@/lib/db";
import { toLocalInputs } from "@/lib/time/format";

/** Open actions (planned or ongoing) in the given areas or decided by the group, soonest due first,
 * each with its latest follow-up. Callers check access to the group first. */
export async function listOpenMeasures(municipalityId: string, groupId: string, areaIds: string[], now = new Date()) {
  const rows = await db().measure.findMany({
    where: { municipalityId, status: { in: ["PLANNED", "ONGOING"] }, OR: [{ areaId: { in: areaIds } }, { groupId }] },
    select: {
      id: true, title: true, status: true, dueDate: true, responsibleName: true, place: true,
      area: { select: { name: true } }, ownerOrg: { select: { name: true } },
      lagesbild: { select: { periodKey: true } },
      followUps: { select: { date: true, text: true }, orderBy: { date: "desc" }, take: 1 },
    },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 100,
  });
  const today = toLocalInputs(now).date;
  return rows.map(({ followUps, ...m }) => ({
    ...m,
    overdue: m.dueDate !== null && m.dueDate.toISOString().slice(0, 10) < today,
    latestFollowUp: followUps[0] ?? null,
  }));
}
