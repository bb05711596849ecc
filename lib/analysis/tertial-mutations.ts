import "server-only";
import { contextForPeriod } from "@/lib/context/for-period";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { periodRange, shiftPeriod } from "@/lib/time/periods";
import { computeAnalysis } from "./load";
import type { ZTertialComment, ZTertialNarrative, ZTertialReturn, ZTertialStep } from "./schema";
import { assertTertialVisible, type Narrative, type TertialSnapshot } from "./tertial";

const CONFLICT = "Någon annan har ändrat analysen under tiden. Ladda om sidan och gör om ändringen.";

function assertMay(viewer: Viewer, action: "tertial:edit" | "tertial:approve", municipalityId: string, tertial: string) {
  assertTertialVisible(viewer, municipalityId, tertial);
  if (!can(viewer, action, { municipalityId })) {
    throw new DomainError("FORBIDDEN", action === "tertial:edit" ? "Bara EST Strategisk och samordnare kan ändra analysen." : "Bara EST Ledning kan godkänna analysen.");
  }
}

/** Saves the narrative; a save based on an older version is refused rather than overwriting. */
export async function saveTertialNarrative(viewer: Viewer, municipalityId: string, input: z.output<typeof ZTertialNarrative>) {
  assertMay(viewer, "tertial:edit", municipalityId, input.tertial);
  const areaIds = new Set((await db().area.findMany({ where: { municipalityId }, select: { id: true } })).map((a) => a.id));
  const narrative: Narrative = { overall: input.overall, proposal: input.proposal, areas: Object.fromEntries(Object.entries(input.areas).filter(([id, text]) => areaIds.has(id) && text.trim() !== "")) };
  const key = { municipalityId_tertial: { municipalityId, tertial: input.tertial } };
  if (input.version === 0) {
    try {
      const row = await db().tertialAnalysis.create({ data: { municipalityId, tertial: input.tertial, narrative }, select: { version: true } });
      return { version: row.version };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError("CONFLICT", CONFLICT);
      throw error;
    }
  }
  const { count } = await db().tertialAnalysis.updateMany({
    where: { ...key.municipalityId_tertial, version: input.version, status: { not: "APPROVED" } },
    data: { narrative, version: { increment: 1 } },
  });
  if (count === 0) throw new DomainError("CONFLICT", CONFLICT);
  return { version: input.version + 1 };
}

/** EST Strategisk hands the draft to review. */
export async function submitTertialForReview(viewer: Viewer, municipalityId: string, input: z.output<typeof ZTertialStep>) {
  assertMay(viewer, "tertial:edit", municipalityId, input.tertial);
  const row = await db().tertialAnalysis.findUnique({ where: { municipalityId_tertial: { municipalityId, tertial: input.tertial } }, select: { id: true } });
  const { count } = await db().tertialAnalysis.updateMany({
    where: { municipalityId, tertial: input.tertial, version: input.version, status: "DRAFT" },
    data: { status: "IN_REVIEW", submittedAt: new Date(), submittedById: viewer.userId, version: { increment: 1 } },
  });
  if (count === 0 || !row) throw new DomainError("CONFLICT", CONFLICT);
  await recordAudit({ userId: viewer.userId, municipalityId, action: "tertial:submit", entityType: "tertial_analysis", entityId: row.id });
  return { version: input.version + 1 };
}

/** Anyone who may read the analysis may comment on a section until it is approved. */
export async function addTertialComment(viewer: Viewer, municipalityId: string, input: z.output<typeof ZTertialComment>) {
  assertTertialVisible(viewer, municipalityId, input.tertial);
  if (input.section !== "overall" && !(await db().area.findFirst({ where: { id: input.section, municipalityId }, select: { id: true } }))) {
    throw new DomainError("INVALID", "Välj ett avsnitt i analysen.", "section");
  }
  const analysis = await db().tertialAnalysis.upsert({
    where: { municipalityId_tertial: { municipalityId, tertial: input.tertial } },
    create: { municipalityId, tertial: input.tertial },
    update: {},
    select: { id: true, status: true },
  });
  if (analysis.status === "APPROVED") throw new DomainError("CONFLICT", "Analysen är godkänd och kan inte längre kommenteras.");
  await db().tertialComment.create({ data: { analysisId: analysis.id, section: input.section, text: input.text, authorId: viewer.userId } });
}

/** EST Ledning sends the analysis back to EST Strategisk, saying what to change. */
export async function returnTertialToDraft(viewer: Viewer, municipalityId: string, input: z.output<typeof ZTertialReturn>) {
  assertMay(viewer, "tertial:approve", municipalityId, input.tertial);
  await db().$transaction(async (tx) => {
    const row = await tx.tertialAnalysis.findUnique({ where: { municipalityId_tertial: { municipalityId, tertial: input.tertial } }, select: { id: true } });
    const { count } = await tx.tertialAnalysis.updateMany({
      where: { municipalityId, tertial: input.tertial, version: input.version, status: "IN_REVIEW" },
      data: { status: "DRAFT", version: { increment: 1 } },
    });
    if (count === 0 || !row) throw new DomainError("CONFLICT", CONFLICT);
    await tx.tertialComment.create({ data: { analysisId: row.id, section: "overall", text: `Återförd till utkast: ${input.reason}`, authorId: viewer.userId } });
  });
}

/**
 * EST Ledning approves: the figures, the narrative and the exact incidents behind every figure
 * (this tertial and the five before it) are frozen in one transaction that reads one consistent
 * view of the data, so the snapshot and its drill-downs always agree.
 */
export async function approveTertial(viewer: Viewer, municipalityId: string, input: z.output<typeof ZTertialStep>) {
  assertMay(viewer, "tertial:approve", municipalityId, input.tertial);
  const id = await db().$transaction(
    async (tx) => {
      const row = await tx.tertialAnalysis.findUnique({
        where: { municipalityId_tertial: { municipalityId, tertial: input.tertial } },
        select: { id: true, status: true, version: true, narrative: true },
      });
      if (!row || row.status !== "IN_REVIEW" || row.version !== input.version) throw new DomainError("CONFLICT", CONFLICT);
      const [analysis, context] = await Promise.all([computeAnalysis(municipalityId, input.tertial, undefined, tx), contextForPeriod(municipalityId, input.tertial, tx)]);
      const snapshot: TertialSnapshot = { analysis, context, narrative: (row.narrative as Narrative | null) ?? { overall: "", areas: {} }, approvedBy: viewer.name };
      const from = periodRange(shiftPeriod(input.tertial, -5)).start;
      const to = periodRange(input.tertial).end;
      await tx.$executeRaw`
        INSERT INTO "tertial_snapshot_incident" ("analysisId", "incidentId", "tertial", "areaId", "categoryId", "place", "occurredAt", "eventStart")
        SELECT ${row.id}::uuid, "id",
               to_char("occurredAt" AT TIME ZONE 'Europe/Stockholm', 'YYYY') || '-T' || ((extract(month FROM "occurredAt" AT TIME ZONE 'Europe/Stockholm')::int - 1) / 4 + 1),
               "areaId", "categoryId", "place", "occurredAt", "eventStart"
        FROM "incident"
        WHERE "municipalityId" = ${municipalityId}::uuid AND "status" = 'ACTIVE' AND "occurredAt" >= ${from} AND "occurredAt" < ${to}`;
      await tx.tertialAnalysis.update({
        where: { id: row.id },
        data: { status: "APPROVED", snapshot: snapshot as unknown as Prisma.InputJsonValue, approvedAt: new Date(), approvedById: viewer.userId, version: { increment: 1 } },
      });
      return row.id;
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000 },
  );
  await recordAudit({ userId: viewer.userId, municipalityId, action: "tertial:approve", entityType: "tertial_analysis", entityId: id });
}
