"use server";

import { lagesbildDocument } from "@/lib/documents/catalogue";
import { archiveAfterApproval } from "@/lib/documents/pdf";
import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { LagesbildConflict, publishLagesbild, saveJudgement } from "@/lib/lagesbild/mutations";
import { ZLagesbildJudgement, ZLagesbildPublish } from "@/lib/lagesbild/schema";
import { createMeasureFromLagesbild } from "@/lib/measures/mutations";
import { ZMeasureFromLagesbild } from "@/lib/measures/schema";

export type Conflict = LagesbildConflict["current"];
export type SaveResult = ActionResult<{ version: number }> | { ok: false; formError: string; conflict: Conflict };

export async function saveJudgementAction(input: unknown): Promise<SaveResult> {
  const viewer = await requireViewer();
  const parsed = ZLagesbildJudgement.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  try {
    // A conflict carries the saved texts for the form to offer, so it is answered here; every
    // other refusal goes through withDomainErrors (under its field, refusals logged).
    return await withDomainErrors(async () => {
      try {
        return { version: (await saveJudgement(viewer, parsed.data)).version };
      } catch (error) {
        throw error instanceof LagesbildConflict ? new ConflictSeen(error) : error;
      }
    });
  } catch (error) {
    if (error instanceof ConflictSeen) return { ok: false, formError: error.conflict.message, conflict: error.conflict.current };
    throw error;
  }
}

/** Carries a conflict past withDomainErrors, which would answer it as a plain refusal. */
class ConflictSeen extends Error {
  constructor(readonly conflict: LagesbildConflict) {
    super("conflict");
  }
}

export async function publishAction(input: unknown): Promise<ActionResult<{ published: boolean; missing: string[] }>> {
  const viewer = await requireViewer();
  const parsed = ZLagesbildPublish.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => publishLagesbild(viewer, parsed.data));
  if (result.ok && result.data.published) {
    // The published document goes to the archive as it is now; the page then shows its hash.
    await archiveAfterApproval((await lagesbildDocument(viewer, parsed.data.groupId, parsed.data.week)).doc, viewer);
    revalidatePath(`/groups/${parsed.data.groupId}/lagesbild/${parsed.data.week}`);
  }
  return result;
}

export async function createMeasureAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const viewer = await requireViewer();
  const parsed = ZMeasureFromLagesbild.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => createMeasureFromLagesbild(viewer, parsed.data));
  revalidatePath(`/groups/${parsed.data.groupId}/lagesbild/${parsed.data.week}`);
  return result;
}
