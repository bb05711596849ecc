import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import type { MunicipalityRole } from "@/lib/generated/prisma/enums";

// Operator tasks run from the command line (`npm run est`). The operator has shell access to
// the deployment, so these take no viewer; each is written to the audit log as done "via cli".

export async function addUser(input: { email: string; name: string; municipality: string; organisation: string; role: MunicipalityRole; password?: string }) {
  const municipality = await db().municipality.findUnique({ where: { slug: input.municipality }, select: { id: true } });
  if (!municipality) throw new DomainError("NOT_FOUND", `Kommunen "${input.municipality}" finns inte.`);
  const org = await db().organisation.findUnique({
    where: { municipalityId_code: { municipalityId: municipality.id, code: input.organisation } },
    select: { id: true },
  });
  if (!org) throw new DomainError("NOT_FOUND", `Organisationen "${input.organisation}" finns inte i ${input.municipality}.`);
  const email = input.email.trim().toLowerCase();
  const password = input.password ?? randomBytes(12).toString("base64url");
  const user = await db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    const u = existing ?? (await tx.user.create({ data: { email, name: input.name, passwordHash: await hashPassword(password) }, select: { id: true } }));
    await tx.membership.upsert({
      where: { userId_municipalityId: { userId: u.id, municipalityId: municipality.id } },
      update: { organisationId: org.id, role: input.role },
      create: { userId: u.id, municipalityId: municipality.id, organisationId: org.id, role: input.role },
    });
    return { id: u.id, created: !existing };
  }, { timeout: 10_000 });
  await recordAudit({ userId: null, municipalityId: municipality.id, action: "user:add", entityType: "user", entityId: user.id, details: { via: "cli" } });
  return { ...user, password: user.created ? password : null };
}

/** Disables (or re-enables) a user. Disabling also ends every session at once. */
export async function setUserDisabled(email: string, disabled: boolean) {
  const user = await db().user.update({
    where: { email: email.trim().toLowerCase() },
    data: disabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
    select: { id: true },
  }).catch(() => null);
  if (!user) throw new DomainError("NOT_FOUND", `Användaren ${email} finns inte.`);
  await recordAudit({ userId: null, action: disabled ? "user:disable" : "user:enable", entityType: "user", entityId: user.id, details: { via: "cli" } });
}

/** Ends all of a user's sessions (e.g. a lost phone) without disabling the account. */
export async function endSessions(email: string) {
  const user = await db().user.update({
    where: { email: email.trim().toLowerCase() },
    data: { sessionVersion: { increment: 1 } },
    select: { id: true },
  }).catch(() => null);
  if (!user) throw new DomainError("NOT_FOUND", `Användaren ${email} finns inte.`);
  await recordAudit({ userId: null, action: "user:end-sessions", entityType: "user", entityId: user.id, details: { via: "cli" } });
}
