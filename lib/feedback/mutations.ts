import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";

/** Marks the viewer's own notifications as read (never anyone else's). */
export async function markAllRead(viewer: Viewer): Promise<void> {
  await db().notification.updateMany({ where: { userId: viewer.userId, readAt: null }, data: { readAt: new Date() } });
}
