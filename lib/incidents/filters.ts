import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { incidentScope } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { InvalidPeriodError, periodRange } from "@/lib/time/periods";
import { fromStockholmWall } from "@/lib/time/zone";
import type { TIncidentFilter } from "./schema";

const localDay = (date: string, plusDays = 0) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return fromStockholmWall(y, m, d + plusDays);
};

/** The where-clause for a filtered list: always inside the viewer's scope and municipality. */
export function incidentWhere(viewer: Viewer, municipalityId: string, f: TIncidentFilter): Prisma.IncidentWhereInput {
  const occurredAt: Prisma.DateTimeFilter = {};
  if (f.period) {
    try {
      const { start, end } = periodRange(f.period);
      occurredAt.gte = start;
      occurredAt.lt = end;
    } catch (error) {
      if (!(error instanceof InvalidPeriodError)) throw error;
    }
  } else {
    if (f.from) occurredAt.gte = localDay(f.from);
    if (f.to) occurredAt.lt = localDay(f.to, 1);
  }
  if (f.after) occurredAt.gte = new Date(f.after);
  if (f.before) occurredAt.lt = new Date(f.before);
  return {
    AND: [
      incidentScope(viewer),
      { municipalityId },
      f.status === "ALL" ? {} : { status: f.status },
      Object.keys(occurredAt).length ? { occurredAt } : {},
      f.areaId ? { areaId: f.areaId } : {},
      f.categoryId ? { categoryId: f.categoryId } : {},
      f.organisationId ? { reporterOrgId: f.organisationId } : {},
      f.q ? { OR: [{ place: { contains: f.q, mode: "insensitive" } }, { description: { contains: f.q, mode: "insensitive" } }] } : {},
    ],
  };
}
