"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { addReportingPause, removeReportingPause, setReportingDays } from "@/lib/coverage/mutations";
import { ZReportingDays, ZReportingPause } from "@/lib/coverage/schema";

export async function setReportingDaysAction(input: unknown): Promise<ActionResult<void>> {
  const viewer = await requireViewer();
  const parsed = ZReportingDays.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { municipalityId } = await getActiveMembership(viewer);
  const result = await withDomainErrors(() => setReportingDays(viewer, municipalityId, parsed.data));
  revalidatePath("/incidents/completeness");
  return result;
}

export async function addReportingPauseAction(input: unknown): Promise<ActionResult<void>> {
  const viewer = await requireViewer();
  const parsed = ZReportingPause.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { municipalityId } = await getActiveMembership(viewer);
  const result = await withDomainErrors(async () => void (await addReportingPause(viewer, municipalityId, parsed.data)));
  revalidatePath("/incidents/completeness");
  return result;
}

export async function removeReportingPauseAction(input: unknown): Promise<ActionResult<void>> {
  const viewer = await requireViewer();
  const parsed = z.object({ pauseId: z.uuid() }).strict().safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const { municipalityId } = await getActiveMembership(viewer);
  const result = await withDomainErrors(() => removeReportingPause(viewer, municipalityId, parsed.data.pauseId));
  revalidatePath("/incidents/completeness");
  return result;
}
