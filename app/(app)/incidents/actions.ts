"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { createIncident, possibleDuplicateOf, setNothingToReport, updateIncident, withdrawIncident } from "@/lib/incidents/mutations";
import { listPlaceSuggestions } from "@/lib/incidents/queries";
import { createIncidentBatch, type BatchAnswer } from "@/lib/incidents/batch";
import { areaAtPin } from "@/lib/areas/outlines";
import { ZIncidentCreate, ZIncidentUpdate, ZIncidentWithdraw, ZNothingToReport } from "@/lib/incidents/schema";
import { findSensitive, type SensitiveKind } from "@/lib/validation/sensitive";
import { recordAudit } from "@/lib/audit/mutations";
import type { Viewer } from "@/lib/auth/viewer";

type Answer = { id?: string; isoWeek?: string; version?: number; duplicate?: { occurredAt: string; place: string }; sensitive?: SensitiveKind[] };

export async function createIncidentAction(input: unknown): Promise<ActionResult<Answer>> {
  const viewer = await requireViewer();
  const parsed = ZIncidentCreate.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async (): Promise<Answer> => {
    // Probable names, ages or sensitive facts are answered, not saved, until the reporter confirms.
    const sensitive = sensitiveKinds(parsed.data.description);
    if (sensitive.length && !parsed.data.sensitiveConfirmed) return { sensitive };
    // A possible duplicate is answered, not saved: the reporter chooses (Spara ändå / Hoppa över).
    const duplicate = parsed.data.checkDuplicate ? await possibleDuplicateOf(viewer, parsed.data) : null;
    if (duplicate) return { duplicate: { occurredAt: duplicate.occurredAt.toISOString(), place: duplicate.place } };
    const { id, isoWeek } = await createIncident(viewer, parsed.data);
    if (sensitive.length) await recordConfirmation(viewer, id, sensitive);
    return { id, isoWeek };
  });
  revalidatePath("/incidents", "layout");
  return result;
}

/** The quick-entry table's one Save for several incidents (lib/incidents/batch.ts). */
export async function createIncidentBatchAction(input: unknown): Promise<ActionResult<BatchAnswer>> {
  const viewer = await requireViewer();
  const parsed = z.object({ rows: z.array(z.unknown()).max(100) }).strict().safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => createIncidentBatch(viewer, parsed.data.rows));
  if (result.ok && result.data.saved > 0) revalidatePath("/incidents", "layout");
  return result;
}

export async function updateIncidentAction(input: unknown): Promise<ActionResult<Answer>> {
  const viewer = await requireViewer();
  const parsed = ZIncidentUpdate.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async (): Promise<Answer> => {
    const sensitive = sensitiveKinds(parsed.data.description);
    if (sensitive.length && !parsed.data.sensitiveConfirmed) return { sensitive };
    const saved = await updateIncident(viewer, parsed.data);
    if (sensitive.length) await recordConfirmation(viewer, saved.id, sensitive);
    return saved;
  });
  revalidatePath("/incidents", "layout");
  return result;
}

export async function withdrawIncidentAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZIncidentWithdraw.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await withdrawIncident(viewer, parsed.data)));
  revalidatePath("/incidents", "layout");
  return result;
}

const sensitiveKinds = (text: string) => [...new Set(findSensitive(text).map((h) => h.kind))];

/** A reporter kept a text the warning was about: counted per organisation for the data
 * protection officer, in the access log (what kind of thing, never the text). */
async function recordConfirmation(viewer: Viewer, incidentId: string, kinds: SensitiveKind[]) {
  const active = await getActiveMembership(viewer);
  await recordAudit({
    userId: viewer.userId,
    municipalityId: active.municipalityId,
    action: "incident:sensitive-confirmed",
    entityType: "incident",
    entityId: incidentId,
    details: { organisationId: active.organisationId, kinds },
  });
}

const ZNothing = ZNothingToReport.extend({ nothing: z.boolean() }).strict();

export async function setNothingToReportAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZNothing.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await setNothingToReport(viewer, parsed.data.municipalityId, parsed.data.isoWeek, parsed.data.nothing)));
  revalidatePath("/incidents", "layout");
  revalidatePath("/");
  return result;
}

/** The kommundel a pin lies in, by the areas' outlines; null without outlines or outside them. */
export async function areaAtPinAction(input: unknown): Promise<{ id: string; name: string } | null> {
  const viewer = await requireViewer();
  const parsed = z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).strict().safeParse(input);
  if (!parsed.success) return null;
  const active = await getActiveMembership(viewer);
  return areaAtPin(viewer, active.municipalityId, parsed.data.latitude, parsed.data.longitude);
}

export async function placeSuggestionsAction(areaId: unknown): Promise<string[]> {
  const viewer = await requireViewer();
  const parsed = z.uuid().safeParse(areaId);
  if (!parsed.success) return [];
  return listPlaceSuggestions(viewer, parsed.data);
}
