import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";

/** The viewer's own notifications, newest first. */
export async function listMyNotifications(viewer: Viewer) {
  return db().notification.findMany({
    where: { userId: viewer.userId },
    select: { id: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

export async function countUnread(viewer: Viewer): Promise<number> {
  return db().notification.count({ where: { userId: viewer.userId, readAt: null } });
}
