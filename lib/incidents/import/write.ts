import "server-only";
import { db } from "@/lib/db";
import type { ValidRow } from "./row";

const BATCH = 5000;

type Written = { id: string; inserted: boolean; version: number };
/** An access-log row written by the same statement as the first batch (the API's one incident). */
export type WriteAudit = { action: string; entityType: string; entityId: string; ip: string | null };
type Queryable = Pick<ReturnType<typeof db>, "$queryRaw">;

/** One batch as one statement: the incidents and their version rows, atomic on its own. */
function writeBatch(q: Queryable, municipalityId: string, b: ValidRow[], audit?: WriteAudit) {
  return q.$queryRaw<Written[]>`
    WITH written AS (
      INSERT INTO incident ("municipalityId", "areaId", place, "occurredAt", "isoWeek", "categoryId", description,
                            "reporterOrgId", latitude, longitude, "externalId", "updatedAt")
      SELECT ${municipalityId}::uuid, a, p, o, w, c, d, r, lat, lon, e, now()
      FROM unnest(${b.map((x) => x.areaId)}::uuid[], ${b.map((x) => x.place)}::text[], ${b.map((x) => x.occurredAt)}::timestamptz[],
                  ${b.map((x) => x.isoWeek)}::text[], ${b.map((x) => x.categoryId)}::uuid[], ${b.map((x) => x.description)}::text[],
                  ${b.map((x) => x.reporterOrgId)}::uuid[], ${b.map((x) => x.latitude)}::float8[], ${b.map((x) => x.longitude)}::float8[],
                  ${b.map((x) => x.externalId)}::text[])
           AS t(a, p, o, w, c, d, r, lat, lon, e)
      ON CONFLICT ("reporterOrgId", "externalId") DO UPDATE SET
        "areaId" = EXCLUDED."areaId", place = EXCLUDED.place, "occurredAt" = EXCLUDED."occurredAt", "isoWeek" = EXCLUDED."isoWeek",
        "categoryId" = EXCLUDED."categoryId", description = EXCLUDED.description, latitude = EXCLUDED.latitude,
        longitude = EXCLUDED.longitude, version = incident.version + 1, "updatedAt" = now()
      RETURNING id, (xmax = 0) AS inserted, version
    ), versions AS (
      INSERT INTO incident_version ("incidentId", version, changes)
      SELECT id, version, jsonb_build_object('imported', true) FROM written
    ), logged AS (
      INSERT INTO audit_event ("municipalityId", action, "entityType", "entityId", ip)
      SELECT ${municipalityId}::uuid, ${audit?.action ?? ""}, ${audit?.entityType ?? null}, ${audit?.entityId ?? null}, ${audit?.ip ?? null}
      WHERE ${audit !== undefined}
    )
    SELECT id, inserted, version FROM written`;
}

/**
 * Writes validated rows in batches of one parameterised multi-row statement each (unnest of
 * arrays). Rows with an external_id update the incident the same organisation sent before; each
 * write adds a version row, and `audit` an access-log row. Several batches share one transaction; a single batch (every API
 * call) is one statement, with no transaction round trips around it.
 */
export async function writeRows(municipalityId: string, rows: ValidRow[], onBatch?: (done: number) => void, audit?: WriteAudit) {
  const run = async (q: Queryable) => {
    let inserted = 0;
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += BATCH) {
      const result = await writeBatch(q, municipalityId, rows.slice(i, i + BATCH), i === 0 ? audit : undefined);
      inserted += result.filter((r) => r.inserted).length;
      ids.push(...result.map((r) => r.id));
      onBatch?.(Math.min(i + BATCH, rows.length));
    }
    return { inserted, updated: ids.length - inserted, ids };
  };
  if (rows.length <= BATCH) return run(db());
  return db().$transaction((tx) => run(tx), { timeout: 600_000, maxWait: 10_000 });
}
