import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { isPeriodKey, localDayRange, periodRange } from "@/lib/time/periods";

export const ROLLUP_DIMENSIONS = ["area", "category"] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/** Query parameters shared by the API and the CLI, so both refuse the same bad input alike. */
export const ZRollupQuery = z.object({
  municipality: z.string().trim().min(1, "Ange kommun (slug), t.ex. sollentuna."),
  period: z.string().trim().refine((k) => isPeriodKey(k), "Ange en period som 2026-W07, 2026-02, 2026-Q1 eller 2026-T1."),
  by: z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      const dims = (s ?? "").split(",").map((d) => d.trim()).filter(Boolean);
      const bad = dims.find((d) => !(ROLLUP_DIMENSIONS as readonly string[]).includes(d));
      if (bad) {
        ctx.addIssue({ code: "custom", message: `Okänd dimension "${bad}"; välj area, category eller area,category.` });
        return z.NEVER;
      }
      return [...new Set(dims)] as RollupDimension[];
    }),
});

export type Rollup = {
  municipality: string;
  period: string;
  from: string;
  to: string;
  total: number;
  rows: { area?: string; category?: string; count: number }[];
};

type Grouped = { areaId: string | null; categoryId: string | null; n: number };

/**
 * Incidents not withdrawn, by occurrence in Stockholm time, for one municipality and period,
 * grouped by the dimensions asked for. Reads the rollup tables kept current on write (ADR 008):
 * whole months from incident_month_count, weeks from incident_day_count.
 */
export async function rollup(municipalitySlug: string, period: string, by: RollupDimension[]): Promise<Rollup> {
  const municipality = await db().municipality.findUnique({ where: { slug: municipalitySlug }, select: { id: true, slug: true } });
  if (!municipality) throw new DomainError("NOT_FOUND", `Kommunen "${municipalitySlug}" finns inte.`, "municipality");
  const grouped = await rollupCounts([municipality.id], period, by);
  const [areas, categories] = await Promise.all([
    by.includes("area") ? db().area.findMany({ where: { municipalityId: municipality.id }, select: { id: true, name: true } }) : [],
    by.includes("category") ? db().incidentCategory.findMany({ where: { municipalityId: municipality.id }, select: { id: true, code: true } }) : [],
  ]);
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  const categoryCode = new Map(categories.map((c) => [c.id, c.code]));
  const { start, end } = periodRange(period);
  const rows = by.length
    ? grouped
        .map((g) => ({
          ...(by.includes("area") ? { area: areaName.get(g.areaId!) ?? "?" } : {}),
          ...(by.includes("category") ? { category: categoryCode.get(g.categoryId!) ?? "?" } : {}),
          count: g.n,
        }))
        .sort((a, b) => (a.area ?? "").localeCompare(b.area ?? "", "sv") || (a.category ?? "").localeCompare(b.category ?? ""))
    : [];
  return {
    municipality: municipality.slug,
    period,
    from: start.toISOString(),
    to: end.toISOString(),
    total: grouped.reduce((s, g) => s + g.n, 0),
    rows,
  };
}

/** Sums of the rollup table for the period, grouped by id; one row per group with a non-zero count. */
export async function rollupCounts(municipalityIds: string[], period: string, by: RollupDimension[]): Promise<(Grouped & { municipalityId: string })[]> {
  const { from, to, wholeMonths } = localDayRange(period);
  const table = Prisma.raw(wholeMonths ? `"incident_month_count"` : `"incident_day_count"`);
  const column = Prisma.raw(wholeMonths ? `"month"` : `"day"`);
  const area = by.includes("area") ? Prisma.raw(`"areaId"`) : Prisma.raw("NULL::uuid");
  const category = by.includes("category") ? Prisma.raw(`"categoryId"`) : Prisma.raw("NULL::uuid");
  return db().$queryRaw<(Grouped & { municipalityId: string })[]>`
    SELECT "municipalityId", ${area} AS "areaId", ${category} AS "categoryId", sum("n")::int AS "n"
    FROM ${table}
    WHERE "municipalityId" = ANY(${municipalityIds}::uuid[]) AND ${column} >= ${from}::date AND ${column} < ${to}::date
    GROUP BY 1, 2, 3
    HAVING sum("n") <> 0`;
}

export function rollupCsv(r: Rollup, by: RollupDimension[]): string {
  const header = [...by, "count"].join(",");
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = by.length ? r.rows.map((row) => [...by.map((d) => quote(row[d] ?? "")), String(row.count)].join(",")) : [String(r.total)];
  return [header, ...lines].join("\n") + "\n";
}
