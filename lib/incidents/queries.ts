import "server-only";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { env } from "@/lib/env";
import { can, incidentScope } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { countIncidentDays } from "@/lib/rollups/queries";
import { isApproximate } from "@/lib/geo/area-at";
import { incidentConditions, rollupCountFilter } from "./filters";
import type { TIncidentFilter } from "./schema";

export type ReportingState = "REPORTED" | "NOTHING_TO_REPORT" | "SILENT";
export const PAGE_SIZE = 50;

/** How organisations' weeks stand: incidents reported, "nothing to report", or silence. One round
 * trip of plain SQL: the report form asks on every visit (ADR 006). */
export async function weekStates(municipalityId: string, organisationIds: string[], isoWeek: string) {
  const rows = await queryRows<{ id: string; count: number; marked: string | null }>(Prisma.sql`
    SELECT o.id,
      (SELECT count(*)::int FROM incident i
        WHERE i."reporterOrgId" = o.id AND i."isoWeek" = ${isoWeek} AND i."municipalityId" = ${municipalityId}::uuid AND i.status = 'ACTIVE') AS count,
      (SELECT w.status::text FROM weekly_report w
        WHERE w."organisationId" = o.id AND w."isoWeek" = ${isoWeek} AND w."municipalityId" = ${municipalityId}::uuid) AS marked
    FROM unnest(${organisationIds}::uuid[]) AS o(id)`);
  return new Map(
    rows.map(({ id, count, marked }) => {
      const state: ReportingState = count > 0 ? "REPORTED" : marked === "NOTHING_TO_REPORT" ? "NOTHING_TO_REPORT" : "SILENT";
      return [id, { count, state }];
    }),
  );
}

/** The viewer's own organisation's reporting for a week in a municipality. */
export async function getOwnWeekStatus(viewer: Viewer, municipalityId: string, isoWeek: string) {
  const membership = viewer.memberships.find((m) => m.municipalityId === municipalityId);
  if (!membership) throw new DomainError("FORBIDDEN", "Du har ingen behörighet i den kommunen.");
  const states = await weekStates(municipalityId, [membership.organisationId], isoWeek);
  return { organisationName: membership.organisationName, ...states.get(membership.organisationId)! };
}

/** Completeness per member organisation of the municipality's EST Vecko groups, for a week. */
export async function getWeekCompleteness(viewer: Viewer, municipalityId: string, isoWeek: string) {
  if (!can(viewer, "weeklyReport:view-completeness", { municipalityId })) return null;
  // The organisations that report to the municipality's weekly group (home page, lägesbild and
  // completeness page, every view): plain SQL on the pool (ADR 006).
  const organisations = await queryRows<{ id: string; name: string }>(Prisma.sql`
    SELECT o.id, o.name FROM organisation o
    WHERE o."municipalityId" = ${municipalityId}::uuid AND o.active
      AND EXISTS (SELECT 1 FROM group_organisation go JOIN est_group g ON g.id = go."groupId"
                  WHERE go."organisationId" = o.id AND g.kind = 'VECKO' AND g."municipalityId" = ${municipalityId}::uuid)
    ORDER BY o.name, o.id`);
  const states = await weekStates(municipalityId, organisations.map((o) => o.id), isoWeek);
  return organisations.map((o) => ({ ...o, ...states.get(o.id)! }));
}

type FormOptionsRow = {
  areas: { id: string; name: string }[];
  categories: { id: string; label: string; children: { id: string; label: string }[] }[];
  lat: number | null;
  lon: number | null;
};

/** Areas and the category tree for the report form, in one round trip of plain SQL: the form is
 * the page reporters open most, and each call through the ORM costs ~2 ms of server CPU (ADR 006). */
export async function getIncidentFormOptions(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "incident:create", { municipalityId })) throw new DomainError("FORBIDDEN", "Du har ingen behörighet i den kommunen.");
  const [options] = await queryRows<FormOptionsRow>(Prisma.sql`
    SELECT
       (SELECT COALESCE(json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY a.name, a.id), '[]')
          FROM area a WHERE a."municipalityId" = ${municipalityId}::uuid) AS areas,
       (SELECT COALESCE(json_agg(json_build_object('id', c.id, 'label', c.label, 'children',
                 (SELECT COALESCE(json_agg(json_build_object('id', s.id, 'label', s.label) ORDER BY s."sortOrder", s.id), '[]')
                    FROM incident_category s WHERE s."parentId" = c.id AND s.active)) ORDER BY c."sortOrder", c.id), '[]')
          FROM incident_category c WHERE c."municipalityId" = ${municipalityId}::uuid AND c."parentId" IS NULL AND c.active) AS categories,
       -- The map opens where the municipality's latest incidents are: the newest 500 with a
       -- position (an index read), not an average over every incident it ever logged.
       recent.lat, recent.lon
     FROM (SELECT avg(latitude) AS lat, avg(longitude) AS lon FROM (
             SELECT latitude, longitude FROM incident WHERE "municipalityId" = ${municipalityId}::uuid AND latitude IS NOT NULL
             ORDER BY "occurredAt" DESC LIMIT 500) newest) recent`);
  const { areas, categories, lat, lon } = options!;
  const center: [number, number] = [lat ?? 59.33, lon ?? 18.07];
  return { areas, categories, center, tileUrl: env().MAP_TILE_URL ?? null };
}

/** What the incident list filters by – areas, top categories and the reporting organisations
 * (every reader sees a report's organisation; only the person stays hidden) – in one round trip:
 * the list is the most visited page after the report form. */
export async function getIncidentFilterOptions(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "incident:create", { municipalityId })) throw new DomainError("FORBIDDEN", "Du har ingen behörighet i den kommunen.");
  const rows = await queryRows<{ kind: "area" | "category" | "organisation"; id: string; name: string }>(Prisma.sql`
    (SELECT 'area' AS kind, id, name FROM area WHERE "municipalityId" = ${municipalityId}::uuid ORDER BY name)
    UNION ALL (SELECT 'category', id, label FROM incident_category WHERE "municipalityId" = ${municipalityId}::uuid AND "parentId" IS NULL AND active ORDER BY "sortOrder")
    UNION ALL (SELECT 'organisation', id, name FROM organisation WHERE "municipalityId" = ${municipalityId}::uuid ORDER BY name)`);
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map(({ id, name }) => ({ id, name }));
  return { areas: of("area"), categories: of("category"), organisations: of("organisation") };
}

/** Earlier places in an area, most used first, to suggest as the reporter types – only from the
 * incidents the viewer may see (an association sees its own organisation's places, not others'). */
export async function listPlaceSuggestions(viewer: Viewer, areaId: string, now = new Date()): Promise<string[]> {
  if (!isUuid(areaId)) return [];
  const area = await db().area.findUnique({ where: { id: areaId }, select: { municipalityId: true } });
  const audit = { userId: viewer.userId, action: "incident:place-suggestions", entityType: "area", entityId: areaId };
  if (!area || !can(viewer, "incident:create", { municipalityId: area.municipalityId })) {
    await recordAudit({ ...audit, outcome: "DENIED" });
    return [];
  }
  // Places are read from other reports: the access log holds each read (issue 26).
  await recordAudit({ ...audit, municipalityId: area.municipalityId });
  const rows = await db().incident.groupBy({
    by: ["place"],
    where: { AND: [incidentScope(viewer), { areaId, municipalityId: area.municipalityId, status: "ACTIVE", occurredAt: { gte: new Date(now.getTime() - 2 * 365 * 86_400_000) } }] },
    _count: { place: true },
    orderBy: { _count: { place: "desc" } },
    take: 20,
  });
  return rows.map((r) => r.place);
}

const LIST_SELECT = {
  id: true,
  occurredAt: true,
  occurredUntil: true,
  isoWeek: true,
  place: true,
  description: true,
  status: true,
  policeReported: true,
  needsFollowUp: true,
  latitude: true,
  longitude: true,
  area: { select: { name: true } },
  category: { select: { label: true } },
  subcategory: { select: { label: true } },
  reporterOrg: { select: { id: true, name: true } },
} as const;

/** One row of the list and the export: the incident and the names it is shown with. */
export type IncidentListRow = {
  id: string;
  occurredAt: Date;
  occurredUntil: Date | null;
  isoWeek: string;
  place: string;
  description: string;
  status: IncidentStatus;
  policeReported: boolean;
  needsFollowUp: boolean;
  latitude: number | null;
  longitude: number | null;
  /** False when an earlier report, within the hour, is of the same event (ADR 018). */
  eventStart: boolean;
  /** The id the reporting organisation's own system gave it (imports, the API). */
  externalId: string | null;
  area: { name: string };
  category: { label: string };
  subcategory: { label: string } | null;
  reporterOrg: { id: string; name: string };
};

type FlatRow = Omit<IncidentListRow, "area" | "category" | "subcategory" | "reporterOrg"> & {
  areaName: string;
  categoryLabel: string;
  subcategoryLabel: string | null;
  reporterOrgId: string;
  reporterOrgName: string;
};

// The list and the export run as plain SQL (ADR 006): they are the most visited pages after the
// report form, and through the ORM the page and its count cost ~9 ms of server CPU, of which
// PostgreSQL's part is under one.
const NEWEST_FIRST = Prisma.sql`ORDER BY i."occurredAt" DESC, i.id DESC`;

/** The incidents matching `where` in the lists' order, `limit` of them from `offset`, with their
 * area, category and organisation names. The page is taken from incident alone (its
 * (municipalityId, occurredAt, id) index has the lists' order) and only its rows are joined:
 * joined first, a low row estimate made the planner hash-join every incident of the period
 * before sorting (3,000 rows for a page of 50 in the bench). */
const listRows = (where: Prisma.Sql, limit: number, offset = 0) => Prisma.sql`
  SELECT i.id, i."occurredAt", i."occurredUntil", i."isoWeek", i.place, i.description, i.status::text AS status,
         i."policeReported", i."needsFollowUp", i.latitude, i.longitude, i."eventStart", i."externalId",
         a.name AS "areaName", c.label AS "categoryLabel", s.label AS "subcategoryLabel", o.id AS "reporterOrgId", o.name AS "reporterOrgName"
  FROM (SELECT * FROM incident i WHERE ${where} ${NEWEST_FIRST} LIMIT ${limit} OFFSET ${offset}) i
  JOIN area a ON a.id = i."areaId"
  JOIN incident_category c ON c.id = i."categoryId"
  LEFT JOIN incident_category s ON s.id = i."subcategoryId"
  JOIN organisation o ON o.id = i."reporterOrgId"
  ${NEWEST_FIRST}`;

const toListRow = ({ areaName, categoryLabel, subcategoryLabel, reporterOrgId, reporterOrgName, ...r }: FlatRow): IncidentListRow => ({
  ...r,
  area: { name: areaName },
  category: { label: categoryLabel },
  subcategory: subcategoryLabel === null ? null : { label: subcategoryLabel },
  reporterOrg: { id: reporterOrgId, name: reporterOrgName },
});

/** A page of incidents matching the filter, newest first, and how many match. */
export async function listIncidents(viewer: Viewer, municipalityId: string, filter: TIncidentFilter) {
  const where = incidentConditions(viewer, municipalityId, filter);
  const page = listRows(where, PAGE_SIZE, (filter.page - 1) * PAGE_SIZE);
  // Counting every matching incident costs PostgreSQL ~20 ms a view for a municipality with ten
  // years of history; where the rollup tables keep that count, they give it (ADR 008).
  // The rollups also know the events among the reports (ADR 018); where they do not answer (a
  // filter on text or organisation can split an event) the list says reports only.
  const countable = rollupCountFilter(viewer, municipalityId, filter);
  if (countable) {
    const [flat, counts] = await Promise.all([queryRows<FlatRow>(page), countIncidentDays(municipalityId, countable.days, countable.only)]);
    return { rows: flat.map(toListRow), total: counts.reports, events: counts.events as number | null, pageSize: PAGE_SIZE };
  }
  // The count is the outer row, so a page past the end still says how many there are.
  const rows = await queryRows<FlatRow & { total: number }>(Prisma.sql`
    SELECT t.total, p.* FROM (SELECT count(*)::int AS total FROM incident i WHERE ${where}) t
    LEFT JOIN LATERAL (${page}) p ON true`);
  return { rows: rows.filter((r) => r.id !== null).map(({ total: _total, ...r }) => toListRow(r)), total: rows[0]?.total ?? 0, events: null, pageSize: PAGE_SIZE };
}

/** Every matching incident in batches (keyset pagination), for a streamed export. */
export function iterateIncidents(viewer: Viewer, municipalityId: string, filter: TIncidentFilter, batch = 1000) {
  return iterateWhere(incidentConditions(viewer, municipalityId, filter), batch);
}

/**
 * Every incident of a municipality in [start, end), withdrawn ones too, for the operator's
 * export from the command line (no viewer: whoever runs the CLI runs the server).
 */
export function iterateMunicipalityIncidents(municipalityId: string, range: { start: Date; end: Date }, batch = 1000) {
  return iterateWhere(Prisma.sql`i."municipalityId" = ${municipalityId}::uuid AND i."occurredAt" >= ${range.start} AND i."occurredAt" < ${range.end}`, batch);
}

async function* iterateWhere(where: Prisma.Sql, batch: number) {
  let cursor: { occurredAt: Date; id: string } | null = null;
  for (;;) {
    const after: Prisma.Sql = cursor ? Prisma.sql`AND (i."occurredAt", i.id) < (${cursor.occurredAt}, ${cursor.id}::uuid)` : Prisma.empty;
    const flat: FlatRow[] = await queryRows<FlatRow>(listRows(Prisma.sql`${where} ${after}`, batch));
    if (flat.length === 0) return;
    const rows: IncidentListRow[] = flat.map(toListRow);
    yield rows;
    const last: IncidentListRow = rows[rows.length - 1]!;
    cursor = { occurredAt: last.occurredAt, id: last.id };
  }
}

/** The organisations of a municipality, for the list filter. */
export async function listReportingOrganisations(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "municipality:view", { municipalityId })) return [];
  return db().organisation.findMany({ where: { municipalityId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** One incident with its history. Reporter identities are shown only within the same
 * organisation and to coordinators. */
export async function getIncident(viewer: Viewer, id: string) {
  // Visibility is the list's scope; who reported it is shown only to the reporting
  // organisation and coordinators.
  const incident = isUuid(id)
    ? await db().incident.findFirst({
        where: { AND: [incidentScope(viewer), { id }] },
        select: {
          ...LIST_SELECT,
          municipalityId: true,
          areaId: true,
          categoryId: true,
          subcategoryId: true,
          version: true,
          withdrawnAt: true,
          withdrawReason: true,
          createdAt: true,
          reportedBy: { select: { name: true } },
          versions: { select: { version: true, changedAt: true, changes: true, changedBy: { select: { name: true } } }, orderBy: { version: "desc" } },
        },
      })
    : null;
  if (!incident) {
    await recordAudit({ userId: viewer.userId, action: "incident:view", entityType: "incident", entityId: id.slice(0, 64), outcome: "DENIED" });
    throw new DomainError("NOT_FOUND", "Händelsen finns inte, eller så har du inte behörighet att se den.");
  }
  await recordAudit({ userId: viewer.userId, municipalityId: incident.municipalityId, action: "incident:view", entityType: "incident", entityId: incident.id });
  const { reportedBy, versions, ...rest } = incident;
  const target = { municipalityId: incident.municipalityId, organisationId: incident.reporterOrg.id };
  const insider = can(viewer, "incident:view-reporter", target);
  return {
    ...rest,
    canEdit: can(viewer, "incident:update", target) && incident.status === "ACTIVE",
    reportedBy: insider ? (reportedBy?.name ?? null) : null,
    versions: versions.map((v) => ({
      version: v.version,
      changedAt: v.changedAt,
      changes: v.changes as Record<string, unknown>,
      changedBy: insider ? (v.changedBy?.name ?? null) : null,
    })),
  };
}

export const MAP_POINT_LIMIT = 10_000;

/** Incidents with coordinates for the map (newest first, capped), and the area outlines. */
export async function getIncidentMapData(viewer: Viewer, municipalityId: string, filter: TIncidentFilter) {
  const where = Prisma.sql`${incidentConditions(viewer, municipalityId, filter)} AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL`;
  type Point = { id: string | null; latitude: number; longitude: number; place: string; occurredAt: Date; code: string; label: string; total: number };
  const [found, areas] = await Promise.all([
    // Plain SQL like the list (ADR 006): up to 10,000 points, and their total, in one round trip.
    queryRows<Point>(Prisma.sql`
      SELECT t.total, p.* FROM (SELECT count(*)::int AS total FROM incident i WHERE ${where}) t
      LEFT JOIN LATERAL (
        SELECT i.id, i.latitude, i.longitude, i.place, i."occurredAt", c.code, c.label
        FROM incident i JOIN incident_category c ON c.id = i."categoryId"
        WHERE ${where} ORDER BY i."occurredAt" DESC, i.id DESC LIMIT ${MAP_POINT_LIMIT}) p ON true`),
    db().area.findMany({ where: { municipalityId }, select: { name: true, outline: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    total: found[0]?.total ?? 0,
    points: found
      .filter((p): p is Point & { id: string } => p.id !== null)
      .map((p) => ({ id: p.id, lat: p.latitude, lng: p.longitude, category: p.code, categoryLabel: p.label, place: p.place, label: `${p.label} – ${p.place}`, occurredAt: p.occurredAt })),
    outlines: areas.filter((a) => a.outline !== null).map((a) => ({ name: a.name, geometry: a.outline as object, approximate: isApproximate(a.outline) })),
  };
}
