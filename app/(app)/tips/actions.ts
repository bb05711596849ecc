"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { acceptTip, closeTips, mergeTip } from "@/lib/tips/mutations";
import { ZTipAccept, ZTipClose, ZTipMerge } from "@/lib/tips/schema";

export async function acceptTipAction(input: unknown): Promise<ActionResult<{ incidentId: string }>> {
  const viewer = await requireViewer();
  const parsed = ZTipAccept.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => acceptTip(viewer, parsed.data));
  revalidatePath("/tips", "layout");
  return result;
}

export async function mergeTipAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZTipMerge.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await mergeTip(viewer, parsed.data)));
  revalidatePath("/tips", "layout");
  return result;
}

export async function closeTipsAction(input: unknown): Promise<ActionResult<{ closed: number }>> {
  const viewer = await requireViewer();
  const parsed = ZTipClose.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => closeTips(viewer, parsed.data));
  revalidatePath("/tips", "layout");
  return result;
}
