import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { weekKey } from "@/lib/time/periods";
import type { z } from "zod";
import type { ZIncidentCreate, ZIncidentFields, ZIncidentUpdate, ZIncidentWithdraw } from "./schema";
import { resolveWhen } from "./when";

type Fields = z.output<typeof ZIncidentFields>;

/** Checks the form's references against the database and turns it into column values. */
async function toColumns(viewer: Viewer, input: Fields, now: Date) {
  const area = await db().area.findUnique({ where: { id: input.areaId }, select: { id: true, municipalityId: true } });
  if (!area || !can(viewer, "incident:create", { municipalityId: area.municipalityId })) {
    throw new DomainError("INVALID", "Välj en kommundel i din kommun.", "areaId");
  }
  const category = await db().incidentCategory.findFirst({
    where: { id: input.categoryId, municipalityId: area.municipalityId, parentId: null, active: true },
    select: { id: true, children: { select: { id: true } } },
  });
  if (!category) throw new DomainError("INVALID", "Välj en kategori i listan.", "categoryId");
  if (input.subcategoryId && !category.children.some((c) => c.id === input.subcategoryId)) {
    throw new DomainError("INVALID", "Underkategorin hör inte till vald kategori.", "subcategoryId");
  }
  const when = resolveWhen(input, now);
  if (!when.ok) throw new DomainError("INVALID", when.message, when.field);
  return {
    municipalityId: area.municipalityId,
    columns: {
      areaId: area.id,
      place: input.place,
      latitude: input.latitude === "" ? null : input.latitude,
      longitude: input.longitude === "" ? null : input.longitude,
      occurredAt: when.occurredAt,
      occurredUntil: when.occurredUntil,
      isoWeek: weekKey(when.occurredAt),
      categoryId: category.id,
      subcategoryId: input.subcategoryId || null,
      description: input.description,
      policeReported: input.policeReported,
      needsFollowUp: input.needsFollowUp,
    },
  };
}

export async function createIncident(viewer: Viewer, input: z.output<typeof ZIncidentCreate>, now = new Date()) {
  const existing = await db().incident.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, reportedById: true, isoWeek: true } });
  if (existing) {
    if (existing.reportedById !== viewer.userId) throw new DomainError("CONFLICT", "Rapporten kunde inte sparas. Ladda om sidan och försök igen.");
    return { id: existing.id, created: false, isoWeek: existing.isoWeek };
  }
  const { municipalityId, columns } = await toColumns(viewer, input, now);
  const reporterOrgId = viewer.memberships.find((m) => m.municipalityId === municipalityId)!.organisationId;
  try {
    const incident = await db().$transaction(
      async (tx) => {
        const row = await tx.incident.create({
          data: { ...columns, municipalityId, reporterOrgId, reportedById: viewer.userId, idempotencyKey: input.idempotencyKey },
          select: { id: true },
        });
        await tx.incidentVersion.create({ data: { incidentId: row.id, version: 1, changedById: viewer.userId, changes: { created: true } } });
        return row;
      },
      { timeout: 10_000 },
    );
    await recordAudit({ userId: viewer.userId, municipalityId, action: "incident:create", entityType: "incident", entityId: incident.id });
    return { id: incident.id, created: true, isoWeek: columns.isoWeek };
  } catch (error) {
    // Two identical submits raced: the other one won; answer with its row.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await db().incident.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, isoWeek: true } });
      if (winner) return { id: winner.id, created: false, isoWeek: winner.isoWeek };
    }
    throw error;
  }
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
