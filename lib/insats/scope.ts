import "server-only";
import { db } from "@/lib/db";
import { isPeriodKey, periodRange } from "@/lib/time/periods";

const DAY = 86_400_000;
const WEEK = 7 * DAY;
type Window = { start: Date; end: Date };

/** The week whose flag an Insats was opened from (its `evidence`), or null. */
export function flaggedWeekOf(evidence: unknown): string | null {
  const week = (evidence as { week?: unknown } | null)?.week;
  return typeof week === "string" && isPeriodKey(week, "week") ? week : null;
}

/** Whether two windows (in weeks) differ by an hour or more: then they are compared per week. */
export const windowsDiffer = (beforeWeeks: number, duringWeeks: number) => Math.abs(beforeWeeks - duringWeeks) >= 1 / (7 * 24);

/**
 * Events in an Insats's areas since it opened (until it closed, or now), against a baseline just
 * before, and the same length after closing. The baseline is as long as the Insats has run, and
 * reaches back at least to the start of the week whose flag opened it: a new Insats is compared
 * with the evidence it came from, not with an empty window ("Före 0 / Under 0").
 *
 * Events, not reports (ADR 018). When the windows differ in length the comparison is per week,
 * and there is none until the Insats has run a whole week: a day's count says nothing yet.
 */
export async function getInsatsScopeCounts(group: { municipalityId: string; areaIds: string[]; openedAt: Date; closedAt: Date | null; flaggedWeek?: string | null }, now = new Date()) {
  const duringEnd = group.closedAt ?? now;
  const length = Math.max(0, duringEnd.getTime() - group.openedAt.getTime());
  const flaggedFrom = group.flaggedWeek ? periodRange(group.flaggedWeek).start.getTime() : Infinity;
  const windows: { before: Window; during: Window; after: Window | null } = {
    before: { start: new Date(Math.min(group.openedAt.getTime() - length, flaggedFrom)), end: group.openedAt },
    during: { start: group.openedAt, end: duringEnd },
    after: group.closedAt ? { start: group.closedAt, end: new Date(Math.min(now.getTime(), group.closedAt.getTime() + length)) } : null,
  };
  const count = async (w: Window | null) =>
    w ? db().incident.count({ where: { municipalityId: group.municipalityId, areaId: { in: group.areaIds }, status: "ACTIVE", eventStart: true, occurredAt: { gte: w.start, lt: w.end } } }) : null;
  const [before, during, after] = await Promise.all([count(windows.before), count(windows.during), count(windows.after)]);
  const weeks = (w: Window) => (w.end.getTime() - w.start.getTime()) / WEEK;
  const sameLength = !windowsDiffer(weeks(windows.before), weeks(windows.during));
  return {
    windows,
    before: before!,
    during: during!,
    after,
    weeks: { before: weeks(windows.before), during: weeks(windows.during) },
    /** How the two compare: counts when the windows are equally long, else events per week;
     * null until the Insats has run a week. */
    comparison: weeks(windows.during) < 1 ? null : sameLength
      ? { per: "window" as const, before: before!, during: during! }
      : { per: "week" as const, before: before! / weeks(windows.before), during: during! / weeks(windows.during) },
  };
}
export type InsatsScope = Awaited<ReturnType<typeof getInsatsScopeCounts>>;
