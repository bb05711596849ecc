import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Narrative } from "@/lib/analysis/tertial";
import { buildLawContent, type LawContent } from "./content";
import { LAW_PERIOD, type ZLawNewVersion, type ZLawStep, type ZLawTexts } from "./schema";

type Snapshot = { content: LawContent; approvedBy: string };
const CONFLICT = "Någon annan har ändrat dokumentet under tiden. Ladda om sidan och gör om ändringen.";

function assertVisible(viewer: Viewer, municipalityId: string, period: string) {
  if (!LAW_PERIOD.test(period) || !can(viewer, "tertial:view", { municipalityId })) {
    throw new DomainError("NOT_FOUND", "Dokumentet finns inte, eller så har du inte behörighet att se det.");
  }
}

function assertMay(viewer: Viewer, action: "tertial:edit" | "tertial:approve", municipalityId: string, period: string) {
  assertVisible(viewer, municipalityId, period);
  if (!can(viewer, action, { municipalityId })) {
    throw new DomainError("FORBIDDEN", action === "tertial:edit" ? "Bara EST Strategisk och samordnare kan ändra dokumentet." : "Bara EST Ledning kan fastställa dokumentet.");
  }
}

/** A period's document: the version asked for (else the latest), its content – frozen once
 * approved, else generated now – and the history of approved versions. */
export async function getLawDocument(viewer: Viewer, municipalityId: string, period: string, version?: number) {
  // Every opening of the document, and every refusal, is in the access log (issue 26).
  const audit = { userId: viewer.userId, municipalityId, action: "law-document:view", entityType: "law_document", entityId: period };
  try {
    assertVisible(viewer, municipalityId, period);
  } catch (error) {
    await recordAudit({ ...audit, outcome: "DENIED" });
    throw error;
  }
  const versions = await db().lawDocument.findMany({
    where: { municipalityId, period },
    select: { id: true, version: true, status: true, revision: true, otherInfo: true, analysis: true, proposal: true, snapshot: true, approvedAt: true },
    orderBy: { version: "desc" },
  });
  const shown = version === undefined ? versions[0] : versions.find((v) => v.version === version);
  if (version !== undefined && !shown) throw new DomainError("NOT_FOUND", "Versionen finns inte.");
  const snapshot = shown?.status === "APPROVED" ? (shown.snapshot as Snapshot) : null;
  // A first draft starts from the tertial analysis's words, when there are any.
  const tertialWords = !shown && period.includes("-T")
    ? ((await db().tertialAnalysis.findUnique({ where: { municipalityId_tertial: { municipalityId, tertial: period } }, select: { narrative: true } }))?.narrative as Narrative | null)?.overall
    : undefined;
  const latest = versions[0];
  const target = { municipalityId };
  await recordAudit({ ...audit, details: { version: shown?.version ?? 1 } });
  return {
    id: shown?.id ?? null,
    period,
    version: shown?.version ?? 1,
    status: shown?.status ?? "DRAFT",
    revision: shown?.revision ?? 0,
    otherInfo: shown?.otherInfo ?? "",
    proposal: shown?.proposal ?? "",
    analysis: shown?.analysis ?? tertialWords ?? "",
    approvedAt: shown?.approvedAt ?? null,
    approvedBy: snapshot?.approvedBy ?? null,
    content: snapshot?.content ?? (await buildLawContent(municipalityId, period)),
    history: versions.filter((v) => v.status === "APPROVED").map((v) => ({ version: v.version, approvedAt: v.approvedAt!, approvedBy: (v.snapshot as Snapshot).approvedBy })),
    isLatest: !latest || shown?.version === latest.version,
    may: {
      edit: shown?.status !== "APPROVED" && can(viewer, "tertial:edit", target),
      approve: shown?.status === "DRAFT" && can(viewer, "tertial:approve", target),
      newVersion: latest?.status === "APPROVED" && shown?.version === latest.version && can(viewer, "tertial:edit", target),
    },
  };
}
export type LawDocumentView = Awaited<ReturnType<typeof getLawDocument>>;

/** What the document's header and PDF need: the version asked for (else the latest), with the page's access rule. */
export async function getLawDocumentHead(viewer: Viewer, municipalityId: string, period: string, version?: number) {
  assertVisible(viewer, municipalityId, period);
  const row = await db().lawDocument.findFirst({
    where: { municipalityId, period, ...(version === undefined ? {} : { version }) },
    select: { id: true, version: true, status: true, approvedAt: true, approvedById: true },
    orderBy: { version: "desc" },
  });
  if (version !== undefined && !row) throw new DomainError("NOT_FOUND", "Versionen finns inte.");
  const approver = row?.approvedById ? await db().user.findUnique({ where: { id: row.approvedById }, select: { name: true } }) : null;
  return { id: row?.id ?? null, version: row?.version ?? 1, status: row?.status ?? "DRAFT", approvedAt: row?.approvedAt ?? null, approvedBy: approver?.name ?? null };
}

/** Saves the draft's texts, creating version 1 on the first save. */
export async function saveLawTexts(viewer: Viewer, municipalityId: string, input: z.output<typeof ZLawTexts>) {
  assertMay(viewer, "tertial:edit", municipalityId, input.period);
  const texts = { otherInfo: input.otherInfo, analysis: input.analysis, proposal: input.proposal };
  if (input.revision === 0) {
    const exists = await db().lawDocument.count({ where: { municipalityId, period: input.period } });
    if (exists) throw new DomainError("CONFLICT", CONFLICT);
    try {
      await db().lawDocument.create({ data: { municipalityId, period: input.period, version: 1, ...texts } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError("CONFLICT", CONFLICT);
      throw error;
    }
    return { revision: 1 };
  }
  const { count } = await db().lawDocument.updateMany({
    where: { municipalityId, period: input.period, status: "DRAFT", revision: input.revision },
    data: { ...texts, revision: { increment: 1 } },
  });
  if (count === 0) throw new DomainError("CONFLICT", CONFLICT);
  return { revision: input.revision + 1 };
}

/** EST Ledning adopts the draft: its generated parts are frozen with the texts, as one version. */
export async function approveLawDocument(viewer: Viewer, municipalityId: string, input: z.output<typeof ZLawStep>) {
  assertMay(viewer, "tertial:approve", municipalityId, input.period);
  const id = await db().$transaction(
    async (tx) => {
      const draft = await tx.lawDocument.findFirst({ where: { municipalityId, period: input.period, status: "DRAFT", revision: input.revision }, select: { id: true } });
      if (!draft) throw new DomainError("CONFLICT", CONFLICT);
      const snapshot: Snapshot = { content: await buildLawContent(municipalityId, input.period, tx), approvedBy: viewer.name };
      await tx.lawDocument.update({
        where: { id: draft.id },
        data: { status: "APPROVED", snapshot: snapshot as unknown as Prisma.InputJsonValue, approvedAt: new Date(), approvedById: viewer.userId, revision: { increment: 1 } },
      });
      return draft.id;
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000 },
  );
  await recordAudit({ userId: viewer.userId, municipalityId, action: "law-document:approve", entityType: "law_document", entityId: id });
}

/** Starts the next version from the latest approved one's texts. */
export async function startLawVersion(viewer: Viewer, municipalityId: string, input: z.output<typeof ZLawNewVersion>) {
  assertMay(viewer, "tertial:edit", municipalityId, input.period);
  const latest = await db().lawDocument.findFirst({ where: { municipalityId, period: input.period }, orderBy: { version: "desc" }, select: { version: true, status: true, otherInfo: true, analysis: true, proposal: true } });
  if (!latest || latest.status !== "APPROVED") throw new DomainError("CONFLICT", "Det finns redan ett utkast att arbeta i.");
  try {
    await db().lawDocument.create({ data: { municipalityId, period: input.period, version: latest.version + 1, otherInfo: latest.otherInfo, analysis: latest.analysis, proposal: latest.proposal } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError("CONFLICT", "Det finns redan ett utkast att arbeta i.");
    throw error;
  }
  return { version: latest.version + 1 };
}
