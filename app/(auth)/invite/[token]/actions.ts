"use server";

import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { joinByInvitation } from "@/lib/users/invitations";
import { ZInvitationToken } from "@/lib/users/schema";

/** A signed-in user accepts an invitation sent to their own address. The token comes from the
 * client like any action input: checked before anything else sees it. */
export async function joinAction(token: unknown): Promise<ActionResult<{ groupId: string | null }>> {
  const viewer = await requireViewer();
  const parsed = ZInvitationToken.safeParse(token);
  if (!parsed.success) return fieldErrors(parsed.error);
  return withDomainErrors(() => joinByInvitation(viewer, parsed.data));
}
