import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { surveyUncertainty, type SurveyUncertainty } from "@/lib/figures/survey";
import { apiPeriod, isApiPeriodKey } from "@/lib/rollups/periods";
import { REFERENCE_GROUPS } from "./import";

type Value = { periodKey: string; value: number; respondents: number | null } & SurveyUncertainty;

export type ContextFigure = {
  source: string;
  name: string;
  unit: string;
  latest: Value;
  previous: Value | null;
  /** Only where both values have an interval and the intervals do not overlap; "within": they do,
   * so no change can be claimed; null: no interval to judge by (no claim either way). */
  change: "up" | "down" | "within" | null;
  /** The county's and the whole country's value for the latest period, when the source gives them. */
  references: { county: number | null; country: number | null };
};

/**
 * The survey series and indicators known for a period (a document's "Annan information" and the
 * tertial analysis's context): for each series, the whole municipality's latest value from a
 * period that began before this one ended, and the one before it – beside the EST counts, never
 * mixed into them. A change is stated only when the 95 % intervals do not overlap (lib/figures/survey.ts).
 */
export async function contextForPeriod(municipalityId: string, period: string, client: Prisma.TransactionClient = db()): Promise<ContextFigure[]> {
  const end = apiPeriod(period).end.getTime();
  const series = await client.contextSeries.findMany({
    where: { municipalityId },
    select: { source: true, name: true, unit: true, values: { where: { areaName: "", subgroup: { in: ["", REFERENCE_GROUPS.county, REFERENCE_GROUPS.country] } }, select: { periodKey: true, subgroup: true, value: true, respondents: true } } },
    orderBy: [{ source: "asc" }, { name: "asc" }],
  });
  return series.flatMap((s) => {
    // Each value's start computed once, then ordered by it.
    const known = s.values
      .filter((v) => v.subgroup === "" && isApiPeriodKey(v.periodKey))
      .map((v) => ({ v, start: apiPeriod(v.periodKey).start.getTime() }))
      .filter(({ start }) => start < end)
      .sort((a, b) => a.start - b.start)
      .map(({ v: { periodKey, value, respondents } }) => ({ periodKey, value, respondents, ...surveyUncertainty(value, s.unit, respondents) }));
    const latest = known.at(-1);
    if (!latest) return [];
    const previous = known.at(-2) ?? null;
    const change =
      previous && latest.interval && previous.interval
        ? latest.interval.low > previous.interval.high ? "up" : latest.interval.high < previous.interval.low ? "down" : "within"
        : null;
    const reference = (group: string) => s.values.find((v) => v.subgroup === group && v.periodKey === latest.periodKey)?.value ?? null;
    return [{ source: s.source, name: s.name, unit: s.unit, latest, previous, change, references: { county: reference(REFERENCE_GROUPS.county), country: reference(REFERENCE_GROUPS.country) } }];
  });
}
