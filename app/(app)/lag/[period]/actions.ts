"use server";

import { lawDocument } from "@/lib/documents/catalogue";
import { archiveAfterApproval } from "@/lib/documents/pdf";
import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { approveLawDocument, saveLawTexts, startLawVersion } from "@/lib/law/document";
import { ZLawNewVersion, ZLawStep, ZLawTexts } from "@/lib/law/schema";

export async function saveLawTextsAction(input: unknown): Promise<ActionResult<{ revision: number }>> {
  const viewer = await requireViewer();
  const parsed = ZLawTexts.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { municipalityId } = await getActiveMembership(viewer);
  const result = await withDomainErrors(() => saveLawTexts(viewer, municipalityId, parsed.data));
  revalidatePath(`/lag/${parsed.data.period}`);
  return result;
}

export async function approveLawAction(input: unknown): Promise<ActionResult<void>> {
  const viewer = await requireViewer();
  const parsed = ZLawStep.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { municipalityId } = await getActiveMembership(viewer);
  const result = await withDomainErrors(() => approveLawDocument(viewer, municipalityId, parsed.data));
  // The adopted version goes to the archive as it is now; the page then shows its hash.
  if (result.ok) await archiveAfterApproval((await lawDocument(viewer, parsed.data.period)).doc, viewer);
  revalidatePath(`/lag/${parsed.data.period}`);
  return result;
}

export async function newLawVersionAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const viewer = await requireViewer();
  const parsed = ZLawNewVersion.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { municipalityId } = await getActiveMembership(viewer);
  const result = await withDomainErrors(() => startLawVersion(viewer, municipalityId, parsed.data));
  revalidatePath(`/lag/${parsed.data.period}`);
  return result;
}
