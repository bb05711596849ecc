import "server-only";
import { db } from "@/lib/db";
import type { ValidRow } from "./row";

const BATCH = 5000;

/**
 * Writes validated rows in one transaction, in batches of parameterised multi-row statements
 * (unnest of arrays). Rows with an external_id update the incident the same organisation sent
 * before; each write adds a version row.
 */
export async function writeRows(municipalityId: string, rows: ValidRow[], onBatch?: (done: number) => void) {
  return db().$transaction(
    async (tx) => {
      let inserted = 0;
      let updated = 0;
      const ids: string[] = [];
      for (let i = 0; i < rows.length; i += BATCH) {
        const b = rows.slice(i, i + BATCH);
        const result = await tx.$queryRaw<{ id: string; inserted: boolean; version: number }[]>`
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
          RETURNING id, (xmax = 0) AS inserted, version`;
        await tx.$executeRaw`
          INSERT INTO incident_version ("incidentId", version, changes)
          SELECT i, v, jsonb_build_object('imported', true)
          FROM unnest(${result.map((r) => r.id)}::uuid[], ${result.map((r) => r.version)}::int[]) AS t(i, v)`;
        const fresh = result.filter((r) => r.inserted).length;
        inserted += fresh;
        ids.push(...result.map((r) => r.id));
        updated += result.length - fresh;
        onBatch?.(Math.min(i + BATCH, rows.length));
      }
      return { inserted, updated, ids };
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
}
