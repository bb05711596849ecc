"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { createNightWalk } from "@/lib/nightwalks/mutations";
import { ZNightWalk } from "@/lib/nightwalks/schema";

export async function createNightWalkAction(input: unknown): Promise<ActionResult<{ id: string; incidents: number }>> {
  const viewer = await requireViewer();
  const parsed = ZNightWalk.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const result = await withDomainErrors(() => createNightWalk(viewer, parsed.data));
  revalidatePath("/nattvandring");
  return result;
}
