"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, ok } from "@/lib/action-result";
import { requireViewer } from "@/lib/auth/session";
import { markAllRead } from "@/lib/feedback/mutations";

export async function markAllReadAction(): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  await markAllRead(viewer);
  revalidatePath("/", "layout");
  return ok(undefined);
}
