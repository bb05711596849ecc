import "server-only";
import { db } from "@/lib/db";
import { incidentScope } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { SAME_EVENT_MINUTES, samePlace } from "./events";

/**
 * A report the viewer may see that looks like the same event as one about to be saved: same
 * area and category, the same place (ignoring case and surrounding spaces), within an hour either
 * way. The submit's own earlier save (same idempotency key: a retry) is not a duplicate of it.
 */
export async function findPossibleDuplicate(
  viewer: Viewer | null,
  municipalityId: string,
  r: { areaId: string; categoryId: string; place: string; occurredAt: Date; idempotencyKey?: string; notId?: string },
) {
  const window = SAME_EVENT_MINUTES * 60_000;
  // The few reports of the area and category in those two hours are read, and the place compared
  // here: PostgreSQL's lower() and ILIKE follow the database's locale, which may not know å, ä, ö.
  const candidates = await db().incident.findMany({
    where: {
      AND: [
        // A system reporting through the API sees its municipality; a person what they may see.
        viewer ? incidentScope(viewer) : {},
        {
          ...(r.notId ? { id: { not: r.notId } } : {}),
          municipalityId,
          status: "ACTIVE",
          areaId: r.areaId,
          categoryId: r.categoryId,
          occurredAt: { gte: new Date(r.occurredAt.getTime() - window), lte: new Date(r.occurredAt.getTime() + window) },
          ...(r.idempotencyKey ? { OR: [{ idempotencyKey: null }, { idempotencyKey: { not: r.idempotencyKey } }] } : {}),
        },
      ],
    },
    select: { id: true, occurredAt: true, place: true },
    orderBy: { occurredAt: "asc" },
    take: 500,
  });
  const wanted = samePlace(r.place);
  return candidates.find((c) => samePlace(c.place) === wanted) ?? null;
}
