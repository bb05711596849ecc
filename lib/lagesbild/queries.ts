import "server-only";
import { cache } from "react";
import { sourceSummary } from "@/lib/tips/sources";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { getWeekCompleteness } from "@/lib/incidents/queries";
import { listOpenMeasures } from "@/lib/measures/queries";
import { periodRange, samePeriodLastYear, shiftPeriod } from "@/lib/time/periods";
import { isUuid } from "@/lib/validation/ids";
import { buildMatrix, weekdayHourTable, type WeekSet } from "./draft";

const REPEAT_MIN = 3;

/** The saved judgement of a week, as every view of a lägesbild shows it. */
const SAVED_SELECT = {
  id: true, status: true, assessment: true, outlook: true, resourceNotes: true, focusNotes: true, version: true, publishedAt: true, updatedAt: true,
  areaStatuses: { select: { areaId: true, level: true, reason: true } },
} as const;

// Once per request: the page header, the draft and the history each ask for the same group.
const loadGroup = cache(async function loadGroup(viewer: Viewer, groupId: string) {
  const group = isUuid(groupId)
    ? await db().estGroup.findUnique({
        where: { id: groupId },
        select: { id: true, name: true, kind: true, municipalityId: true, areas: { select: { area: { select: { id: true, name: true } } }, orderBy: { area: { name: "asc" } } } },
      })
    : null;
  const target = group ? { municipalityId: group.municipalityId, groupId: group.id, groupKind: group.kind } : null;
  if (!group || !target || !can(viewer, "lagesbild:view", target)) {
    await recordAudit({ userId: viewer.userId, action: "lagesbild:view", entityType: "group", entityId: groupId.slice(0, 64), outcome: "DENIED" });
    throw new DomainError("NOT_FOUND", "Lägesbilden finns inte, eller så har du inte behörighet att se den.");
  }
  return { group, canEdit: can(viewer, "lagesbild:edit", target) };
});

/** The draft for a group and ISO week: everything the meeting needs, computed from incidents. */
export async function getLagesbildDraft(viewer: Viewer, groupId: string, week: string) {
  const { group, canEdit } = await loadGroup(viewer, groupId);
  const municipalityId = group.municipalityId;
  const areas = group.areas.map((a) => a.area);
  const areaIds = areas.map((a) => a.id);
  const weeks: WeekSet = {
    week,
    previous: shiftPeriod(week, -1),
    previous4: [1, 2, 3, 4].map((n) => shiftPeriod(week, -n)),
    lastYear: samePeriodLastYear(week),
  };
  // The week before is judged by the same rule, to tell a flag that persists (two weeks running).
  const priorWeeks: WeekSet = {
    week: weeks.previous,
    previous: shiftPeriod(week, -2),
    previous4: [2, 3, 4, 5].map((n) => shiftPeriod(week, -n)),
    lastYear: samePeriodLastYear(weeks.previous),
  };
  const allWeeks = [...new Set([week, weeks.previous, ...weeks.previous4, weeks.lastYear, ...priorWeeks.previous4, priorWeeks.lastYear])];
  const scope = { municipalityId, areaId: { in: areaIds }, status: "ACTIVE" as const };

  const [grouped, categories, thisWeek, repeats, completeness, saved, measures, lateReports, sources] = await Promise.all([
    db().incident.groupBy({ by: ["areaId", "categoryId", "isoWeek"], where: { ...scope, isoWeek: { in: allWeeks } }, _count: { _all: true } }),
    db().incidentCategory.findMany({ where: { municipalityId, parentId: null }, select: { id: true, code: true, label: true }, orderBy: { sortOrder: "asc" } }),
    // Raw SQL (ADR 006): the week's incidents with their Stockholm weekday and hour, worked out
    // by PostgreSQL in the same read instead of per row in JavaScript.
    db().$queryRaw<{ id: string; place: string; areaId: string; latitude: number | null; longitude: number | null; code: string; label: string; weekday: number; hour: number }[]>`
      SELECT i.id, i.place, i."areaId", i.latitude, i.longitude, c.code, c.label,
             extract(isodow FROM i."occurredAt" AT TIME ZONE 'Europe/Stockholm')::int AS weekday,
             extract(hour FROM i."occurredAt" AT TIME ZONE 'Europe/Stockholm')::int AS hour
      FROM incident i JOIN incident_category c ON c.id = i."categoryId"
      WHERE i."municipalityId" = ${municipalityId}::uuid AND i."areaId" = ANY(${areaIds}::uuid[]) AND i.status = 'ACTIVE' AND i."isoWeek" = ${week}`,
    db().incident.groupBy({
      by: ["areaId", "place"],
      where: { ...scope, isoWeek: { in: [week, ...weeks.previous4.slice(0, 3)] } },
      _count: { _all: true },
      having: { place: { _count: { gte: REPEAT_MIN } } },
      orderBy: { _count: { place: "desc" } },
      take: 20,
    }),
    getWeekCompleteness(viewer, municipalityId, week),
    db().lagesbild.findUnique({
      where: { groupId_periodKey: { groupId, periodKey: week } },
      select: SAVED_SELECT,
    }),
    listOpenMeasures(municipalityId, groupId, areaIds),
    listLateReports(groupId, municipalityId, areaIds, week),
    // Residents' tips and associations' reports, and night walks (adult presence), beside the partners'.
    sourceSummary(municipalityId, periodRange(week), areaIds),
  ]);

  const rows = grouped.map((g) => ({ areaId: g.areaId, categoryId: g.categoryId, isoWeek: g.isoWeek, count: g._count._all }));
  const matrix = buildMatrix(rows, weeks, areaIds, categories.map((c) => c.id));
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  const hotspotCounts = new Map<string, { areaId: string; place: string; count: number }>();
  for (const i of thisWeek) {
    const key = `${i.areaId}|${i.place}`;
    const h = hotspotCounts.get(key) ?? { areaId: i.areaId, place: i.place, count: 0 };
    h.count++;
    hotspotCounts.set(key, h);
  }
  const prior = buildMatrix(rows, priorWeeks, areaIds, categories.map((c) => c.id));
  const flags = areas.flatMap((a) =>
    categories
      .filter((c) => matrix.cells[a.id]![c.id]!.flag.flagged)
      .map((c) => ({ area: a, category: c, cell: matrix.cells[a.id]![c.id]!, twoWeeksRunning: prior.cells[a.id]![c.id]!.flag.flagged })),
  );
  return {
    group: { id: group.id, name: group.name, kind: group.kind, municipalityId },
    canEdit,
    week,
    weeks,
    areas,
    categories,
    matrix,
    flags,
    // The last six weeks in the group's areas, oldest first, for the trend chart.
    trend: (() => {
      const keys = [5, 4, 3, 2, 1, 0].map((n) => shiftPeriod(week, -n));
      const totals = new Map<string, number>();
      for (const g of grouped) totals.set(g.isoWeek, (totals.get(g.isoWeek) ?? 0) + g._count._all);
      return { weeks: keys, totals: keys.map((k) => totals.get(k) ?? 0) };
    })(),
    hotspots: [...hotspotCounts.values()].sort((a, b) => b.count - a.count).slice(0, 10).map((h) => ({ ...h, areaName: areaName.get(h.areaId) ?? "" })),
    repeatPlaces: repeats.map((r) => ({ areaId: r.areaId, areaName: areaName.get(r.areaId) ?? "", place: r.place, count: r._count._all })),
    weekdayHour: weekdayHourTable(thisWeek),
    completeness,
    measures,
    lateReports,
    sources,
    points: thisWeek.filter((i) => i.latitude !== null && i.longitude !== null).map((i) => ({ id: i.id, lat: i.latitude!, lng: i.longitude!, category: i.code, label: `${i.label} – ${i.place}` })),
    saved,
  };
}

export type LagesbildDraft = Awaited<ReturnType<typeof getLagesbildDraft>>;

/**
 * Reports about earlier, already published weeks that arrived after that publication (and after
 * the previous week's): they never change a published lägesbild, so they are shown in this
 * draft, marked "efterrapporterad".
 */
async function listLateReports(groupId: string, municipalityId: string, areaIds: string[], week: string) {
  const earlier = Array.from({ length: 8 }, (_, i) => shiftPeriod(week, -(i + 1)));
  const published = await db().lagesbild.findMany({
    where: { groupId, periodKey: { in: earlier }, status: "PUBLISHED", publishedAt: { not: null } },
    select: { periodKey: true, publishedAt: true },
  });
  if (published.length === 0) return [];
  const previous = published.find((p) => p.periodKey === earlier[0])?.publishedAt?.getTime() ?? 0;
  return db().incident.findMany({
    where: {
      municipalityId,
      areaId: { in: areaIds },
      status: "ACTIVE",
      OR: published.map((p) => ({ isoWeek: p.periodKey, createdAt: { gt: new Date(Math.max(p.publishedAt!.getTime(), previous)) } })),
    },
    select: { id: true, isoWeek: true, occurredAt: true, place: true, area: { select: { name: true } }, category: { select: { label: true } } },
    orderBy: { occurredAt: "asc" },
    take: 50,
  });
}

/**
 * The lägesbild of a group and week as people should see it: a published week exactly as it was
 * frozen (later edits and late reports do not change it), otherwise the live draft.
 */
export async function getLagesbild(viewer: Viewer, groupId: string, week: string): Promise<LagesbildDraft & { published: boolean }> {
  const { group } = await loadGroup(viewer, groupId);
  await recordAudit({ userId: viewer.userId, municipalityId: group.municipalityId, action: "lagesbild:view", entityType: "lagesbild", entityId: `${groupId}:${week}` });
  const row = await db().lagesbild.findUnique({ where: { groupId_periodKey: { groupId, periodKey: week } }, select: { status: true, snapshot: true } });
  if (row?.status !== "PUBLISHED") return { ...(await getLagesbildDraft(viewer, groupId, week)), published: false };
  const saved = await db().lagesbild.findUniqueOrThrow({
    where: { groupId_periodKey: { groupId, periodKey: week } },
    select: SAVED_SELECT,
  });
  return { ...(row.snapshot as unknown as LagesbildDraft), saved, canEdit: false, published: true };
}

/** The group's weeks that have a saved or published lägesbild, newest first. */
export async function listLagesbildWeeks(viewer: Viewer, groupId: string) {
  await loadGroup(viewer, groupId);
  return db().lagesbild.findMany({ where: { groupId }, select: { periodKey: true, status: true, publishedAt: true }, orderBy: { periodKey: "desc" }, take: 104 });
}
