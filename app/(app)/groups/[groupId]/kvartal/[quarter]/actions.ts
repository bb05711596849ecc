"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { followUpGoal } from "@/lib/goals/follow-ups";
import { ZGoalFollowUp } from "@/lib/goals/schema";

export async function followUpGoalAction(input: unknown): Promise<ActionResult<void>> {
  const viewer = await requireViewer();
  const parsed = ZGoalFollowUp.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => followUpGoal(viewer, parsed.data));
  revalidatePath(`/groups/${parsed.data.groupId}/kvartal/${parsed.data.quarter}`);
  return result;
}
