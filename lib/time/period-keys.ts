// Period keys as text: "2026-W07" (ISO week), "2026-02", "2026-Q1", "2026-T1" – parsing, validity
// and labels. Plain arithmetic with no time-zone library, so the browser can label periods without
// downloading one; the instants a period covers are in periods.ts.
import { INTL_TAG, type Locale } from "@/lib/i18n/locales";
import { TZ } from "./tz";

export type PeriodKind = "week" | "month" | "quarter" | "tertial";
export type Period = { kind: PeriodKind; year: number; index: number };

const PATTERNS: Record<PeriodKind, RegExp> = {
  week: /^(\d{4})-W(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  quarter: /^(\d{4})-Q(\d)$/,
  tertial: /^(\d{4})-T(\d)$/,
};
export const MONTHS_PER: Record<Exclude<PeriodKind, "week">, number> = { month: 1, quarter: 3, tertial: 4 };

export class InvalidPeriodError extends Error {
  constructor(key: string) {
    super(`Ogiltig period: "${key}"`);
    this.name = "InvalidPeriodError";
  }
}

/** Number of ISO weeks (52 or 53) in an ISO week-numbering year. */
export function weeksInISOYear(year: number): number {
  // 28 December always lies in the last ISO week of its year.
  return isoWeekOfDate(year, 12, 28).week;
}

export function formatPeriod(p: Period): string {
  const y = String(p.year).padStart(4, "0");
  const n = String(p.index);
  switch (p.kind) {
    case "week":
      return `${y}-W${n.padStart(2, "0")}`;
    case "month":
      return `${y}-${n.padStart(2, "0")}`;
    case "quarter":
      return `${y}-Q${n}`;
    case "tertial":
      return `${y}-T${n}`;
  }
}

export function parsePeriod(key: string): Period {
  for (const kind of Object.keys(PATTERNS) as PeriodKind[]) {
    const m = PATTERNS[kind].exec(key);
    if (!m) continue;
    const year = Number(m[1]);
    const index = Number(m[2]);
    const max = kind === "week" ? weeksInISOYear(year) : 12 / (MONTHS_PER[kind] ?? 1);
    if (year < 1900 || index < 1 || index > max) throw new InvalidPeriodError(key);
    return { kind, year, index };
  }
  throw new InvalidPeriodError(key);
}

export function isPeriodKey(key: string, kind?: PeriodKind): boolean {
  try {
    const parsed = parsePeriod(key);
    return kind === undefined || parsed.kind === kind;
  } catch {
    return false;
  }
}

/** ISO week-numbering year and week of a calendar date: the week belongs to its Thursday's year. */
export function isoWeekOfDate(year: number, month: number, day: number): { year: number; week: number } {
  const date = Date.UTC(year, month - 1, day);
  const mondayBased = (new Date(date).getUTCDay() + 6) % 7;
  const thursday = date + (3 - mondayBased) * 86_400_000;
  const weekYear = new Date(thursday).getUTCFullYear();
  return { year: weekYear, week: 1 + Math.floor((thursday - Date.UTC(weekYear, 0, 1)) / (7 * 86_400_000)) };
}

const TERTIAL_MONTHS: Record<Locale, string[]> = { sv: ["jan–apr", "maj–aug", "sep–dec"], en: ["Jan–Apr", "May–Aug", "Sep–Dec"] };
const monthLabel = new Map<Locale, Intl.DateTimeFormat>();

/** "v. 7 2026" / "week 7 2026", "februari 2026", "Q1 2026", "T1 2026 (jan–apr)". */
export function periodLabel(key: string, locale: Locale = "sv"): string {
  const p = parsePeriod(key);
  switch (p.kind) {
    case "week":
      return locale === "en" ? `week ${p.index} ${p.year}` : `v. ${p.index} ${p.year}`;
    case "month": {
      let f = monthLabel.get(locale);
      if (!f) monthLabel.set(locale, (f = new Intl.DateTimeFormat(INTL_TAG[locale], { month: "long", year: "numeric", timeZone: TZ })));
      return f.format(Date.UTC(p.year, p.index - 1, 15, 12));
    }
    case "quarter":
      return `Q${p.index} ${p.year}`;
    case "tertial":
      return `T${p.index} ${p.year} (${TERTIAL_MONTHS[locale][p.index - 1]})`;
  }
}
