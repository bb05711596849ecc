import "server-only";
import { type db, type PoolTransaction, queryRows } from "@/lib/db";
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
type Queryable = Pick<ReturnType<typeof db>, "$queryRaw"> | PoolTransaction;

/** One batch as one statement: the incidents and their version rows, atomic on its own. */
function batchStatement(municipalityId: string, b: ValidRow[], marks: EventMark[] = [], audit?: WriteAudit) {
  return Prisma.sql`
    WITH written AS (
      INSERT INTO incident (id, "municipalityId", "areaId", place, "occurredAt", "isoWeek", "categoryId", description,
                            "reporterOrgId", latitude, longitude, "externalId", "eventStart", status, "withdrawnAt", "withdrawReason", "updatedAt")
      SELECT coalesce(id, gen_random_uuid()), ${municipalityId}::uuid, a, p, o, w, c, d, r, lat, lon, e, NOT coalesce(copy, false),
             coalesce(s, 'ACTIVE')::"IncidentStatus", CASE WHEN s = 'WITHDRAWN' THEN now() END, CASE WHEN s = 'WITHDRAWN' THEN ${WITHDRAWN_BY_IMPORT} END, now()
      FROM unnest(${b.map((x) => x.areaId)}::uuid[], ${b.map((x) => x.place)}::text[], ${b.map((x) => x.occurredAt)}::timestamptz[],
                  ${b.map((x) => x.isoWeek)}::text[], ${b.map((x) => x.categoryId)}::uuid[], ${b.map((x) => x.description)}::text[],
                  ${b.map((x) => x.reporterOrgId)}::uuid[], ${b.map((x) => x.latitude)}::float8[], ${b.map((x) => x.longitude)}::float8[],
                  ${b.map((x) => x.externalId)}::text[], ${b.map((x) => x.status ?? null)}::text[],
                  ${marks.map((m) => m.id)}::uuid[], ${marks.map((m) => m.copy)}::boolean[])
           AS t(a, p, o, w, c, d, r, lat, lon, e, s, id, copy)
      ON CONFLICT ("reporterOrgId", "externalId") DO UPDATE SET
        "areaId" = EXCLUDED."areaId", place = EXCLUDED.place, "occurredAt" = EXCLUDED."occurredAt", "isoWeek" = EXCLUDED."isoWeek",
        "categoryId" = EXCLUDED."categoryId", description = EXCLUDED.description, latitude = EXCLUDED.latitude,
        "subcategoryId" = CASE WHEN EXCLUDED."categoryId" = incident."categoryId" THEN incident."subcategoryId" END,
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

/** The reason a withdrawal made by importing a file is given. */
const WITHDRAWN_BY_IMPORT = "Tillbakadragen i en importerad fil";

/**
 * Rows that change stored incidents of the municipality (matched by the caller), by id: every
 * field a row holds, the status where the row gives one (a withdrawal dated now, a restored
 * incident without its withdrawal), a subcategory kept only under the same category. The
 * organisation is never changed. Each changed incident gets a version row.
 */
function updateStatement(municipalityId: string, b: ValidRow[], ids: string[]) {
  return Prisma.sql`
    WITH t AS (
      SELECT * FROM unnest(${ids}::uuid[], ${b.map((x) => x.areaId)}::uuid[], ${b.map((x) => x.place)}::text[], ${b.map((x) => x.occurredAt)}::timestamptz[],
                           ${b.map((x) => x.isoWeek)}::text[], ${b.map((x) => x.categoryId)}::uuid[], ${b.map((x) => x.description)}::text[],
                           ${b.map((x) => x.latitude)}::float8[], ${b.map((x) => x.longitude)}::float8[], ${b.map((x) => x.externalId)}::text[],
                           ${b.map((x) => x.status ?? null)}::text[])
        AS t(id, a, p, o, w, c, d, lat, lon, e, s)
    ), u AS (
      -- Each id resolved inside the municipality by its own index probe; the update then joins on
      -- the primary key alone. (With the municipality in the update's own condition, statistics
      -- left stale by a large import made the planner hash the municipality's every incident.)
      -- (LIMIT keeps the subquery a per-row probe: without it the planner flattens it into the join.)
      SELECT t.* FROM t CROSS JOIN LATERAL (SELECT 1 FROM incident x WHERE x.id = t.id AND x."municipalityId" = ${municipalityId}::uuid LIMIT 1) x
    ), written AS (
      UPDATE incident i SET
        "areaId" = t.a, place = t.p, "occurredAt" = t.o, "isoWeek" = t.w, "categoryId" = t.c, description = t.d,
        latitude = t.lat, longitude = t.lon, "externalId" = t.e,
        "subcategoryId" = CASE WHEN t.c = i."categoryId" THEN i."subcategoryId" END,
        status = coalesce(t.s::"IncidentStatus", i.status),
        "withdrawnAt" = CASE WHEN coalesce(t.s, i.status::text) = 'WITHDRAWN' THEN coalesce(i."withdrawnAt", now()) END,
        "withdrawReason" = CASE WHEN coalesce(t.s, i.status::text) = 'WITHDRAWN' THEN coalesce(i."withdrawReason", ${WITHDRAWN_BY_IMPORT}) END,
        version = i.version + 1, "updatedAt" = now()
      FROM u AS t WHERE i.id = t.id
      RETURNING i.id, false AS inserted, i.version
    ), versions AS (
      INSERT INTO incident_version ("incidentId", version, changes)
      SELECT id, version, jsonb_build_object('imported', true) FROM written
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
  let changes: ValidRow[] = [];
  let changedIds: string[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  const send = async (statement: Prisma.Sql) => {
    await inFlight;
    inFlight = q.$queryRaw<Written[]>(statement).then((result) => {
      const { inserted, updated } = tally(result);
      totals.inserted += inserted;
      totals.updated += updated;
    });
    // Handled when awaited next; until then a rejection must not count as unhandled.
    inFlight.catch(() => {});
  };
  const flushNew = async () => {
    const [rows, rowMarks] = [batch, marks];
    [batch, marks] = [[], []];
    await send(batchStatement(municipalityId, rows, rowMarks));
  };
  const flushChanges = async () => {
    const [rows, ids] = [changes, changedIds];
    [changes, changedIds] = [[], []];
    await send(updateStatement(municipalityId, rows, ids));
  };
  return {
    async add(row: ValidRow, mark: EventMark) {
      batch.push(row);
      marks.push(mark);
      if (batch.length >= BATCH) await flushNew();
    },
    /** A row that changes the stored incident `id`. */
    async update(row: ValidRow, id: string) {
      changes.push(row);
      changedIds.push(id);
      if (changes.length >= BATCH) await flushChanges();
    },
    async finish() {
      if (batch.length > 0) await flushNew();
      if (changes.length > 0) await flushChanges();
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
