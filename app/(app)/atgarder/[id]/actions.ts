"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { addFollowUp, judgeMeasure, saveMeasureEvaluation, setMeasureStatus } from "@/lib/measures/mutations";
import { ZFollowUp, ZMeasureEvaluation, ZMeasureJudgement, ZMeasureStatus } from "@/lib/measures/schema";
import { publishMeasure } from "@/lib/tips/mutations";
import { ZMeasurePublish } from "@/lib/tips/schema";

export async function followUpAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZFollowUp.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await addFollowUp(viewer, parsed.data)));
  revalidatePath(`/atgarder/${parsed.data.measureId}`);
  return result;
}

export async function statusAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const viewer = await requireViewer();
  const parsed = ZMeasureStatus.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => setMeasureStatus(viewer, parsed.data));
  revalidatePath(`/atgarder/${parsed.data.measureId}`);
  return result;
}

export async function judgeAction(input: unknown): Promise<ActionResult<void>> {
  const viewer = await requireViewer();
  const parsed = ZMeasureJudgement.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => judgeMeasure(viewer, parsed.data));
  revalidatePath(`/atgarder/${parsed.data.measureId}`);
  return result;
}

export async function publishAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZMeasurePublish.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await publishMeasure(viewer, parsed.data)));
  revalidatePath(`/atgarder/${parsed.data.measureId}`);
  return result;
}

export async function evaluationAction(input: unknown): Promise<ActionResult<void>> {
  const viewer = await requireViewer();
  const parsed = ZMeasureEvaluation.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => saveMeasureEvaluation(viewer, parsed.data));
  revalidatePath(`/atgarder/${parsed.data.measureId}`);
  return result;
}
