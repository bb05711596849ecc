"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, fieldErrors, ok } from "@/lib/action-result";
import { requireViewer } from "@/lib/auth/session";
import { createCalendarToken, revokeCalendarToken } from "@/lib/meetings/ics";
import { setReminderPreferences } from "@/lib/meetings/preferences";
import { ZReminderPreferences } from "@/lib/meetings/schema";

export async function createCalendarTokenAction(_input: unknown): Promise<ActionResult<{ token: string }>> {
  const viewer = await requireViewer();
  const token = await createCalendarToken(viewer);
  revalidatePath("/kalender");
  return ok({ token });
}

export async function revokeCalendarTokenAction(_input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  await revokeCalendarToken(viewer);
  revalidatePath("/kalender");
  return ok(undefined);
}

export async function saveReminderPreferencesAction(input: unknown): Promise<ActionResult<undefined>> {
  const viewer = await requireViewer();
  const parsed = ZReminderPreferences.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  await setReminderPreferences(viewer, parsed.data);
  revalidatePath("/kalender");
  return ok(undefined);
}
