"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { openInsats } from "@/lib/insats/mutations";
import { ZInsatsOpen } from "@/lib/insats/schema";

export async function openInsatsAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const viewer = await requireViewer();
  const parsed = ZInsatsOpen.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(async () => ({ id: (await openInsats(viewer, parsed.data)).id }));
  revalidatePath("/");
  return result;
}
