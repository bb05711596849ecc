import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { findPossibleDuplicate } from "./duplicates";
import { Prisma } from "@/lib/generated/prisma/client";
import { weekKey } from "@/lib/time/periods";
import type { z } from "zod";
import type { ZIncidentCreate, ZIncidentFields, ZIncidentUpdate, ZIncidentWithdraw } from "./schema";
import { resolveWhen } from "./when";

type Fields = z.output<typeof ZIncidentFields>;

/** Checks the form's references against the database (one query on the happy path) and turns
 * the form into column values. */
export async function toColumns(viewer: Viewer, input: Fields, now: Date) {
  const sub = input.subcategoryId || null;
  const [category] = await db().$queryRaw<{ municipalityId: string; subcategoryOk: boolean }[]>`
    SELECT c."municipalityId",
           (${sub}::uuid IS NULL OR EXISTS (SELECT 1 FROM incident_category s WHERE s.id = ${sub}::uuid AND s."parentId" = c.id)) AS "subcategoryOk"
    FROM incident_category c
    JOIN area a ON a.id = ${input.areaId}::uuid AND a."municipalityId" = c."municipalityId"
    WHERE c.id = ${input.categoryId}::uuid AND c."parentId" IS NULL AND c.active`;
  if (!category || !can(viewer, "incident:create", { municipalityId: category.municipalityId })) {
    // Find out which reference was wrong, to say so at the right field.
    const area = await db().area.findUnique({ where: { id: input.areaId }, select: { municipalityId: true } });
    if (!area || !can(viewer, "incident:create", { municipalityId: area.municipalityId })) {
      throw new DomainError("INVALID", "Välj en kommundel i din kommun.", "areaId");
    }
    throw new DomainError("INVALID", "Välj en kategori i listan.", "categoryId");
  }
  if (!category.subcategoryOk) throw new DomainError("INVALID", "Underkategorin hör inte till vald kategori.", "subcategoryId");
  const when = resolveWhen(input, now);
  if (!when.ok) throw new DomainError("INVALID", when.message, when.field);
  return {
    municipalityId: category.municipalityId,
    columns: {
      areaId: input.areaId,
      place: input.place,
      latitude: input.latitude === "" ? null : input.latitude,
      longitude: input.longitude === "" ? null : input.longitude,
      occurredAt: when.occurredAt,
      occurredUntil: when.occurredUntil,
      isoWeek: weekKey(when.occurredAt),
      categoryId: input.categoryId,
      subcategoryId: sub,
      description: input.description,
      policeReported: input.policeReported,
      needsFollowUp: input.needsFollowUp,
    },
  };
}

/** A report the viewer may see that looks like the same event as this new one, if any (the
 * form's "Möjlig dubblett"); the input is checked as createIncident checks it. */
export async function possibleDuplicateOf(viewer: Viewer, input: z.output<typeof ZIncidentCreate>, now = new Date()) {
  const { municipalityId, columns } = await toColumns(viewer, input, now);
  return findPossibleDuplicate(viewer, municipalityId, { ...columns, idempotencyKey: input.idempotencyKey });
}

type Columns = Awaited<ReturnType<typeof toColumns>>["columns"];

/** One statement writes the incident, its first version and the audit row: atomic without a
 * transaction round trip, and cheap enough for many reporters at once (see the benchmark). */
export async function insertIncidentRow(client: Prisma.TransactionClient, viewer: Viewer, municipalityId: string, c: Columns, idempotencyKey: string) {
  const reporterOrgId = viewer.memberships.find((m) => m.municipalityId === municipalityId)!.organisationId;
  const id = crypto.randomUUID();
  await client.$executeRaw`
      WITH i AS (
        INSERT INTO incident (id, "municipalityId", "areaId", place, latitude, longitude, "occurredAt", "occurredUntil", "isoWeek",
                              "categoryId", "subcategoryId", description, "policeReported", "needsFollowUp", "reporterOrgId",
                              "reportedById", "idempotencyKey", "updatedAt")
        VALUES (${id}::uuid, ${municipalityId}::uuid, ${c.areaId}::uuid, ${c.place}, ${c.latitude}::float8, ${c.longitude}::float8,
                ${c.occurredAt}::timestamptz, ${c.occurredUntil}::timestamptz, ${c.isoWeek}, ${c.categoryId}::uuid, ${c.subcategoryId}::uuid,
                ${c.description}, ${c.policeReported}, ${c.needsFollowUp}, ${reporterOrgId}::uuid, ${viewer.userId}::uuid,
                ${idempotencyKey}, now())
        RETURNING id
      ), v AS (
        INSERT INTO incident_version ("incidentId", version, "changedById", changes)
        SELECT id, 1, ${viewer.userId}::uuid, '{"created": true}'::jsonb FROM i
      )
      INSERT INTO audit_event ("userId", "municipalityId", action, "entityType", "entityId")
      SELECT ${viewer.userId}::uuid, ${municipalityId}::uuid, 'incident:create', 'incident', id::text FROM i`;
  return id;
}

export async function createIncident(viewer: Viewer, input: z.output<typeof ZIncidentCreate>, now = new Date()) {
  const { municipalityId, columns } = await toColumns(viewer, input, now);
  try {
    const id = await insertIncidentRow(db(), viewer, municipalityId, columns, input.idempotencyKey);
    return { id, created: true, isoWeek: columns.isoWeek };
  } catch (error) {
    // The same submit was already saved (a retry, a double click, an offline queue): answer with
    // that row instead of a duplicate.
    if (isUniqueViolation(error)) {
      const existing = await db().incident.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, isoWeek: true, reportedById: true } });
      if (existing && existing.reportedById === viewer.userId) return { id: existing.id, created: false, isoWeek: existing.isoWeek };
      throw new DomainError("CONFLICT", "Rapporten kunde inte sparas. Ladda om sidan och försök igen.");
    }
    throw error;
  }
}

/** A unique-constraint violation, whether from a model query (P2002) or raw SQL (P2010/23505). */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const meta = error.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined;
  return error.code === "P2002" || (error.code === "P2010" && meta?.driverAdapterError?.cause?.originalCode === "23505");
}

/** Loads an incident for a change, refusing (as "not found") those the viewer may not edit. */
async function loadForChange(viewer: Viewer, id: string, version: number) {
  const incident = await db().incident.findUnique({
    where: { id },
    select: {
      id: true, municipalityId: true, reporterOrgId: true, version: true, status: true, areaId: true, place: true,
      latitude: true, longitude: true, occurredAt: true, occurredUntil: true, categoryId: true, subcategoryId: true,
      description: true, policeReported: true, needsFollowUp: true,
    },
  });
  if (!incident || !can(viewer, "incident:update", { municipalityId: incident.municipalityId, organisationId: incident.reporterOrgId })) {
    await recordAudit({ userId: viewer.userId, action: "incident:update", entityType: "incident", entityId: id, outcome: "DENIED" });
    throw new DomainError("NOT_FOUND", "Händelsen finns inte, eller så får du inte ändra den.");
  }
  if (incident.status === "WITHDRAWN") throw new DomainError("CONFLICT", "Händelsen är tillbakadragen och kan inte ändras.");
  if (incident.version !== version) throw new DomainError("CONFLICT", "Någon annan har ändrat händelsen under tiden. Ladda om sidan för att se ändringarna.");
  return incident;
}

const comparable = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

export async function updateIncident(viewer: Viewer, input: z.output<typeof ZIncidentUpdate>, now = new Date()) {
  const current = await loadForChange(viewer, input.id, input.version);
  const { municipalityId, columns } = await toColumns(viewer, input, now);
  if (municipalityId !== current.municipalityId) throw new DomainError("INVALID", "Välj en kommundel i samma kommun.", "areaId");
  const changes = Object.fromEntries(
    Object.entries(columns)
      .filter(([key, value]) => key !== "isoWeek" && comparable(value) !== comparable(current[key as keyof typeof current]))
      .map(([key, value]) => [key, { from: comparable(current[key as keyof typeof current]) ?? null, to: comparable(value) ?? null }]),
  );
  if (Object.keys(changes).length === 0) return { id: current.id, version: current.version };
  await db().$transaction(
    async (tx) => {
      const { count } = await tx.incident.updateMany({ where: { id: current.id, version: current.version }, data: { ...columns, version: { increment: 1 } } });
      if (count === 0) throw new DomainError("CONFLICT", "Någon annan har ändrat händelsen under tiden. Ladda om sidan för att se ändringarna.");
      await tx.incidentVersion.create({ data: { incidentId: current.id, version: current.version + 1, changedById: viewer.userId, changes } });
    },
    { timeout: 10_000 },
  );
  await recordAudit({ userId: viewer.userId, municipalityId, action: "incident:update", entityType: "incident", entityId: current.id });
  return { id: current.id, version: current.version + 1 };
}

/** Withdrawn incidents drop out of every count but stay in the history. */
export async function withdrawIncident(viewer: Viewer, input: z.output<typeof ZIncidentWithdraw>) {
  const current = await loadForChange(viewer, input.id, input.version);
  await db().$transaction(
    async (tx) => {
      const { count } = await tx.incident.updateMany({
        where: { id: current.id, version: current.version },
        data: { status: "WITHDRAWN", withdrawnAt: new Date(), withdrawReason: input.reason, version: { increment: 1 } },
      });
      if (count === 0) throw new DomainError("CONFLICT", "Någon annan har ändrat händelsen under tiden. Ladda om sidan.");
      await tx.incidentVersion.create({
        data: { incidentId: current.id, version: current.version + 1, changedById: viewer.userId, changes: { status: { from: "ACTIVE", to: "WITHDRAWN" }, reason: input.reason } },
      });
    },
    { timeout: 10_000 },
  );
  await recordAudit({ userId: viewer.userId, municipalityId: current.municipalityId, action: "incident:withdraw", entityType: "incident", entityId: current.id });
}

/** The viewer's organisation says it has nothing to report for a week (or takes that back). */
export async function setNothingToReport(viewer: Viewer, municipalityId: string, isoWeek: string, nothing: boolean) {
  const membership = viewer.memberships.find((m) => m.municipalityId === municipalityId);
  if (!membership) throw new DomainError("NOT_FOUND", "Kommunen finns inte.");
  const key = { organisationId_isoWeek: { organisationId: membership.organisationId, isoWeek } };
  if (nothing) {
    await db().weeklyReport.upsert({
      where: key,
      update: { status: "NOTHING_TO_REPORT", markedById: viewer.userId, markedAt: new Date() },
      create: { municipalityId, organisationId: membership.organisationId, isoWeek, status: "NOTHING_TO_REPORT", markedById: viewer.userId },
    });
  } else {
    await db().weeklyReport.deleteMany({ where: { organisationId: membership.organisationId, isoWeek } });
  }
  await recordAudit({ userId: viewer.userId, municipalityId, action: nothing ? "week:nothing-to-report" : "week:reopen", entityType: "week", entityId: isoWeek });
}
