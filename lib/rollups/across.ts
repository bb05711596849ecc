import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { samePeriodLastYear, shiftPeriod } from "@/lib/time/periods";
import { rollupCounts } from "./queries";

/**
 * The lokalpolisområde view: one period's counts for every municipality the viewer takes part
 * in, side by side, with the previous period, the same period last year and the category mix.
 */
export async function getRollupAcross(viewer: Viewer, period: string) {
  const memberships = viewer.memberships.filter((m) => can(viewer, "rollup:view", { municipalityId: m.municipalityId }));
  const ids = memberships.map((m) => m.municipalityId);
  if (ids.length === 0) return { municipalities: [], categories: [] };
  const [current, previous, lastYear, municipalities, categories] = await Promise.all([
    rollupCounts(ids, period, ["category"]),
    rollupCounts(ids, shiftPeriod(period, -1), []),
    rollupCounts(ids, samePeriodLastYear(period), []),
    db().municipality.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, name: true, population: true }, orderBy: { name: "asc" } }),
    db().incidentCategory.findMany({ where: { municipalityId: { in: ids }, parentId: null }, select: { id: true, code: true, label: true, sortOrder: true } }),
  ]);
  // Categories are per municipality; they line up by code.
  const codes = [...new Map(categories.sort((a, b) => a.sortOrder - b.sortOrder).map((c) => [c.code, c.label])).entries()].map(([code, label]) => ({ code, label }));
  const codeOf = new Map(categories.map((c) => [c.id, c.code]));
  const total = (rows: { municipalityId: string; n: number }[], id: string) => rows.filter((r) => r.municipalityId === id).reduce((s, r) => s + r.n, 0);
  return {
    categories: codes,
    municipalities: municipalities.map((m) => {
      const count = total(current, m.id);
      return {
        ...m,
        count,
        previous: total(previous, m.id),
        lastYear: total(lastYear, m.id),
        perThousand: m.population ? (count / m.population) * 1000 : null,
        byCategory: Object.fromEntries(codes.map((c) => [c.code, current.filter((r) => r.municipalityId === m.id && codeOf.get(r.categoryId!) === c.code).reduce((s, r) => s + r.n, 0)])),
      };
    }),
  };
}
