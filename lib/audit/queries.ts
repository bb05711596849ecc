import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";

const ROW = { id: true, at: true, action: true, entityType: true, entityId: true, outcome: true, ip: true, userId: true } as const;

async function withNames<T extends { userId: string | null }>(rows: T[]) {
  const users = await db().user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.userId).filter((x): x is string => !!x))] } }, select: { id: true, name: true, email: true } });
  return rows.map((r) => ({ ...r, user: users.find((u) => u.id === r.userId) ?? null }));
}

/**
 * The personuppgiftsansvarig's two questions, within the municipality: who opened (or was refused)
 * record R, and what did user U open. Newest first, at most 500 rows.
 */
export async function auditForRecord(viewer: Viewer, municipalityId: string, entityId: string) {
  if (!can(viewer, "audit:view", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte.");
  // Refused attempts carry no municipality (the record may not exist): they are included by id.
  const rows = await db().auditEvent.findMany({
    where: { entityId: entityId.trim().slice(0, 64), OR: [{ municipalityId }, { municipalityId: null, outcome: "DENIED" }] },
    select: ROW,
    orderBy: { at: "desc" },
    take: 500,
  });
  return withNames(rows);
}

export async function auditForUser(viewer: Viewer, municipalityId: string, email: string) {
  if (!can(viewer, "audit:view", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte.");
  const user = await db().user.findFirst({ where: { email: email.trim().toLowerCase(), memberships: { some: { municipalityId } } }, select: { id: true } });
  if (!user || !isUuid(user.id)) return [];
  const rows = await db().auditEvent.findMany({
    where: { userId: user.id, OR: [{ municipalityId }, { municipalityId: null }] },
    select: ROW,
    orderBy: { at: "desc" },
    take: 500,
  });
  return withNames(rows);
}
