import "server-only";
// Residents' tips and associations' reports beside the partners' reports, and night walks as
// adult presence ("vuxennärvaro"), for a lägesbild (weeks) or a tertial analysis (a range).
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type SourceSummary = { resident: number; association: number; walks: number; walkers: number; walkerHours: number };

/** Over some areas, or the whole municipality when `areaIds` is left out. */
export async function sourceSummary(municipalityId: string, range: { start: Date; end: Date }, areaIds?: string[], client: Prisma.TransactionClient = db()): Promise<SourceSummary> {
  const [bySource, walks] = await Promise.all([
    client.incident.groupBy({
      by: ["source"],
      where: { municipalityId, ...(areaIds ? { areaId: { in: areaIds } } : {}), status: "ACTIVE", source: { not: "PARTNER" }, occurredAt: { gte: range.start, lt: range.end } },
      _count: { _all: true },
    }),
    client.nightWalk.findMany({
      where: { municipalityId, startsAt: { gte: range.start, lt: range.end }, ...(areaIds ? { areas: { some: { areaId: { in: areaIds } } } } : {}) },
      select: { walkers: true, startsAt: true, endsAt: true },
    }),
  ]);
  const count = (s: string) => bySource.find((b) => b.source === s)?._count._all ?? 0;
  return {
    resident: count("RESIDENT"),
    association: count("ASSOCIATION"),
    walks: walks.length,
    walkers: walks.reduce((n, w) => n + w.walkers, 0),
    walkerHours: Math.round(walks.reduce((n, w) => n + (w.walkers * (w.endsAt.getTime() - w.startsAt.getTime())) / 3_600_000, 0)),
  };
}
