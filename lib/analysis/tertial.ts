import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { getActiveMembership } from "@/lib/auth/tenant";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import { isPeriodKey, periodRange, shiftPeriod, tertialKey } from "@/lib/time/periods";
import type { Analysis } from "./build";
import { computeAnalysis, withCoverage } from "./load";
import { contextForPeriod, type ContextFigure } from "@/lib/context/for-period";

// `proposal` (Förslag till beslut) is missing from narratives saved before it existed.
export type Narrative = { overall: string; areas: Record<string, string>; proposal?: string };
/** What approval freezes: the figures and the words, as EST Ledning approved them. */
/** `context` (survey series and indicators, issue 28) is missing from analyses approved before it existed. */
export type TertialSnapshot = { analysis: Analysis; context?: ContextFigure[]; narrative: Narrative; approvedBy: string };

export const EMPTY_NARRATIVE: Narrative = { overall: "", areas: {} };

export function assertTertialVisible(viewer: Viewer, municipalityId: string, tertial: string) {
  if (!isPeriodKey(tertial, "tertial") || !can(viewer, "tertial:view", { municipalityId })) {
    throw new DomainError("NOT_FOUND", "Analysen finns inte, eller så har du inte behörighet att se den.");
  }
}

/**
 * A municipality's tertial analysis: the approved snapshot once EST Ledning has approved it,
 * otherwise drafted live from the rollups with the narrative written so far.
 */
export async function getTertialAnalysis(viewer: Viewer, municipalityId: string, tertial: string) {
  assertTertialVisible(viewer, municipalityId, tertial);
  const row = await db().tertialAnalysis.findUnique({
    where: { municipalityId_tertial: { municipalityId, tertial } },
    select: {
      id: true, status: true, version: true, narrative: true, snapshot: true, submittedAt: true, approvedAt: true,
      comments: { select: { id: true, section: true, text: true, createdAt: true, author: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  const status = row?.status ?? "DRAFT";
  await recordAudit({ userId: viewer.userId, municipalityId, action: "tertial:view", entityType: "tertial", entityId: tertial });
  const snapshot = status === "APPROVED" ? (row!.snapshot as TertialSnapshot) : null;
  const [analysis, context] = snapshot
    ? [await withCoverage(snapshot.analysis, municipalityId), snapshot.context ?? null]
    : await Promise.all([computeAnalysis(municipalityId, tertial), contextForPeriod(municipalityId, tertial)]);
  const target = { municipalityId };
  return {
    id: row?.id ?? null,
    tertial,
    status,
    state: tertialState(row),
    version: row?.version ?? 0,
    narrative: snapshot?.narrative ?? ((row?.narrative as Narrative | null) ?? EMPTY_NARRATIVE),
    approvedBy: snapshot?.approvedBy ?? null,
    approvedAt: row?.approvedAt ?? null,
    submittedAt: row?.submittedAt ?? null,
    comments: row?.comments ?? [],
    analysis,
    context,
    may: {
      edit: status !== "APPROVED" && can(viewer, "tertial:edit", target),
      submit: status === "DRAFT" && can(viewer, "tertial:edit", target),
      approve: status === "IN_REVIEW" && can(viewer, "tertial:approve", target),
      comment: status !== "APPROVED",
    },
  };
}
export type TertialView = Awaited<ReturnType<typeof getTertialAnalysis>>;

/** Where an analysis stands, in the one set of words list, page and start page share. */
export type TertialState = "NOT_STARTED" | "DRAFT" | "IN_REVIEW" | "APPROVED";
export const tertialState = (row: { status: TertialState } | null | undefined): TertialState => row?.status ?? "NOT_STARTED";

/** The current tertial and the five before it, with where each analysis stands. */
export async function listTertials(viewer: Viewer, municipalityId: string, now = new Date()) {
  const current = tertialKey(now);
  assertTertialVisible(viewer, municipalityId, current);
  const keys = Array.from({ length: 6 }, (_, i) => shiftPeriod(current, -i));
  const rows = await db().tertialAnalysis.findMany({ where: { municipalityId, tertial: { in: keys } }, select: { tertial: true, status: true, approvedAt: true } });
  return keys.map((k) => {
    const row = rows.find((r) => r.tertial === k);
    return { tertial: k, state: tertialState(row), approvedAt: row?.approvedAt ?? null, ongoing: periodRange(k).end > now };
  });
}

export type TertialTask = { tertial: string; kind: "approve" | "write" };

/**
 * What the viewer has to do about tertial analyses, for the start page: EST Ledning sees every
 * analysis waiting for its approval; EST Strategisk (and coordinators) the last finished tertial
 * while its analysis is neither with Ledning nor approved.
 */
export async function tertialTasks(viewer: Viewer, municipalityId: string, now = new Date()): Promise<TertialTask[]> {
  const target = { municipalityId };
  const approve = can(viewer, "tertial:approve", target);
  const write = can(viewer, "tertial:edit", target);
  if (!approve && !write) return [];
  const rows = await listTertials(viewer, municipalityId, now);
  const tasks: TertialTask[] = approve ? rows.filter((r) => r.state === "IN_REVIEW").map((r) => ({ tertial: r.tertial, kind: "approve" })) : [];
  const lastFinished = rows.find((r) => !r.ongoing);
  if (write && lastFinished && (lastFinished.state === "NOT_STARTED" || lastFinished.state === "DRAFT")) {
    tasks.push({ tertial: lastFinished.tertial, kind: "write" });
  }
  return tasks;
}

/** What the analysis's document header and PDF need, in the viewer's active municipality, with the page's access rule. */
export async function getTertialHead(viewer: Viewer, tertial: string) {
  const active = await getActiveMembership(viewer);
  assertTertialVisible(viewer, active.municipalityId, tertial);
  const row = await db().tertialAnalysis.findUnique({
    where: { municipalityId_tertial: { municipalityId: active.municipalityId, tertial } },
    select: { id: true, status: true, version: true, approvedAt: true, approvedById: true },
  });
  const approver = row?.approvedById ? await db().user.findUnique({ where: { id: row.approvedById }, select: { name: true } }) : null;
  return {
    municipalityId: active.municipalityId, municipalityName: active.municipalityName,
    id: row?.id ?? null, status: row?.status ?? "DRAFT", version: row?.version ?? 0, approvedAt: row?.approvedAt ?? null, approvedBy: approver?.name ?? null,
  };
}

/** The tertial EST Strategisk's and Ledning's group pages lead to: the first thing to do, else the
 * last finished tertial; null for whoever may not read the analyses. */
export async function tertialToOpen(viewer: Viewer, municipalityId: string, now = new Date()) {
  if (!can(viewer, "tertial:view", { municipalityId })) return null;
  return (await tertialTasks(viewer, municipalityId, now))[0]?.tertial ?? shiftPeriod(tertialKey(now), -1);
}
