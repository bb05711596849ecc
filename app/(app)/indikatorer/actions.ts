"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { saveIndicator } from "@/lib/indicators/mutations";
import { ZIndicator } from "@/lib/indicators/schema";

export async function saveIndicatorAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const viewer = await requireViewer();
  const parsed = ZIndicator.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { municipalityId } = await getActiveMembership(viewer);
  const result = await withDomainErrors(() => saveIndicator(viewer, municipalityId, parsed.data));
  revalidatePath("/indikatorer", "layout");
  return result;
}
