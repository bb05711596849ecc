import "server-only";
import { csvCell } from "@/lib/text/csv";
import { pool, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { getCoverage, getCoverageOfRanges } from "@/lib/coverage/queries";
import type { PeriodCoverage } from "@/lib/coverage/rule";
import { apiPeriod, apiPeriodKind, periodsBetween, type ApiPeriodKind } from "./periods";
import type { Rollup, RollupDimension, RollupSeries } from "./schema";

export { ROLLUP_DIMENSIONS, ZRollupQuery, type Rollup, type RollupDimension } from "./schema";

// Made once: a collator per call costs more than the query.
const SWEDISH = new Intl.Collator("sv");

type Grouped = { municipalityId: string; areaId: string | null; categoryId: string | null; n: number; events: number };

/** The rollup table and column that answer for a period, its Stockholm days [from, to), and the
 * grouping expressions. Identifiers come from these constants only; every value is a parameter. */
function plan(period: string, by: RollupDimension[]) {
  const { from, to, wholeMonths } = apiPeriod(period);
  return {
    from,
    to,
    table: wholeMonths ? `"incident_month_count"` : `"incident_day_count"`,
    column: wholeMonths ? `"month"` : `"day"`,
    area: by.includes("area") ? `r."areaId"` : "NULL::uuid",
    category: by.includes("category") ? `r."categoryId"` : "NULL::uuid",
  };
}

/**
 * Incidents not withdrawn, by occurrence in Stockholm time, for one municipality and period,
 * grouped by the dimensions asked for. One query on the rollup tables kept current on write
 * (ADR 008): whole months from incident_month_count, weeks from incident_day_count. Sent through
 * the pool directly: it is measured against the same hand-written SQL (npm run bench:rollups).
 */
export async function rollup(municipalitySlug: string, period: string, by: RollupDimension[], now = new Date()): Promise<Rollup> {
  const { from, to, table, column, area, category } = plan(period, by);
  const [{ rows }, coverage] = await Promise.all([
    pool().query<Named & { slug: string }>(
      `SELECT m."slug", a."name" AS "area", a."code" AS "areaCode", c."code" AS "category", c."label" AS "categoryLabel", s."n", s."events"
       FROM "municipality" m
       LEFT JOIN LATERAL (
         SELECT ${area} AS "areaId", ${category} AS "categoryId", sum(r."n")::int AS "n", sum(r."events")::int AS "events"
         FROM ${table} r
         WHERE r."municipalityId" = m."id" AND r.${column} >= $2::date AND r.${column} < $3::date
         GROUP BY 1, 2
         HAVING sum(r."n") <> 0
       ) s ON true
       LEFT JOIN "area" a ON a."id" = s."areaId"
       LEFT JOIN "incident_category" c ON c."id" = s."categoryId"
       WHERE m."slug" = $1`,
      [municipalitySlug, from, to],
    ),
    // Coverage is read at the same time, by slug: the two round trips overlap (ADR 017).
    getCoverage({ slug: municipalitySlug }, { from, until: to }, now),
  ]);
  if (rows.length === 0) throw new DomainError("NOT_FOUND", `Kommunen "${municipalitySlug}" finns inte.`, "municipality");
  return { municipality: rows[0]!.slug, ...figures({ key: period, ...apiPeriod(period) }, coverage, rows.filter((r) => r.n !== null), by) };
}

/** Each area name and category code's place in Swedish order, compared once per name rather than
 * once per pair of rows (a series sorts thousands of rows by a dozen names). */
function swedishOrder(rows: Named[]): (name: string | undefined) => number {
  const seen = new Set<string>();
  for (const r of rows) seen.add(r.area ?? "?").add(r.category ?? "?");
  const rank = new Map([...seen].sort(SWEDISH.compare).map((n, i) => [n, i]));
  return (name) => (name === undefined ? -1 : rank.get(name) ?? -1);
}

type Named = { area: string | null; areaCode: string | null; category: string | null; categoryLabel: string | null; n: number | null; events: number | null };
type Row = Rollup["rows"][number];

/** One row in the API's shape: the name people read and the code a system joins on, for the
 * dimensions asked for. Built field by field: a series builds thousands, and object spreads of
 * conditional parts cost a hundred times more. */
function apiRow(r: Named, area: boolean, category: boolean): Row {
  const row: Partial<Row> = {};
  if (area) {
    row.area = r.area ?? "?";
    row.areaCode = r.areaCode ?? "?";
  }
  if (category) {
    row.category = r.category ?? "?";
    row.categoryLabel = r.categoryLabel ?? "?";
  }
  row.count = r.n!;
  row.events = r.events!;
  return row as Row;
}

/** One period's figures in the API's shape: its instants, coverage, totals and grouped rows. */
function figures(
  period: { key: string; start: Date; end: Date },
  coverage: PeriodCoverage,
  counted: Named[],
  by: RollupDimension[],
  order = swedishOrder(counted),
): Omit<Rollup, "municipality"> {
  const { share, complete, ongoing } = coverage;
  const [area, category] = [by.includes("area"), by.includes("category")];
  let total = 0;
  let events = 0;
  for (const r of counted) {
    total += r.n!;
    events += r.events!;
  }
  return {
    period: period.key,
    from: period.start.toISOString(),
    to: period.end.toISOString(),
    coverage: { share: share === null ? null : Math.round(share * 1000) / 1000, complete, ongoing },
    total,
    events,
    rows: by.length ? counted.map((r) => apiRow(r, area, category)).sort((a, b) => order(a.area) - order(b.area) || order(a.category) - order(b.category)) : [],
  };
}

/** The first day of the period a rollup row's day or month falls in, by the series' kind: ISO
 * weeks begin on Monday (date_trunc's week), tertials in January, May and September. */
const BUCKET: Record<ApiPeriodKind, (column: string) => string> = {
  week: (c) => `date_trunc('week', r.${c})::date`,
  month: (c) => `r.${c}`,
  quarter: (c) => `date_trunc('quarter', r.${c})::date`,
  tertial: (c) => `make_date(extract(year FROM r.${c})::int, ((extract(month FROM r.${c})::int - 1) / 4) * 4 + 1, 1)`,
  year: (c) => `date_trunc('year', r.${c})::date`,
};

/** The one statement a series sends ($1 municipality id, $2–$3 the run's Stockholm days);
 * exported so the rollup bench can send the same SQL by hand. */
export function seriesSql(fromKey: string, by: RollupDimension[]) {
  const { table, column, area, category } = plan(fromKey, by);
  return `SELECT to_char(s."first", 'YYYY-MM-DD') AS "first", a."name" AS "area", a."code" AS "areaCode", c."code" AS "category", c."label" AS "categoryLabel", s."n", s."events"
    FROM (
      SELECT ${BUCKET[apiPeriodKind(fromKey)](column)} AS "first", ${area} AS "areaId", ${category} AS "categoryId", sum(r."n")::int AS "n", sum(r."events")::int AS "events"
      FROM ${table} r
      WHERE r."municipalityId" = $1::uuid AND r.${column} >= $2::date AND r.${column} < $3::date
      GROUP BY 1, 2, 3
      HAVING sum(r."n") <> 0
    ) s
    LEFT JOIN "area" a ON a."id" = s."areaId"
    LEFT JOIN "incident_category" c ON c."id" = s."categoryId"`;
}

/**
 * A run of periods of one kind, from `from` to `to`, in one query: one range scan of the rollup
 * table over the whole run, grouped by the first day of each row's period – the SQL a person
 * would write (npm run bench:rollups compares them). Coverage of every period from one read of
 * the organisations' reporting.
 */
export async function rollupSeries(municipality: { id: string; slug: string }, fromKey: string, toKey: string, by: RollupDimension[], now = new Date()): Promise<RollupSeries> {
  const keys = periodsBetween(fromKey, toKey);
  if (!keys) throw new DomainError("INVALID", "Ogiltigt intervall.", "to");
  const periods = keys.map((key) => ({ key, ...apiPeriod(key) }));
  const [{ rows }, coverage] = await Promise.all([
    pool().query<Named & { first: string }>(seriesSql(fromKey, by), [municipality.id, periods[0]!.from, periods.at(-1)!.to]),
    getCoverageOfRanges(municipality.id, periods.map((p) => ({ key: p.key, from: p.from, until: p.to })), now),
  ]);
  const order = swedishOrder(rows);
  const byFirstDay = new Map<string, Named[]>(periods.map((p) => [p.from, []]));
  for (const r of rows) byFirstDay.get(r.first)!.push(r);
  return {
    municipality: municipality.slug,
    from: fromKey,
    to: toKey,
    by,
    periods: periods.map((p) => figures(p, coverage[p.key]!, byFirstDay.get(p.from)!, by, order)),
  };
}

/** Sums of the rollup table for several municipalities (a lokalpolisområde, or all of them when
 * `municipalityIds` is null), grouped by municipality and the dimensions asked for. */
export async function rollupCounts(municipalityIds: string[] | null, period: string, by: RollupDimension[]): Promise<Grouped[]> {
  const { from, to, table, column, area, category } = plan(period, by);
  const { rows } = await pool().query<Grouped>(
    `SELECT r."municipalityId", ${area} AS "areaId", ${category} AS "categoryId", sum(r."n")::int AS "n", sum(r."events")::int AS "events"
     FROM ${table} r
     WHERE ($3::uuid[] IS NULL OR r."municipalityId" = ANY($3::uuid[])) AND r.${column} >= $1::date AND r.${column} < $2::date
     GROUP BY 1, 2, 3
     HAVING sum(r."n") <> 0`,
    [from, to, municipalityIds],
  );
  return rows;
}

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (day: string) => {
  const d = new Date(`${firstOfMonth(day)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * Incidents not withdrawn, and the events among them, in one municipality over Stockholm days [from, to) – either end open –
 * optionally of one area and one category: whole months from incident_month_count, the days
 * before the first whole month and after the last from incident_day_count. For a municipality
 * with ten years of history this reads a few thousand rollup rows instead of counting hundreds
 * of thousands of incidents (the incident list's total, ADR 008).
 */
export async function countIncidentDays(
  municipalityId: string,
  days: { from?: string; to?: string },
  only: { areaId?: string; categoryId?: string } = {},
): Promise<{ reports: number; events: number }> {
  const { from, to } = days;
  const dims = Prisma.sql`${only.areaId ? Prisma.sql`AND r."areaId" = ${only.areaId}::uuid` : Prisma.empty} ${only.categoryId ? Prisma.sql`AND r."categoryId" = ${only.categoryId}::uuid` : Prisma.empty}`;
  const dayRows = (a: string | undefined, b: string | undefined) => Prisma.sql`
    SELECT r.n, r.events FROM incident_day_count r WHERE r."municipalityId" = ${municipalityId}::uuid
      ${a ? Prisma.sql`AND r.day >= ${a}::date` : Prisma.empty} ${b ? Prisma.sql`AND r.day < ${b}::date` : Prisma.empty} ${dims}`;
  // The whole months inside the range: from the first of a month on or after `from`, up to the
  // first of the month `to` falls in.
  const monthsFrom = from === undefined ? undefined : from.endsWith("-01") ? from : nextMonth(from);
  const monthsTo = to === undefined ? undefined : firstOfMonth(to);
  const parts =
    monthsFrom !== undefined && monthsTo !== undefined && monthsFrom >= monthsTo
      ? [dayRows(from, to)]
      : [
          Prisma.sql`
            SELECT r.n, r.events FROM incident_month_count r WHERE r."municipalityId" = ${municipalityId}::uuid
              ${monthsFrom ? Prisma.sql`AND r.month >= ${monthsFrom}::date` : Prisma.empty} ${monthsTo ? Prisma.sql`AND r.month < ${monthsTo}::date` : Prisma.empty} ${dims}`,
          ...(from !== undefined && from < monthsFrom! ? [dayRows(from, monthsFrom)] : []),
          ...(to !== undefined && monthsTo! < to ? [dayRows(monthsTo, to)] : []),
        ];
  const [row] = await queryRows<{ reports: number; events: number }>(
    Prisma.sql`SELECT COALESCE(sum(n), 0)::int AS reports, COALESCE(sum(events), 0)::int AS events FROM (${Prisma.join(parts, " UNION ALL ")}) x`,
  );
  return row!;
}

const CSV_COLUMNS: Record<RollupDimension, [string, (row: Rollup["rows"][number]) => string | undefined][]> = {
  area: [["area", (row) => row.area], ["area_code", (row) => row.areaCode]],
  category: [["category", (row) => row.category], ["category_label", (row) => row.categoryLabel]],
};

/**
 * The rollup as CSV: a name and a code for each dimension, then reports (`count`) and `events`.
 * `excel`: what Excel with Swedish settings opens right on a double-click – a byte-order mark (or
 * "ä" shows as "Ã¤") and semicolons between cells; the cells are safe in either separator.
 */
export function rollupCsv(r: Rollup, by: RollupDimension[], options: { excel?: boolean } = {}): string {
  return figuresCsv([r], by, [], options);
}

/** A series as CSV: one block of lines per period, led by the period and its coverage (a share
 * with a point, as in the JSON; empty when nobody was expected to report). */
export function seriesCsv(s: RollupSeries, by: RollupDimension[], options: { excel?: boolean } = {}): string {
  const lead: [string, (p: RollupSeries["periods"][number]) => string][] = [
    ["period", (p) => p.period],
    ["coverage_share", (p) => (p.coverage.share === null ? "" : String(p.coverage.share))],
    ["coverage_complete", (p) => String(p.coverage.complete)],
    ["ongoing", (p) => String(p.coverage.ongoing)],
  ];
  return figuresCsv(s.periods, by, lead, options);
}

function figuresCsv<P extends Omit<Rollup, "municipality">>(periods: P[], by: RollupDimension[], lead: [string, (p: P) => string][], { excel = false }: { excel?: boolean }): string {
  const [sep, eol] = excel ? [";", "\r\n"] : [",", "\n"];
  const columns = by.flatMap((d) => CSV_COLUMNS[d]);
  const header = [...lead.map(([name]) => name), ...columns.map(([name]) => name), "count", "events"].join(sep);
  const lines = periods.flatMap((p) => {
    const first = lead.map(([, value]) => csvCell(value(p)));
    return by.length
      ? p.rows.map((row) => [...first, ...columns.map(([, value]) => csvCell(value(row) ?? "")), String(row.count), String(row.events)].join(sep))
      : [[...first, p.total, p.events].join(sep)];
  });
  return (excel ? "\uFEFF" : "") + [header, ...lines].join(eol) + eol;
}
