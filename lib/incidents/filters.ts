import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { incidentScopeSql, seesAllIncidents } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { InvalidPeriodError, localDayRange, periodRange } from "@/lib/time/periods";
import { fromStockholmWall } from "@/lib/time/zone";
import type { TIncidentFilter } from "./schema";

const localDay = (date: string, plusDays = 0) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return fromStockholmWall(y, m, d + plusDays);
};

/** The instants a filter asks for: a period, or Stockholm days from–to, narrowed by exact instants. */
function occurredRange(f: TIncidentFilter): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (f.period) {
    try {
      const { start, end } = periodRange(f.period);
      range.gte = start;
      range.lt = end;
    } catch (error) {
      if (!(error instanceof InvalidPeriodError)) throw error;
    }
  } else {
    if (f.from) range.gte = localDay(f.from);
    if (f.to) range.lt = localDay(f.to, 1);
  }
  if (f.after) range.gte = new Date(f.after);
  if (f.before) range.lt = new Date(f.before);
  return range;
}

/**
 * Free text matches as typed (% and _ are letters here, not wildcards), in either case. A case-blind search pattern for `~` that does not lean on the database's locale: under C (the
 * embedded PostgreSQL's), ILIKE and ~* fold only A–Z, so "ÄNGBY" would not find "Ängby". Each
 * letter becomes a class of its two cases; everything else matches itself.
 */
export function caselessPattern(q: string): string {
  return [...q]
    .map((ch) => {
      const lower = ch.toLocaleLowerCase("sv");
      const upper = ch.toLocaleUpperCase("sv");
      if (lower !== upper && lower.length === 1 && upper.length === 1) return `[${lower}${upper}]`;
      return /[\\^$.|?*+()[\]{}]/.test(ch) ? `\\${ch}` : ch;
    })
    .join("");
}

/** The conditions of a filtered list on `incident` aliased `i`, as parameterised SQL: always
 * inside the viewer's scope and the municipality. */
export function incidentConditions(viewer: Viewer, municipalityId: string, f: TIncidentFilter): Prisma.Sql {
  const { gte, lt } = occurredRange(f);
  const conditions = [
    incidentScopeSql(viewer),
    Prisma.sql`i."municipalityId" = ${municipalityId}::uuid`,
    f.status === "ALL" ? null : Prisma.sql`i.status = ${f.status}::"IncidentStatus"`,
    gte ? Prisma.sql`i."occurredAt" >= ${gte}` : null,
    lt ? Prisma.sql`i."occurredAt" < ${lt}` : null,
    f.areaId ? Prisma.sql`i."areaId" = ${f.areaId}::uuid` : null,
    f.categoryId ? Prisma.sql`i."categoryId" = ${f.categoryId}::uuid` : null,
    f.organisationId ? Prisma.sql`i."reporterOrgId" = ${f.organisationId}::uuid` : null,
    f.q ? Prisma.sql`(i.place ~ ${caselessPattern(f.q)} OR i.description ~ ${caselessPattern(f.q)})` : null,
  ].filter((c): c is Prisma.Sql => c !== null);
  return Prisma.join(conditions, " AND ");
}

/** A Stockholm calendar day as "YYYY-MM-DD", shifted by whole days (out-of-range days roll over
 * as they do in `localDay`). */
const dayKey = (date: string, plusDays = 0) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + plusDays)).toISOString().slice(0, 10);
};

/** When the rollup tables can give a filtered list's total: the viewer sees the whole
 * municipality, only incidents not withdrawn, whole Stockholm days, and no narrowing the rollups
 * do not keep (text, organisation, exact instants). The days and dimensions to count, else null. */
export function rollupCountFilter(viewer: Viewer, municipalityId: string, f: TIncidentFilter) {
  if (f.status !== "ACTIVE" || f.q || f.organisationId || f.after || f.before || !seesAllIncidents(viewer, municipalityId)) return null;
  let days: { from?: string; to?: string } = {};
  if (f.period) {
    try {
      const { from, to } = localDayRange(f.period);
      days = { from, to };
    } catch (error) {
      if (!(error instanceof InvalidPeriodError)) throw error;
    }
  } else {
    days = { ...(f.from ? { from: dayKey(f.from) } : {}), ...(f.to ? { to: dayKey(f.to, 1) } : {}) };
  }
  return { days, only: { ...(f.areaId ? { areaId: f.areaId } : {}), ...(f.categoryId ? { categoryId: f.categoryId } : {}) } };
}
