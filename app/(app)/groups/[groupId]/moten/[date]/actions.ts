"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { publishMeetingPicture } from "@/lib/insats/meeting-picture";
import { ZMeetingPicturePublish } from "@/lib/insats/schema";

export async function publishMeetingPictureAction(input: unknown): Promise<ActionResult<{ published: boolean; missing: string[] }>> {
  const viewer = await requireViewer();
  const parsed = ZMeetingPicturePublish.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => publishMeetingPicture(viewer, parsed.data));
  revalidatePath(`/groups/${parsed.data.groupId}/moten/${parsed.data.week}`);
  return result;
}
