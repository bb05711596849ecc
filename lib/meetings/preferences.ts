import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import type { ReminderKind } from "@/lib/generated/prisma/enums";
import type { ZReminderPreferences } from "./schema";

const KINDS: ReminderKind[] = ["MEETING", "REPORTING", "MEASURE_DUE"];

/** Which reminders the viewer gets (all, unless turned off). */
export async function getReminderPreferences(viewer: Viewer): Promise<Record<ReminderKind, boolean>> {
  const off = await db().reminderOptOut.findMany({ where: { userId: viewer.userId }, select: { kind: true } });
  return Object.fromEntries(KINDS.map((k) => [k, !off.some((o) => o.kind === k)])) as Record<ReminderKind, boolean>;
}

export async function setReminderPreferences(viewer: Viewer, prefs: z.output<typeof ZReminderPreferences>) {
  await db().$transaction([
    db().reminderOptOut.deleteMany({ where: { userId: viewer.userId } }),
    db().reminderOptOut.createMany({ data: KINDS.filter((k) => !prefs[k]).map((kind) => ({ userId: viewer.userId, kind })) }),
  ]);
}
