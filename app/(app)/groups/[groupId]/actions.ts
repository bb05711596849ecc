"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { closeInsats, extendInsats } from "@/lib/insats/mutations";
import { ZInsatsClose, ZInsatsExtend } from "@/lib/insats/schema";
import { addFollowUp } from "@/lib/measures/mutations";
import { ZFollowUp } from "@/lib/measures/schema";
import { removeMember, setMember, ZMemberChange, ZMemberRemove } from "@/lib/groups/members";

export async function extendInsatsAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZInsatsExtend.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await extendInsats(viewer, parsed.data)));
  revalidatePath(`/groups/${parsed.data.groupId}`);
  return result;
}

export async function closeInsatsAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZInsatsClose.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await closeInsats(viewer, parsed.data)));
  revalidatePath(`/groups/${parsed.data.groupId}`);
  return result;
}

export async function addFollowUpAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZFollowUp.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await addFollowUp(viewer, parsed.data)));
  revalidatePath("/groups", "layout");
  return result;
}

export async function setMemberAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZMemberChange.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await setMember(viewer, parsed.data)));
  revalidatePath(`/groups/${parsed.data.groupId}`);
  return result;
}

export async function removeMemberAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZMemberRemove.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await removeMember(viewer, parsed.data)));
  revalidatePath(`/groups/${parsed.data.groupId}`);
  return result;
}
