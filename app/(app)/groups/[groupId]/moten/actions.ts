"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { addMeeting, changeCadence } from "@/lib/meetings/mutations";
import { ZCadenceChange, ZMeetingAdd } from "@/lib/meetings/schema";

export async function changeCadenceAction(input: unknown): Promise<ActionResult<{ meetings: number }>> {
  const viewer = await requireViewer();
  const parsed = ZCadenceChange.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => changeCadence(viewer, parsed.data));
  revalidatePath(`/groups/${parsed.data.groupId}/moten`);
  return result;
}

export async function addMeetingAction(input: unknown): Promise<ActionResult<{ id: string; overlaps: string[] }>> {
  const viewer = await requireViewer();
  const parsed = ZMeetingAdd.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => addMeeting(viewer, parsed.data));
  revalidatePath(`/groups/${parsed.data.groupId}/moten`);
  return result;
}
