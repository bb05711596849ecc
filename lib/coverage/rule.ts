// Reporting coverage: was everyone who reports in a municipality reporting over a period? The
// rule, in full, is docs/decisions/017-reporting-coverage.md. Pure and in calendar days
// ("YYYY-MM-DD", Stockholm), so it is unit-tested without a database or a time zone.
import { COMPLETE_SHARE, type Coverage } from "@/lib/figures/rules";

/** Four or more weeks in a row with neither a report nor "inget att rapportera" is a gap. */
export const GAP_WEEKS = 4;

export type Day = string;
export type OrganisationReporting = {
  id: string;
  name: string;
  /** Set by a coordinator, else the Monday of its first reported or confirmed week; null: never. */
  start: Day | null;
  /** Exclusive; null while it reports. */
  end: Day | null;
  pauses: { from: Day; until: Day }[];
  /** Mondays of the weeks it reported in or confirmed "inget att rapportera". */
  weeks: Set<Day>;
};

export type OrganisationCoverage = { id: string; name: string; expectedDays: number; coveredDays: number; gaps: { from: Day; until: Day }[] };
export type PeriodCoverage = Coverage & { expectedDays: number; coveredDays: number; organisations: OrganisationCoverage[] };

const DAY_MS = 86_400_000;
const toMs = (d: Day) => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (d: Day, n: number) => fromMs(toMs(d) + n * DAY_MS);
export const daysBetween = (from: Day, until: Day) => Math.round((toMs(until) - toMs(from)) / DAY_MS);
/** The Monday of the ISO week a day falls in. */
export const mondayOf = (d: Day) => addDays(d, -((new Date(toMs(d)).getUTCDay() + 6) % 7));

/**
 * The weeks an organisation was silent long enough to count as a gap: runs of GAP_WEEKS or more
 * weeks, from its start to the week of `today`, with neither reports nor a confirmation. Shorter
 * silences are taken as quiet weeks – most partners confirm "nothing to report" irregularly.
 */
export function gapWeeks(o: OrganisationReporting, today: Day, known?: { from: Day; until: Day }): Set<Day> {
  const gaps = new Set<Day>();
  if (!o.start) return gaps;
  // `weeks` may hold only the weeks in `known` (a period and GAP_WEEKS either side): outside it
  // nothing is claimed, and a run is cut there – enough to tell every gap that reaches the period.
  const until = [o.end && o.end <= today ? addDays(o.end, -1) : today, ...(known ? [addDays(known.until, -1)] : [])].sort()[0]!;
  // Weeks as day numbers: a series reads a few years of weeks for each organisation.
  const last = toMs(mondayOf(until));
  const first = toMs(known && known.from > o.start ? mondayOf(addDays(known.from, 6)) : mondayOf(o.start));
  const pauses = o.pauses.map((p) => [toMs(p.from), toMs(p.until)] as const);
  let run: Day[] = [];
  const close = () => {
    if (run.length >= GAP_WEEKS) run.forEach((w) => gaps.add(w));
    run = [];
  };
  for (let w = first; w <= last; w += 7 * DAY_MS) {
    const week = fromMs(w);
    if (o.weeks.has(week) || pauses.some(([from, until]) => from <= w && w + 7 * DAY_MS <= until)) close();
    else run.push(week);
  }
  close();
  return gaps;
}

/** The days whose weeks must be known to judge a period: GAP_WEEKS weeks and a few days either side. */
export function knownWindow(period: { from: Day; until: Day }): { from: Day; until: Day } {
  return { from: addDays(period.from, -7 * (GAP_WEEKS + 1)), until: addDays(period.until, 7 * (GAP_WEEKS + 1)) };
}

// An organisation's reporting in day numbers (ms at UTC midnight), not strings – a series judges a
// hundred periods at once. Kept per gap set, which a series shares between its periods.
const dayNumbers = new WeakMap<Set<Day>, { gaps: Set<number>; pauses: (readonly [number, number])[]; startMs: number; endMs: number }>();
function inDayNumbers(o: OrganisationReporting, start: Day, gapDays: Set<Day>) {
  let n = dayNumbers.get(gapDays);
  if (!n) {
    n = { gaps: new Set([...gapDays].map(toMs)), pauses: o.pauses.map((p) => [toMs(p.from), toMs(p.until)] as const), startMs: toMs(start), endMs: o.end ? toMs(o.end) : Infinity };
    dayNumbers.set(gapDays, n);
  }
  return n;
}

/**
 * Coverage of the days [from, until) up to and including `today`. An organisation counts in a
 * period when its reporting overlaps the period's elapsed days; from then, every day of the
 * period outside its pauses is expected of it, and covered when it lies inside its reporting
 * (start to end) and outside a gap. So a period that reporting began or ended within is not
 * whole, and neither is one with long silences.
 */
export function periodCoverage(
  orgs: OrganisationReporting[],
  period: { from: Day; until: Day },
  today: Day,
  known?: { from: Day; until: Day },
  // Many periods judged from one read (a series) share each organisation's gaps: computed once.
  gapsOf: (o: OrganisationReporting) => Set<Day> = (o) => gapWeeks(o, today, known),
): PeriodCoverage {
  // Until its last day is over: on 31 August, T2 is still running.
  const ongoing = period.until > today;
  const lastDay = ongoing && addDays(today, 1) < period.until ? addDays(today, 1) : period.until;
  const organisations: OrganisationCoverage[] = [];
  for (const o of orgs) {
    if (!o.start) continue;
    const end = o.end ?? "9999-12-31";
    if (!(o.start < lastDay && end > period.from)) continue;
    const { gaps, pauses, startMs, endMs } = inDayNumbers(o, o.start, gapsOf(o));
    let expectedDays = 0;
    let coveredDays = 0;
    const gapRuns: { from: Day; until: Day }[] = [];
    for (let d = toMs(period.from), last = toMs(lastDay); d < last; d += DAY_MS) {
      if (pauses.some(([from, until]) => from <= d && d < until)) continue;
      expectedDays += 1;
      // 1 January 1970 was a Thursday: day n is (n + 3) % 7 days after its Monday.
      const inGap = gaps.has(d - ((d / DAY_MS + 3) % 7) * DAY_MS);
      if (d >= startMs && d < endMs && !inGap) coveredDays += 1;
      else if (inGap) {
        const run = gapRuns.at(-1);
        const day = fromMs(d);
        if (run && run.until === day) run.until = fromMs(d + DAY_MS);
        else gapRuns.push({ from: day, until: fromMs(d + DAY_MS) });
      }
    }
    if (expectedDays > 0) organisations.push({ id: o.id, name: o.name, expectedDays, coveredDays, gaps: gapRuns });
  }
  const expectedDays = organisations.reduce((s, o) => s + o.expectedDays, 0);
  const coveredDays = organisations.reduce((s, o) => s + o.coveredDays, 0);
  const share = expectedDays === 0 ? null : coveredDays / expectedDays;
  return { share, ongoing, complete: !ongoing && share !== null && share >= COMPLETE_SHARE, expectedDays, coveredDays, organisations };
}

/**
 * The days to compare a period with earlier ones, like with like: while the period runs (it ends
 * after `today`), each earlier period is cut to as many days from its start as have passed, up
 * to and including today ("t.o.m. 6 dec" against 1 Sep–6 Dec last year); once it has ended, the
 * earlier ones are whole. Calendar days, so DST, week 53 and months of unequal length need no
 * special case. `ranges` maps each key to its Stockholm days [from, until).
 */
export function comparisonWindows<K extends string>(own: { from: Day; until: Day }, earlier: Record<K, { from: Day; until: Day }>, today: Day) {
  const ongoing = own.until > today;
  const elapsed = daysBetween(own.from, ongoing && addDays(today, 1) < own.until ? addDays(today, 1) : own.until);
  const windows = Object.fromEntries(
    Object.entries<{ from: Day; until: Day }>(earlier).map(([key, r]) => [key, ongoing ? { from: r.from, until: addDays(r.from, Math.min(elapsed, daysBetween(r.from, r.until))) } : r]),
  ) as Record<K, { from: Day; until: Day }>;
  return { ongoing, through: ongoing ? today : null, elapsed, own: { from: own.from, until: addDays(own.from, elapsed) }, windows };
}
