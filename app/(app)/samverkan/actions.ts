"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors, withDomainErrors } from "@/lib/action-result";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { followUpCommitment } from "@/lib/agreements/agreements";
import { ZCommitmentFollowUp } from "@/lib/agreements/schema";

export async function followUpCommitmentAction(input: unknown): Promise<ActionResult<void>> {
  const parsed = ZCommitmentFollowUp.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const viewer = await requireViewer();
  const { municipalityId } = await getActiveMembership(viewer);
  const result = await withDomainErrors(() => followUpCommitment(viewer, municipalityId, parsed.data));
  revalidatePath("/samverkan");
  return result;
}
