import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { parseCommitments, type ZAgreementCreate, type ZCommitmentFollowUp } from "./schema";

/**
 * The cooperation agreements with the police, newest first, each commitment with its follow-ups;
 * a commitment whose latest follow-up is not met (or only partly) is listed as unmet.
 */
export async function listAgreements(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "tertial:view", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte, eller så har du inte behörighet att se den.");
  const agreements = await db().agreement.findMany({
    where: { municipalityId },
    select: {
      id: true, title: true, validFrom: true, validTo: true,
      commitments: {
        select: { id: true, party: true, text: true, followUps: { select: { halfYear: true, status: true, comment: true }, orderBy: { halfYear: "desc" } } },
        orderBy: { sortOrder: "asc" },
      },
    },
    orderBy: { validFrom: "desc" },
  });
  const rows = agreements.map((a) => ({
    ...a,
    commitments: a.commitments.map((c) => ({ ...c, latest: c.followUps[0] ?? null, unmet: c.followUps[0] ? c.followUps[0].status !== "MET" : false })),
  }));
  return {
    agreements: rows,
    unmet: rows.flatMap((a) => a.commitments.filter((c) => c.unmet).map((c) => ({ ...c, agreement: a.title }))),
    canFollowUp: can(viewer, "tertial:edit", { municipalityId }),
  };
}

/** Records the half-year's follow-up of a commitment (Strategisk and coordinators). */
export async function followUpCommitment(viewer: Viewer, municipalityId: string, input: z.output<typeof ZCommitmentFollowUp>) {
  if (!can(viewer, "tertial:edit", { municipalityId })) throw new DomainError("FORBIDDEN", "Bara EST Strategisk och samordnare kan följa upp överenskommelsen.");
  const commitment = await db().agreementCommitment.findFirst({ where: { id: input.commitmentId, agreement: { municipalityId } }, select: { id: true } });
  if (!commitment) throw new DomainError("NOT_FOUND", "Åtagandet finns inte.");
  await db().commitmentFollowUp.upsert({
    where: { commitmentId_halfYear: { commitmentId: commitment.id, halfYear: input.halfYear } },
    create: { commitmentId: commitment.id, halfYear: input.halfYear, status: input.status, comment: input.comment, authorId: viewer.userId },
    update: { status: input.status, comment: input.comment, authorId: viewer.userId },
  });
  await recordAudit({ userId: viewer.userId, municipalityId, action: "agreement:follow-up", entityType: "agreement_commitment", entityId: commitment.id });
}

/** Registers a new agreement with its commitments (Strategisk and coordinators). */
export async function createAgreement(viewer: Viewer, municipalityId: string, input: z.output<typeof ZAgreementCreate>) {
  if (!can(viewer, "tertial:edit", { municipalityId })) throw new DomainError("FORBIDDEN", "Bara EST Strategisk och samordnare kan registrera överenskommelser.");
  const row = await db().agreement.create({
    data: {
      municipalityId, title: input.title, validFrom: new Date(`${input.validFrom}T00:00:00Z`), validTo: new Date(`${input.validTo}T00:00:00Z`),
      commitments: { create: parseCommitments(input.commitments).map((c, i) => ({ ...c, sortOrder: i })) },
    },
    select: { id: true },
  });
  await recordAudit({ userId: viewer.userId, municipalityId, action: "agreement:create", entityType: "agreement", entityId: row.id });
  return row;
}
