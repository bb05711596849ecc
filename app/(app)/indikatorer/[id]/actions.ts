"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { recordIndicatorValue } from "@/lib/indicators/mutations";
import { ZIndicatorValue } from "@/lib/indicators/schema";

export async function recordValueAction(input: unknown): Promise<ActionResult<void>> {
  const viewer = await requireViewer();
  const parsed = ZIndicatorValue.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { municipalityId } = await getActiveMembership(viewer);
  const result = await withDomainErrors(() => recordIndicatorValue(viewer, municipalityId, parsed.data));
  revalidatePath(`/indikatorer/${parsed.data.indicatorId}`);
  revalidatePath("/indikatorer");
  return result;
}
