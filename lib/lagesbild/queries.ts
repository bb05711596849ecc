import "server-only";
import { cache } from "react";
import { sourceSummary } from "@/lib/tips/sources";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AreaStatusLevel, GroupKind, LagesbildStatus } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { getWeekCompleteness } from "@/lib/incidents/queries";
import { listOpenMeasures } from "@/lib/measures/queries";
import { getCoverageOfRanges } from "@/lib/coverage/queries";
import { localDayRange, periodRange, samePeriodLastYear, shiftPeriod } from "@/lib/time/periods";
import { isUuid } from "@/lib/validation/ids";
import { samePlace } from "@/lib/incidents/events";
import { buildMatrix, weekdayHourTable, type CountRow, type WeekSet } from "./draft";
import { fromLagesbildSnapshot } from "./snapshot";

const REPEAT_MIN = 3;

/** The saved judgement of a week, as every view of a lägesbild shows it. */
type Saved = {
  id: string; status: LagesbildStatus; assessment: string | null; outlook: string | null; resourceNotes: string | null; focusNotes: string | null;
  version: number; publishedAt: Date | null; updatedAt: Date;
  areaStatuses: { areaId: string; level: AreaStatusLevel; reason: string }[];
};

/** The week's saved row, if any: its judgement, and the frozen draft of a published week. */
async function loadSaved(groupId: string, week: string, withSnapshot: boolean) {
  const [row] = await queryRows<Saved & { snapshot: unknown }>(Prisma.sql`
    SELECT l.id, l.status::text AS status, l.assessment, l.outlook, l."resourceNotes", l."focusNotes", l.version, l."publishedAt", l."updatedAt",
           COALESCE((SELECT json_agg(json_build_object('areaId', s."areaId", 'level', s.level, 'reason', s.reason) ORDER BY s."areaId")
                       FROM lagesbild_area_status s WHERE s."lagesbildId" = l.id), '[]') AS "areaStatuses",
           ${withSnapshot ? Prisma.sql`l.snapshot` : Prisma.sql`NULL::jsonb`} AS snapshot
    FROM lagesbild l WHERE l."groupId" = ${groupId}::uuid AND l."periodKey" = ${week}`);
  if (!row) return null;
  const { snapshot, ...saved } = row;
  return { saved: saved satisfies Saved, snapshot };
}

type GroupRow = { id: string; name: string; kind: GroupKind; municipalityId: string; areas: { id: string; name: string }[] };

// Once per request: the page header, the draft and the history each ask for the same group. Plain
// SQL on the pool like the draft's other reads (ADR 006): this page is opened by every group
// member each week.
const loadGroup = cache(async function loadGroup(viewer: Viewer, groupId: string) {
  const [group] = isUuid(groupId)
    ? await queryRows<GroupRow>(Prisma.sql`
        SELECT g.id, g.name, g.kind::text AS kind, g."municipalityId",
               COALESCE((SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY a.name, a.id)
                           FROM group_area ga JOIN area a ON a.id = ga."areaId" WHERE ga."groupId" = g.id), '[]') AS areas
        FROM est_group g WHERE g.id = ${groupId}::uuid`)
    : [];
  const target = group ? { municipalityId: group.municipalityId, groupId: group.id, groupKind: group.kind } : null;
  if (!group || !target || !can(viewer, "lagesbild:view", target)) {
    await recordAudit({ userId: viewer.userId, action: "lagesbild:view", entityType: "group", entityId: groupId.slice(0, 64), outcome: "DENIED" });
    throw new DomainError("NOT_FOUND", "Lägesbilden finns inte, eller så har du inte behörighet att se den.");
  }
  return { group, canEdit: can(viewer, "lagesbild:edit", target) };
});

type ThisWeekRow = { id: string; place: string; areaId: string; categoryId: string; occurredAt: Date; eventStart: boolean; latitude: number | null; longitude: number | null; code: string; label: string; weekday: number; hour: number };

/** The draft for a group and ISO week: everything the meeting needs, computed from incidents.
 * `known` is the week's saved row when the caller has already read it (null: there is none). */
export async function getLagesbildDraft(viewer: Viewer, groupId: string, week: string, known?: Saved | null) {
  const { group, canEdit } = await loadGroup(viewer, groupId);
  const municipalityId = group.municipalityId;
  const areas = group.areas;
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
  const recentWeeks = [week, ...weeks.previous4.slice(0, 3)];
  const earlierWeeks = [3, 4, 5, 6].map((n) => shiftPeriod(week, -n - 1));
  // The seasonal baseline: the same week and its neighbours in each of the two years before, used
  // once both were fully reported there (ADR 017's "complete"), for this week and the one before.
  const seasonYears = [samePeriodLastYear(week), samePeriodLastYear(samePeriodLastYear(week))];
  const around = (w: string, shift: number) => [-1, 0, 1].map((n) => shiftPeriod(w, n + shift));
  const seasonal = { this: seasonYears.flatMap((w) => around(w, 0)), prior: seasonYears.flatMap((w) => around(w, -1)) };
  const allWeeks = [...new Set([week, weeks.previous, ...weeks.previous4, weeks.lastYear, ...priorWeeks.previous4, priorWeeks.lastYear, ...seasonal.this, ...seasonal.prior])];
  // The group's active incidents, as every count below reads them ((municipality, week) index).
  const inGroup = Prisma.sql`i."municipalityId" = ${municipalityId}::uuid AND i."areaId" = ANY(${areaIds}::uuid[]) AND i.status = 'ACTIVE'`;

  // The counts and the week's incidents are read on the pool as plain SQL (ADR 006): through the
  // ORM these four reads cost the page ~15 ms of server CPU, in PostgreSQL a few milliseconds.
  const [grouped, categories, thisWeek, repeats, completeness, saved, measures, lateReports, sources, seasonCoverage] = await Promise.all([
    // Every count is of events (ADR 018: reports that begin an event); the reports beside them.
    queryRows<CountRow & { reports: number }>(Prisma.sql`
      SELECT i."areaId", i."categoryId", i."isoWeek", count(*) FILTER (WHERE i."eventStart")::int AS count, count(*)::int AS reports
      FROM incident i WHERE ${inGroup} AND i."isoWeek" = ANY(${allWeeks}::text[])
      GROUP BY 1, 2, 3`),
    queryRows<{ id: string; code: string; label: string }>(Prisma.sql`
      SELECT id, code, label FROM incident_category
      WHERE "municipalityId" = ${municipalityId}::uuid AND "parentId" IS NULL ORDER BY "sortOrder", id`),
    // The week's incidents with their Stockholm weekday and hour, worked out by PostgreSQL in the
    // same read instead of per row in JavaScript.
    queryRows<ThisWeekRow>(Prisma.sql`
      SELECT i.id, i.place, i."areaId", i."categoryId", i."occurredAt", i."eventStart", i.latitude, i.longitude, c.code, c.label,
             extract(isodow FROM i."occurredAt" AT TIME ZONE 'Europe/Stockholm')::int AS weekday,
             extract(hour FROM i."occurredAt" AT TIME ZONE 'Europe/Stockholm')::int AS hour
      FROM incident i JOIN incident_category c ON c.id = i."categoryId"
      WHERE ${inGroup} AND i."isoWeek" = ${week}`),
    // Persistent places: most events over this week and the three before, with the four weeks
    // before those for the trend – a chronic hotspot shows here though no week is unusual for it.
    // One place however it is spelt (its key); shown as most of its reports spell it.
    queryRows<{ areaId: string; place: string; count: number; before: number }>(Prisma.sql`
      SELECT i."areaId", mode() WITHIN GROUP (ORDER BY i.place) AS place,
             count(*) FILTER (WHERE i."eventStart" AND i."isoWeek" = ANY(${recentWeeks}::text[]))::int AS count,
             count(*) FILTER (WHERE i."eventStart" AND NOT i."isoWeek" = ANY(${recentWeeks}::text[]))::int AS before
      FROM incident i WHERE ${inGroup} AND i."isoWeek" = ANY(${[...recentWeeks, ...earlierWeeks]}::text[])
      GROUP BY i."areaId", i."placeKey" HAVING count(*) FILTER (WHERE i."eventStart" AND i."isoWeek" = ANY(${recentWeeks}::text[])) >= ${REPEAT_MIN}
      ORDER BY 3 DESC, 2, 1 LIMIT 20`),
    getWeekCompleteness(viewer, municipalityId, week),
    known !== undefined ? known : loadSaved(groupId, week, false).then((row) => row?.saved ?? null),
    listOpenMeasures(municipalityId, groupId, areaIds),
    listLateReports(groupId, municipalityId, areaIds, week),
    // Residents' tips and associations' reports, and night walks (adult presence), beside the partners'.
    sourceSummary(municipalityId, periodRange(week), areaIds),
    getCoverageOfRanges(municipalityId, seasonYears.map((w) => ({ key: w, from: localDayRange(shiftPeriod(w, -2)).from, until: localDayRange(shiftPeriod(w, 1)).to }))),
  ]);
  const seasonComplete = seasonYears.every((w) => seasonCoverage[w]?.complete);
  if (seasonComplete) {
    weeks.seasonal = seasonal.this;
    priorWeeks.seasonal = seasonal.prior;
  }

  const matrix = buildMatrix(grouped, weeks, areaIds, categories.map((c) => c.id));
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  // The week's places, by events (one place however it was spelt); the reports beside them.
  const hotspotCounts = new Map<string, { areaId: string; place: string; count: number; reports: number }>();
  for (const i of thisWeek) {
    const key = `${i.areaId}|${samePlace(i.place)}`;
    const h = hotspotCounts.get(key) ?? { areaId: i.areaId, place: i.place, count: 0, reports: 0 };
    h.reports++;
    if (i.eventStart) h.count++;
    hotspotCounts.set(key, h);
  }
  const prior = buildMatrix(grouped, priorWeeks, areaIds, categories.map((c) => c.id));
  // Flags are judged on events: five copies of one broken-light report are one event and raise no
  // flag (issue 25). The week's reports are named beside a flag where they differ.
  const reportsOf = (areaId: string, categoryId: string) =>
    grouped.find((g) => g.areaId === areaId && g.categoryId === categoryId && g.isoWeek === week)?.reports ?? 0;
  const flags = areas.flatMap((a) =>
    categories.flatMap((c) => {
      const cell = matrix.cells[a.id]![c.id]!;
      return cell.flag.flagged ? [{ area: a, category: c, cell, reports: reportsOf(a.id, c.id), twoWeeksRunning: prior.cells[a.id]![c.id]!.flag.flagged }] : [];
    }),
  );
  return {
    group: { id: group.id, name: group.name, kind: group.kind, municipalityId },
    canEdit,
    week,
    weeks,
    areas,
    categories,
    matrix,
    // The two earlier years the flags are also judged against, or null until both are complete.
    seasonYears: seasonComplete ? seasonYears.map((w) => w.slice(0, 4)).reverse() : null,
    flags,
    // The last six weeks in the group's areas, oldest first, for the trend chart.
    trend: (() => {
      const keys = [5, 4, 3, 2, 1, 0].map((n) => shiftPeriod(week, -n));
      const totals = new Map<string, number>();
      for (const g of grouped) totals.set(g.isoWeek, (totals.get(g.isoWeek) ?? 0) + g.count);
      return { weeks: keys, totals: keys.map((k) => totals.get(k) ?? 0) };
    })(),
    hotspots: [...hotspotCounts.values()].sort((a, b) => b.count - a.count || b.reports - a.reports).slice(0, 10).map((h) => ({ ...h, areaName: areaName.get(h.areaId) ?? "" })),
    // `before` is null in weeks published before it was recorded (lib/lagesbild/snapshot.ts).
    repeatPlaces: repeats.map((r) => ({ areaId: r.areaId, areaName: areaName.get(r.areaId) ?? "", place: r.place, count: r.count, before: r.before as number | null })),
    weekdayHour: weekdayHourTable(thisWeek),
    completeness,
    measures,
    lateReports,
    sources: sources as typeof sources | null,
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
  // A report is late when it arrived after its week's publication and after the publication of
  // the week just before this one (what that draft showed as late is not repeated here).
  return queryRows<{ id: string; isoWeek: string; occurredAt: Date; place: string; area: { name: string }; category: { label: string } }>(Prisma.sql`
    WITH published AS (
      SELECT "periodKey", "publishedAt" FROM lagesbild
      WHERE "groupId" = ${groupId}::uuid AND "periodKey" = ANY(${earlier}::text[]) AND status = 'PUBLISHED' AND "publishedAt" IS NOT NULL)
    SELECT i.id, i."isoWeek", i."occurredAt", i.place, json_build_object('name', a.name) AS area, json_build_object('label', c.label) AS category
    FROM incident i
    JOIN published p ON p."periodKey" = i."isoWeek"
    JOIN area a ON a.id = i."areaId"
    JOIN incident_category c ON c.id = i."categoryId"
    WHERE i."municipalityId" = ${municipalityId}::uuid AND i."areaId" = ANY(${areaIds}::uuid[]) AND i.status = 'ACTIVE'
      AND i."createdAt" > GREATEST(p."publishedAt", COALESCE((SELECT "publishedAt" FROM published WHERE "periodKey" = ${earlier[0]!}), '-infinity'))
    ORDER BY i."occurredAt", i.id
    LIMIT 50`);
}

/**
 * The lägesbild of a group and week as people should see it: a published week exactly as it was
 * frozen (later edits and late reports do not change it), otherwise the live draft.
 */
export async function getLagesbild(viewer: Viewer, groupId: string, week: string): Promise<LagesbildDraft & { published: boolean }> {
  const { group } = await loadGroup(viewer, groupId);
  await recordAudit({ userId: viewer.userId, municipalityId: group.municipalityId, action: "lagesbild:view", entityType: "lagesbild", entityId: `${groupId}:${week}` });
  return lagesbildAsShown(viewer, groupId, week);
}

/** The week as getLagesbild shows it, without recording a view (the group page's flag overview
 * reads eight weeks; the page itself is the view). */
export async function lagesbildAsShown(viewer: Viewer, groupId: string, week: string): Promise<LagesbildDraft & { published: boolean }> {
  await loadGroup(viewer, groupId); // the viewer's access, also for a frozen week (once per request)
  const row = await loadSaved(groupId, week, true);
  if (!row?.snapshot || row.saved.status !== "PUBLISHED") return { ...(await getLagesbildDraft(viewer, groupId, week, row?.saved ?? null)), published: false };
  return { ...fromLagesbildSnapshot(row.snapshot), saved: row.saved, canEdit: false, published: true };
}

/** The group's weeks that have a saved or published lägesbild, newest first. */
export async function listLagesbildWeeks(viewer: Viewer, groupId: string) {
  await loadGroup(viewer, groupId);
  return db().lagesbild.findMany({ where: { groupId }, select: { periodKey: true, status: true, publishedAt: true }, orderBy: { periodKey: "desc" }, take: 104 });
}

/** What a week's document header and PDF need, with the same access rule as the page. */
export async function getLagesbildHead(viewer: Viewer, groupId: string, week: string) {
  const { group } = await loadGroup(viewer, groupId);
  const row = await db().lagesbild.findUnique({
    where: { groupId_periodKey: { groupId, periodKey: week } },
    select: { id: true, status: true, version: true, publishedAt: true, publishedById: true },
  });
  const publishedBy = row?.publishedById ? await db().user.findUnique({ where: { id: row.publishedById }, select: { name: true } }) : null;
  return { group, id: row?.id ?? null, published: row?.status === "PUBLISHED", version: row?.version ?? 0, publishedAt: row?.publishedAt ?? null, publishedBy: publishedBy?.name ?? null };
}
