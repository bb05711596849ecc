"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { createAgreement, followUpCommitment } from "@/lib/agreements/agreements";
import { ZAgreementCreate, ZCommitmentFollowUp } from "@/lib/agreements/schema";

export async function followUpCommitmentAction(input: unknown): Promise<ActionResult<void>> {
  const viewer = await requireViewer();
  const parsed = ZCommitmentFollowUp.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { municipalityId } = await getActiveMembership(viewer);
  const result = await withDomainErrors(() => followUpCommitment(viewer, municipalityId, parsed.data));
  revalidatePath("/samverkan");
  return result;
}

export async function createAgreementAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const viewer = await requireViewer();
  const parsed = ZAgreementCreate.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { municipalityId } = await getActiveMembership(viewer);
  const result = await withDomainErrors(() => createAgreement(viewer, municipalityId, parsed.data));
  revalidatePath("/samverkan");
  return result;
}
