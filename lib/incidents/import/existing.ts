import "server-only";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ImportStatus, ValidRow } from "./row";

/** A stored incident an imported row refers to, with what the row may change. */
export type StoredIncident = {
  id: string;
  reporterOrgId: string;
  areaId: string;
  place: string;
  occurredAt: Date;
  categoryId: string;
  description: string;
  latitude: number | null;
  longitude: number | null;
  externalId: string | null;
  status: ImportStatus;
};

/**
 * The stored incidents of the municipality that rows refer to, by the row's index: by `id` where
 * the row has one (only within the municipality: an id of another municipality finds nothing),
 * else by (reporter_org, external_id). One statement for the chunk; both lookups use a unique index.
 */
export async function findExisting(municipalityId: string, rows: ValidRow[]): Promise<Map<number, StoredIncident>> {
  const refs = rows.map((r, i) => ({ i, id: r.id, org: r.reporterOrgId, ext: r.externalId })).filter((r) => r.id || r.ext);
  if (refs.length === 0) return new Map();
  // A lateral lookup per row: one probe of a unique index each, whatever the planner's statistics
  // say right after a large import (a join planned from stale counts scanned the whole table).
  const found = await queryRows<StoredIncident & { i: number }>(Prisma.sql`
    SELECT t.i, inc.* FROM unnest(${refs.map((r) => r.i)}::int[], ${refs.map((r) => r.id)}::uuid[], ${refs.map((r) => r.org)}::uuid[], ${refs.map((r) => r.ext)}::text[]) AS t(i, id, org, ext)
    CROSS JOIN LATERAL (
      SELECT x.id, x."reporterOrgId", x."areaId", x.place, x."occurredAt", x."categoryId", x.description, x.latitude, x.longitude, x."externalId", x.status::text AS status
      FROM incident x WHERE t.id IS NOT NULL AND x.id = t.id AND x."municipalityId" = ${municipalityId}::uuid
      UNION ALL
      SELECT x.id, x."reporterOrgId", x."areaId", x.place, x."occurredAt", x."categoryId", x.description, x.latitude, x.longitude, x."externalId", x.status::text
      FROM incident x WHERE t.id IS NULL AND x."reporterOrgId" = t.org AND x."externalId" = t.ext AND x."municipalityId" = ${municipalityId}::uuid
      -- Each side finds at most one (both keys are unique); LIMIT keeps the planner from
      -- flattening the probe into a join.
      LIMIT 1
    ) inc`);
  return new Map(found.map(({ i, ...incident }) => [i, incident]));
}

/** Whether importing the row would change nothing of the stored incident. */
export function sameAsStored(stored: StoredIncident, row: ValidRow): boolean {
  return (
    stored.areaId === row.areaId &&
    stored.place === row.place &&
    stored.occurredAt.getTime() === row.occurredAt.getTime() &&
    stored.categoryId === row.categoryId &&
    stored.description === row.description &&
    stored.latitude === row.latitude &&
    stored.longitude === row.longitude &&
    (row.id === null || stored.externalId === row.externalId) &&
    (row.status === null || stored.status === row.status)
  );
}
