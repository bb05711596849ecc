import "server-only";
import { db } from "@/lib/db";

/**
 * Incidents in an Insats's areas since it opened (until it closed, or now), against the same
 * length of time just before as a baseline, and the same length after closing.
 */
export async function getInsatsScopeCounts(group: { municipalityId: string; areaIds: string[]; openedAt: Date; closedAt: Date | null }, now = new Date()) {
  const duringEnd = group.closedAt ?? now;
  const length = duringEnd.getTime() - group.openedAt.getTime();
  const windows = {
    before: { start: new Date(group.openedAt.getTime() - length), end: group.openedAt },
    during: { start: group.openedAt, end: duringEnd },
    after: group.closedAt ? { start: group.closedAt, end: new Date(Math.min(now.getTime(), group.closedAt.getTime() + length)) } : null,
  };
  const count = async (w: { start: Date; end: Date } | null) =>
    w ? db().incident.count({ where: { municipalityId: group.municipalityId, areaId: { in: group.areaIds }, status: "ACTIVE", occurredAt: { gte: w.start, lt: w.end } } }) : null;
  const [before, during, after] = await Promise.all([count(windows.before), count(windows.during), count(windows.after)]);
  return { windows, before: before!, during: during!, after };
}
