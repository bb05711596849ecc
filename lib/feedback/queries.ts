import "server-only";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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

/** The badge in the navigation. Every page asks, so it is plain SQL: through the ORM a count costs
 * ten times the CPU (docs/scaling.md, "The ORM's cost per call"). */
export async function countUnread(viewer: Viewer): Promise<number> {
  const [row] = await queryRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM notification WHERE "userId" = ${viewer.userId}::uuid AND "readAt" IS NULL`);
  return row!.n;
}
