import "server-only";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { tokenIncidentScope, type ApiCaller } from "@/lib/auth/permissions";
import type { IncidentPage } from "./api-schema";

/** A keyset position: the last row's change time (to the microsecond, as PostgreSQL keeps it –
 * a millisecond Date would skip or repeat rows) and id. */
type Position = { at: string; id: string };

const encode = (p: Position) => Buffer.from(JSON.stringify([p.at, p.id])).toString("base64url");

/** The position a cursor names, or null for one this API did not hand out. */
export function decodeCursor(cursor: string): Position | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof at !== "string" || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(at)) return null;
    if (typeof id !== "string" || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return null;
    return { at, id };
  } catch {
    return null;
  }
}

type Row = Omit<IncidentPage["incidents"][number], "occurred_at" | "occurred_until" | "withdrawn_at" | "created_at" | "status"> & {
  occurred_at: Date;
  occurred_until: Date | null;
  withdrawn_at: Date | null;
  created_at: Date;
  status: "ACTIVE" | "WITHDRAWN";
};

export type IncidentPageQuery = { since?: string; cursor?: Position; limit: number };

/** The one statement a page reads (exported so the bench can explain it). */
export function incidentPageSql(caller: ApiCaller, q: IncidentPageQuery) {
  const scope = tokenIncidentScope(caller);
  // The page is taken first, by the index in its order, and only its rows are joined: the planner
  // cannot know how many rows follow a cursor (an import's rows share one time, often past the
  // statistics' last bucket), and when it guessed one it joined every following row and sorted them.
  return Prisma.sql`
    SELECT i.id, i."externalId" AS external_id, o.code AS organisation, a.name AS area, a.code AS area_code, i.place,
           c.code AS category, c.label AS category_label, s.code AS subcategory,
           i."occurredAt" AS occurred_at, i."occurredUntil" AS occurred_until, i.latitude, i.longitude,
           i."policeReported" AS police_reported, i.status::text AS status, i."withdrawnAt" AS withdrawn_at, i."createdAt" AS created_at,
           to_char(i."updatedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at
    FROM (
      SELECT * FROM incident i
      WHERE i."municipalityId" = ${scope.municipalityId}::uuid
        ${scope.organisationId ? Prisma.sql`AND i."reporterOrgId" = ${scope.organisationId}::uuid` : Prisma.empty}
        ${q.since ? Prisma.sql`AND i."updatedAt" >= ${q.since}::timestamptz` : Prisma.empty}
        ${q.cursor ? Prisma.sql`AND (i."updatedAt", i.id) > (${q.cursor.at}::timestamptz, ${q.cursor.id}::uuid)` : Prisma.empty}
      ORDER BY i."updatedAt", i.id
      LIMIT ${q.limit + 1}
    ) i
    JOIN organisation o ON o.id = i."reporterOrgId"
    JOIN area a ON a.id = i."areaId"
    JOIN incident_category c ON c.id = i."categoryId"
    LEFT JOIN incident_category s ON s.id = i."subcategoryId"
    ORDER BY i."updatedAt", i.id`;
}

/**
 * The incidents a token may read, in the order they last changed (ADR 022): a BI token every
 * organisation's in its municipality, a reporting system its own organisation's. One index range
 * scan per page (incident: municipalityId, updatedAt, id, reporterOrgId – the organisation is
 * checked on the index entry). No free text but the place, no reporter: PII-free by construction.
 */
export async function readIncidents(caller: ApiCaller, q: IncidentPageQuery): Promise<IncidentPage> {
  const rows = await queryRows<Row>(incidentPageSql(caller, q));
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    incidents: page.map((r) => ({
      ...r,
      status: r.status === "ACTIVE" ? ("active" as const) : ("withdrawn" as const),
      occurred_at: r.occurred_at.toISOString(),
      occurred_until: r.occurred_until?.toISOString() ?? null,
      withdrawn_at: r.withdrawn_at?.toISOString() ?? null,
      created_at: r.created_at.toISOString(),
    })),
    next_cursor: rows.length > q.limit && last ? encode({ at: last.updated_at, id: last.id }) : null,
  };
}
