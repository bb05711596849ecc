"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { createMeasure } from "@/lib/measures/mutations";
import { ZMeasureCreate } from "@/lib/measures/schema";

export async function createMeasureAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const viewer = await requireViewer();
  const parsed = ZMeasureCreate.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { municipalityId } = await getActiveMembership(viewer);
  const result = await withDomainErrors(() => createMeasure(viewer, municipalityId, parsed.data));
  revalidatePath("/atgarder");
  return result;
}
