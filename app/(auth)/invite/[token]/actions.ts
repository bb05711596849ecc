"use server";

import { type ActionResult } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { joinByInvitation } from "@/lib/users/invitations";

/** A signed-in user accepts an invitation sent to their own address. */
export async function joinAction(token: string): Promise<ActionResult<{ groupId: string | null }>> {
  const viewer = await requireViewer();
  return withDomainErrors(() => joinByInvitation(viewer, token));
}
