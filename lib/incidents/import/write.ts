import "server-only";
import { type db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ValidRow } from "./row";

const BATCH = 5000;

/**
 * The id a new row gets and whether it is a copy of an event begun by an earlier row of the same
 * file. Stored already marked, a copy is not written twice (inserted as beginning an event, then
 * corrected by the database's event trigger); the trigger checks every mark (ADR 018).
 */
export type EventMark = { id: string; copy: boolean };
type Written = { id: string; inserted: boolean; version: number };
/** An access-log row written by the same statement as the rows (the API's one incident). */
export type WriteAudit = { action: string; entityType: string; entityId: string; ip: string | null; forwardedFor: string | null };
type Queryable = Pick<ReturnType<typeof db>, "$queryRaw">;

/** One batch as one statement: the incidents and their version rows, atomic on its own. */
function batchStatement(municipalityId: string, b: ValidRow[], marks: EventMark[] = [], audit?: WriteAudit) {
  return Prisma.sql`
    WITH written AS (
      INSERT INTO incident (id, "municipalityId", "areaId", place, "occurredAt", "isoWeek", "categoryId", description,
                            "reporterOrgId", latitude, longitude, "externalId", "eventStart", "updatedAt")
      SELECT coalesce(id, gen_random_uuid()), ${municipalityId}::uuid, a, p, o, w, c, d, r, lat, lon, e, NOT coalesce(copy, false), now()
      FROM unnest(${b.map((x) => x.areaId)}::uuid[], ${b.map((x) => x.place)}::text[], ${b.map((x) => x.occurredAt)}::timestamptz[],
                  ${b.map((x) => x.isoWeek)}::text[], ${b.map((x) => x.categoryId)}::uuid[], ${b.map((x) => x.description)}::text[],
                  ${b.map((x) => x.reporterOrgId)}::uuid[], ${b.map((x) => x.latitude)}::float8[], ${b.map((x) => x.longitude)}::float8[],
                  ${b.map((x) => x.externalId)}::text[],
                  ${marks.map((m) => m.id)}::uuid[], ${marks.map((m) => m.copy)}::boolean[])
           AS t(a, p, o, w, c, d, r, lat, lon, e, id, copy)
      ON CONFLICT ("reporterOrgId", "externalId") DO UPDATE SET
        "areaId" = EXCLUDED."areaId", place = EXCLUDED.place, "occurredAt" = EXCLUDED."occurredAt", "isoWeek" = EXCLUDED."isoWeek",
        "categoryId" = EXCLUDED."categoryId", description = EXCLUDED.description, latitude = EXCLUDED.latitude,
        longitude = EXCLUDED.longitude, version = incident.version + 1, "updatedAt" = now()
      RETURNING id, (xmax = 0) AS inserted, version
    ), versions AS (
      INSERT INTO incident_version ("incidentId", version, changes)
      SELECT id, version, jsonb_build_object('imported', true) FROM written
    ), logged AS (
      INSERT INTO audit_event ("municipalityId", action, "entityType", "entityId", ip, "forwardedFor")
      SELECT ${municipalityId}::uuid, ${audit?.action ?? ""}, ${audit?.entityType ?? null}, ${audit?.entityId ?? null}, ${audit?.ip ?? null}, ${audit?.forwardedFor ?? null}
      WHERE ${audit !== undefined}
    )
    SELECT id, inserted, version FROM written`;
}

/** New and updated incidents among written rows. */
function tally(result: Written[]) {
  const inserted = result.filter((r) => r.inserted).length;
  return { inserted, updated: result.length - inserted };
}

/**
 * Writes rows in batches of one parameterised multi-row statement each (unnest of arrays) while
 * the caller prepares the next batch: Node checks rows as PostgreSQL stores the previous ones.
 * At most one batch is in flight (one connection); a failed batch is raised by the next `add` or
 * by `finish`. Rows with an external_id update the incident the same organisation sent before;
 * each write adds a version row.
 */
export function batchWriter(q: Queryable, municipalityId: string) {
  const totals = { inserted: 0, updated: 0 };
  let batch: ValidRow[] = [];
  let marks: EventMark[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const [rows, rowMarks] = [batch, marks];
    [batch, marks] = [[], []];
    await inFlight;
    inFlight = q.$queryRaw<Written[]>(batchStatement(municipalityId, rows, rowMarks)).then((result) => {
      const { inserted, updated } = tally(result);
      totals.inserted += inserted;
      totals.updated += updated;
    });
    // Handled when awaited next; until then a rejection must not count as unhandled.
    inFlight.catch(() => {});
  };
  return {
    async add(row: ValidRow, mark: EventMark) {
      batch.push(row);
      marks.push(mark);
      if (batch.length >= BATCH) await flush();
    },
    async finish() {
      if (batch.length > 0) await flush();
      await inFlight;
      return totals;
    },
  };
}

/**
 * Writes up to one batch of validated rows (every API call) as one statement, with no transaction
 * round trips around it; `audit` adds an access-log row in the same statement.
 */
export async function writeRows(municipalityId: string, rows: ValidRow[], audit?: WriteAudit) {
  if (rows.length > BATCH) throw new RangeError(`writeRows takes at most ${BATCH} rows; use batchWriter in a transaction`);
  // On the pool, not through the ORM's engine: the machine API runs this for every call (ADR 006).
  const result = await queryRows<Written>(batchStatement(municipalityId, rows, [], audit));
  return { ...tally(result), ids: result.map((r) => r.id) };
}
