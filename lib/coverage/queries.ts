import "server-only";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import { localDayRange, tertialKey } from "@/lib/time/periods";
import { stockholmDay } from "@/lib/time/zone";
import { addDays, gapWeeks, knownWindow, mondayOf, periodCoverage, type Day, type OrganisationReporting, type PeriodCoverage } from "./rule";

type Row = { id: string; name: string; start: Day | null; end: Day | null; firstWeek: Day | null; weeks: Day[] | null; pauses: { from: Day; until: Day }[] | null };

/**
 * The reporting of every organisation of a municipality, with the weeks it reported or confirmed
 * in the days `known` – one round trip on the organisation-week rollup and the weekly reports,
 * both read through their keys, so it costs the same with ten years of history as with one.
 */
export async function loadReporting(municipality: string | { slug: string }, known: { from: Day; until: Day }): Promise<OrganisationReporting[]> {
  const rows = await queryRows<Row>(reportingSql(municipality, known));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    start: r.start ?? (r.firstWeek ? mondayOf(r.firstWeek) : null),
    end: r.end,
    pauses: r.pauses ?? [],
    weeks: new Set(r.weeks ?? []),
  }));
}

/** The one statement coverage reads (exported so the rollup bench can send the same SQL by hand). */
export function reportingSql(municipality: string | { slug: string }, known: { from: Day; until: Day }) {
  // By slug too, so the API's rollup can ask at the same time as it counts (one round trip each).
  const which = typeof municipality === "string" ? Prisma.sql`${municipality}::uuid` : Prisma.sql`(SELECT id FROM municipality WHERE slug = ${municipality.slug})`;
  return Prisma.sql`
    SELECT o.id, o.name, to_char(o."reportingStart", 'YYYY-MM-DD') AS start, to_char(o."reportingEnd", 'YYYY-MM-DD') AS "end",
      to_char(LEAST(
        (SELECT min(w."weekStart") FROM organisation_week_count w WHERE w."municipalityId" = o."municipalityId" AND w."organisationId" = o.id AND w.n > 0),
        (SELECT to_date(min(r."isoWeek"), 'IYYY-"W"IW') FROM weekly_report r WHERE r."organisationId" = o.id)
      ), 'YYYY-MM-DD') AS "firstWeek",
      (SELECT array_agg(DISTINCT to_char(x.w, 'YYYY-MM-DD')) FROM (
          SELECT w."weekStart" AS w FROM organisation_week_count w
            WHERE w."municipalityId" = o."municipalityId" AND w."organisationId" = o.id AND w.n > 0 AND w."weekStart" >= ${known.from}::date AND w."weekStart" < ${known.until}::date
          UNION ALL
          SELECT to_date(r."isoWeek", 'IYYY-"W"IW') FROM weekly_report r
            WHERE r."organisationId" = o.id AND r."isoWeek" >= to_char(${known.from}::date, 'IYYY-"W"IW') AND r."isoWeek" <= to_char(${known.until}::date, 'IYYY-"W"IW')
        ) x) AS weeks,
      (SELECT json_agg(json_build_object('from', to_char(p."from", 'YYYY-MM-DD'), 'until', to_char(p.until, 'YYYY-MM-DD')) ORDER BY p."from")
         FROM reporting_pause p WHERE p."municipalityId" = o."municipalityId" AND p."organisationId" = o.id) AS pauses
    FROM organisation o WHERE o."municipalityId" = ${which}
    ORDER BY o.name, o.id`;
}

/** Coverage of a period (a key like "2026-T3", or Stockholm days [from, until)) in a municipality. */
export async function getCoverage(municipalityId: string | { slug: string }, period: string | { from: Day; until: Day }, now = new Date()): Promise<PeriodCoverage> {
  const days = typeof period === "string" ? (({ from, to }) => ({ from, until: to }))(localDayRange(period)) : period;
  const known = knownWindow(days);
  return periodCoverage(await loadReporting(municipalityId, known), days, stockholmDay(now), known);
}

/** Coverage of several periods at once (a trend), from one read of the weeks they span. */
export async function getCoverages(municipalityId: string, periods: string[], now = new Date()): Promise<Record<string, PeriodCoverage>> {
  return getCoverageOfRanges(municipalityId, periods.map((p) => ({ key: p, ...(({ from, to }) => ({ from, until: to }))(localDayRange(p)) })), now);
}

/** Coverage of named runs of days [from, until), from one read of the weeks they span. */
export async function getCoverageOfRanges(municipalityId: string, ranges: { key: string; from: Day; until: Day }[], now = new Date()): Promise<Record<string, PeriodCoverage>> {
  if (ranges.length === 0) return {};
  const known = knownWindow({ from: ranges.map((r) => r.from).sort()[0]!, until: ranges.map((r) => r.until).sort().at(-1)! });
  const orgs = await loadReporting(municipalityId, known);
  const today = stockholmDay(now);
  // The gaps depend on the organisation, today and the window read – the same for every range.
  const gaps = new Map<string, Set<Day>>();
  const gapsOf = (o: OrganisationReporting) => gaps.get(o.id) ?? gaps.set(o.id, gapWeeks(o, today, known)).get(o.id)!;
  return Object.fromEntries(ranges.map((r) => [r.key, periodCoverage(orgs, r, today, known, gapsOf)]));
}

/**
 * For the coordinators' page: every organisation with its reporting days as set (or derived from
 * its first report), its pauses, and its coverage of the current tertial so far.
 */
export async function getReportingOverview(viewer: Viewer, municipalityId: string, now = new Date()) {
  if (!can(viewer, "weeklyReport:view-completeness", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte.");
  const tertial = tertialKey(now);
  const [organisations, pauses, coverage] = await Promise.all([
    queryRows<{ id: string; name: string; start: Day | null; lastDay: Day | null; firstReport: Day | null }>(Prisma.sql`
      SELECT o.id, o.name, to_char(o."reportingStart", 'YYYY-MM-DD') AS start, to_char(o."reportingEnd" - 1, 'YYYY-MM-DD') AS "lastDay",
        (SELECT to_char(min(w."weekStart"), 'YYYY-MM-DD') FROM organisation_week_count w
          WHERE w."municipalityId" = o."municipalityId" AND w."organisationId" = o.id AND w.n > 0) AS "firstReport"
      FROM organisation o WHERE o."municipalityId" = ${municipalityId}::uuid ORDER BY o.name, o.id`),
    db().reportingPause.findMany({ where: { municipalityId }, select: { id: true, organisationId: true, from: true, until: true, reason: true }, orderBy: { from: "asc" } }),
    getCoverage(municipalityId, tertial, now),
  ]);
  const dayOf = (d: Date) => d.toISOString().slice(0, 10);
  return {
    tertial,
    coverage,
    mayManage: can(viewer, "reporting:manage", { municipalityId }),
    organisations: organisations.map((o) => ({
      ...o,
      pauses: pauses.filter((p) => p.organisationId === o.id).map((p) => ({ id: p.id, from: dayOf(p.from), to: addDays(dayOf(p.until), -1), reason: p.reason })),
      coverage: coverage.organisations.find((c) => c.id === o.id) ?? null,
    })),
  };
}
