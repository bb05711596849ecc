"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { tertialDocument } from "@/lib/documents/catalogue";
import { archiveAfterApproval } from "@/lib/documents/pdf";
import { getActiveMembership } from "@/lib/auth/tenant";
import type { Viewer } from "@/lib/auth/viewer";
import { addTertialComment, approveTertial, returnTertialToDraft, saveTertialNarrative, submitTertialForReview } from "@/lib/analysis/tertial-mutations";
import { ZTertialComment, ZTertialNarrative, ZTertialReturn, ZTertialStep } from "@/lib/analysis/schema";

/** Validates, runs the step in the viewer's active municipality and refreshes the page. */
async function step<S extends z.ZodType<{ tertial: string }>, T>(
  viewer: Viewer,
  schema: S,
  input: unknown,
  run: (viewer: Viewer, municipalityId: string, data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { municipalityId } = await getActiveMembership(viewer);
  const result = await withDomainErrors(() => run(viewer, municipalityId, parsed.data));
  revalidatePath(`/tertial/${parsed.data.tertial}`);
  return result;
}

export async function saveNarrativeAction(input: unknown) {
  return step(await requireViewer(), ZTertialNarrative, input, saveTertialNarrative);
}

export async function submitForReviewAction(input: unknown) {
  return step(await requireViewer(), ZTertialStep, input, submitTertialForReview);
}

export async function approveAction(input: unknown) {
  const viewer = await requireViewer();
  const result = await step(viewer, ZTertialStep, input, approveTertial);
  // The approved analysis goes to the archive as it is now; the page then shows its hash.
  if (result.ok) await archiveAfterApproval((await tertialDocument(viewer, ZTertialStep.parse(input).tertial)).doc, viewer);
  return result;
}

export async function returnToDraftAction(input: unknown) {
  return step(await requireViewer(), ZTertialReturn, input, returnTertialToDraft);
}

export async function commentAction(input: unknown) {
  return step(await requireViewer(), ZTertialComment, input, addTertialComment);
}
