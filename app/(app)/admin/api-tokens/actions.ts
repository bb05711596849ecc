"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/tokens";
import { ZApiTokenCreate } from "@/lib/api-tokens/schema";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";

export async function createApiTokenAction(input: unknown): Promise<ActionResult<{ token: string }>> {
  const viewer = await requireViewer();
  const parsed = ZApiTokenCreate.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const active = await getActiveMembership(viewer);
  const result = await withDomainErrors(async () => ({ token: (await createApiToken(viewer, active.municipalityId, parsed.data)).token }));
  revalidatePath("/admin/api-tokens");
  return result;
}

export async function revokeApiTokenAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = z.object({ id: z.uuid() }).strict().safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => void (await revokeApiToken(viewer, parsed.data.id)));
  revalidatePath("/admin/api-tokens");
  return result;
}
