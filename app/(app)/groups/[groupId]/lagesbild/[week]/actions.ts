"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors, formError, ok } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { isExpectedError } from "@/lib/errors";
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
    const { version } = await saveJudgement(viewer, parsed.data);
    return ok({ version });
  } catch (error) {
    if (error instanceof LagesbildConflict) return { ok: false, formError: error.message, conflict: error.current };
    if (isExpectedError(error)) return formError(error.message);
    throw error;
  }
}

export async function publishAction(input: unknown): Promise<ActionResult<{ published: boolean; missing: string[] }>> {
  const viewer = await requireViewer();
  const parsed = ZLagesbildPublish.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  try {
    const result = await publishLagesbild(viewer, parsed.data);
    if (result.published) revalidatePath(`/groups/${parsed.data.groupId}/lagesbild/${parsed.data.week}`);
    return ok(result);
  } catch (error) {
    if (isExpectedError(error)) return formError(error.message);
    throw error;
  }
}

export async function createMeasureAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const viewer = await requireViewer();
  const parsed = ZMeasureFromLagesbild.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => createMeasureFromLagesbild(viewer, parsed.data));
  revalidatePath(`/groups/${parsed.data.groupId}/lagesbild/${parsed.data.week}`);
  return result;
}
