import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import { periodRange, shiftPeriod } from "@/lib/time/periods";
import { assertTertialVisible } from "./tertial";

const LIMIT = 500;

/** Which figure of an analysis to open: a tertial shown in it and, optionally, a cell. */
export const ZDrillFilter = z.object({
  slot: z.string().regex(/^\d{4}-T[1-3]$/),
  areaId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  place: z.string().max(200).optional(),
  weekday: z.coerce.number().int().min(1).max(7).optional(),
  hour: z.coerce.number().int().min(0).max(23).optional(),
});
export type DrillFilter = z.output<typeof ZDrillFilter>;

/**
 * The incidents behind one figure of a tertial analysis: from the approval snapshot once approved
 * (so the list matches the approved number even after later edits), else live.
 */
export async function drillDown(viewer: Viewer, municipalityId: string, tertial: string, filter: DrillFilter) {
  assertTertialVisible(viewer, municipalityId, tertial);
  const shown = Array.from({ length: 6 }, (_, i) => shiftPeriod(tertial, -i));
  if (!shown.includes(filter.slot)) throw new DomainError("NOT_FOUND", "Siffran finns inte i analysen.");
  const approved = await db().tertialAnalysis.findFirst({ where: { municipalityId, tertial, status: "APPROVED" }, select: { id: true } });
  const local = Prisma.sql`("s"."occurredAt" AT TIME ZONE 'Europe/Stockholm')`;
  const where = [
    filter.areaId ? Prisma.sql`"s"."areaId" = ${filter.areaId}::uuid` : null,
    filter.categoryId ? Prisma.sql`"s"."categoryId" = ${filter.categoryId}::uuid` : null,
    // A place however it is spelt, as the analysis groups places (ADR 018).
    filter.place !== undefined ? Prisma.sql`est_place_key("s"."place") = est_place_key(${filter.place})` : null,
    filter.weekday ? Prisma.sql`extract(isodow FROM ${local}) = ${filter.weekday}` : null,
    filter.hour !== undefined ? Prisma.sql`extract(hour FROM ${local}) = ${filter.hour}` : null,
  ].filter((c): c is Prisma.Sql => c !== null);
  const { start, end } = periodRange(filter.slot);
  const source = approved
    ? Prisma.sql`SELECT "incidentId" AS "id", "areaId", "categoryId", "place", "occurredAt", "eventStart" FROM "tertial_snapshot_incident" WHERE "analysisId" = ${approved.id}::uuid AND "tertial" = ${filter.slot}`
    : Prisma.sql`SELECT "id", "areaId", "categoryId", "place", "occurredAt", "eventStart" FROM "incident" WHERE "municipalityId" = ${municipalityId}::uuid AND "status" = 'ACTIVE' AND "occurredAt" >= ${start} AND "occurredAt" < ${end}`;
  const rows = await db().$queryRaw<{ id: string; occurredAt: Date; place: string; area: string; category: string; description: string; status: string; total: number; events: number }[]>`
    SELECT "s"."id", "s"."occurredAt", "s"."place", "a"."name" AS "area", "c"."label" AS "category", "i"."description", "i"."status"::text AS "status",
           count(*) OVER ()::int AS "total", count(*) FILTER (WHERE "s"."eventStart") OVER ()::int AS "events"
    FROM (${source}) "s"
    JOIN "incident" "i" ON "i"."id" = "s"."id"
    JOIN "area" "a" ON "a"."id" = "s"."areaId"
    JOIN "incident_category" "c" ON "c"."id" = "s"."categoryId"
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}
    ORDER BY "s"."occurredAt" DESC
    LIMIT ${LIMIT}`;
  // The figure counts events; the list shows every report behind it.
  return { fromSnapshot: Boolean(approved), total: rows[0]?.total ?? 0, events: rows[0]?.events ?? 0, shown: rows.length, incidents: rows.map(({ total: _t, events: _e, ...r }) => r) };
}

/** Names for the drill-down's heading, only from the viewer's municipality. */
export async function drillLabels(municipalityId: string, areaId?: string, categoryId?: string) {
  const [area, category] = await Promise.all([
    areaId ? db().area.findFirst({ where: { id: areaId, municipalityId }, select: { name: true } }) : null,
    categoryId ? db().incidentCategory.findFirst({ where: { id: categoryId, municipalityId }, select: { label: true } }) : null,
  ]);
  return { area: area?.name, category: category?.label };
}
