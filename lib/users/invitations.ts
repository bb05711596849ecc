import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import { type ZAcceptInvitation, ZInvitationToken } from "./schema";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appUrl, i18nFor, paragraphs } from "@/lib/feedback/compose";
import { queueEmail } from "@/lib/feedback/queue";
import { fill } from "@/lib/i18n/catalogue";

const VALID_DAYS = 14;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const GONE = "Inbjudan finns inte, har gått ut eller är redan använd. Be den som bjöd in dig om en ny.";

/**
 * Invites people by e-mail to a group (inside the caller's transaction): each gets a link that
 * is valid for two weeks and works once.
 */
export async function inviteByEmail(
  tx: Prisma.TransactionClient,
  o: { municipalityId: string; organisationId: string; groupId: string; groupName: string; invitedBy: { id: string; name: string }; emails: string[] },
  now = new Date(),
) {
  for (const email of o.emails) {
    const token = randomBytes(32).toString("base64url");
    const row = await tx.invitation.create({
      data: {
        municipalityId: o.municipalityId, organisationId: o.organisationId, groupId: o.groupId, email, tokenHash: hashToken(token),
        invitedById: o.invitedBy.id, expiresAt: new Date(now.getTime() + VALID_DAYS * 86_400_000),
      },
      select: { id: true },
    });
    // In the language of the invitee's account, if they have one; otherwise Swedish.
    const account = await tx.user.findUnique({ where: { email }, select: { locale: true } });
    const { invitation: t } = i18nFor(account?.locale).m.mail;
    await queueEmail(tx, {
      email,
      dedupeKey: `invitation:${row.id}`,
      title: fill(t.title, { group: o.groupName }),
      body: paragraphs(fill(t.body, { by: o.invitedBy.name, group: o.groupName }), `${fill(t.link, { days: VALID_DAYS })}\n${appUrl(`/invite/${token}`)}`),
    });
  }
}

async function findOpen(token: string, now: Date) {
  if (!ZInvitationToken.safeParse(token).success) return null;
  const row = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true, email: true, municipalityId: true, organisationId: true, groupId: true, expiresAt: true, acceptedAt: true,
      municipality: { select: { name: true } }, organisation: { select: { name: true } }, group: { select: { name: true } },
    },
  });
  return row && !row.acceptedAt && row.expiresAt > now ? row : null;
}

/** The invitation behind a link, for its page; null when it cannot be used. */
export async function getInvitation(token: string, now = new Date()) {
  const row = await findOpen(token, now);
  if (!row) return null;
  const user = await db().user.findUnique({ where: { email: row.email }, select: { id: true } });
  return { email: row.email, municipality: row.municipality.name, organisation: row.organisation.name, group: row.group?.name ?? null, groupId: row.groupId, hasAccount: Boolean(user) };
}

/** Joins the municipality and the group, once: the invitation is claimed in the same transaction. */
async function claim(tx: Prisma.TransactionClient, invitationId: string, userId: string, now: Date) {
  const { count } = await tx.invitation.updateMany({ where: { id: invitationId, acceptedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
  if (count === 0) throw new DomainError("NOT_FOUND", GONE);
  const inv = await tx.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { municipalityId: true, organisationId: true, groupId: true } });
  await tx.membership.upsert({
    where: { userId_municipalityId: { userId, municipalityId: inv.municipalityId } },
    create: { userId, municipalityId: inv.municipalityId, organisationId: inv.organisationId, role: "REPORTER" },
    update: {},
  });
  if (inv.groupId) {
    await tx.groupMember.upsert({ where: { groupId_userId: { groupId: inv.groupId, userId } }, create: { groupId: inv.groupId, userId, role: "MEMBER" }, update: {} });
  }
  return inv;
}

/** Someone without an account accepts: the account is created with the invited address. */
export async function acceptInvitation(token: string, input: z.output<typeof ZAcceptInvitation>, now = new Date()) {
  const row = await findOpen(token, now);
  if (!row) throw new DomainError("NOT_FOUND", GONE);
  if (await db().user.findUnique({ where: { email: row.email }, select: { id: true } })) {
    throw new DomainError("CONFLICT", "Det finns redan ett konto med den här e-postadressen. Logga in och öppna länken igen.");
  }
  const passwordHash = await hashPassword(input.password);
  const { userId, inv } = await db().$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: row.email, name: input.name, passwordHash }, select: { id: true } });
    return { userId: user.id, inv: await claim(tx, row.id, user.id, now) };
  });
  await recordAudit({ userId, municipalityId: inv.municipalityId, action: "invitation:accept", entityType: "invitation", entityId: row.id });
  return { email: row.email, groupId: inv.groupId };
}

/** A signed-in user accepts an invitation sent to their own address. */
export async function joinByInvitation(viewer: Viewer, token: string, now = new Date()) {
  const row = await findOpen(token, now);
  if (!row) throw new DomainError("NOT_FOUND", GONE);
  if (row.email !== viewer.email.toLowerCase()) throw new DomainError("FORBIDDEN", fill("Inbjudan gäller {email}. Logga in med den adressen.", { email: row.email }));
  const inv = await db().$transaction((tx) => claim(tx, row.id, viewer.userId, now));
  await recordAudit({ userId: viewer.userId, municipalityId: inv.municipalityId, action: "invitation:accept", entityType: "invitation", entityId: row.id });
  return { groupId: inv.groupId };
}
