// The few shared date formatters the UI uses, in Stockholm time and the viewer's language. No ad
// hoc formatting in components. Swedish dates are ISO-like (2026-02-14); English ones spell the
// month (14 Feb 2026), so neither reader has to guess the order of day and month.
import { INTL_TAG, type Locale } from "@/lib/i18n/locales";
import { formatDecimal } from "@/lib/text/number";
import { periodLabel } from "./period-keys";
import { TZ } from "./tz";

const partsFmt = new Intl.DateTimeFormat("sv-SE", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** The Stockholm wall clock of an instant as form values: { date: "2026-02-14", time: "21:30" }. */
export function toLocalInputs(d: Date): { date: string; time: string } {
  const p = Object.fromEntries(partsFmt.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

export type Formatters = {
  locale: Locale;
  /** 2026-02-14 · 14 Feb 2026 */
  date: (d: Date) => string;
  /** 2026-02-14 21:30 · 14 Feb 2026, 21:30 */
  dateTime: (d: Date) => string;
  /** 21:30 (24-hour in both languages) */
  time: (d: Date) => string;
  /** tisdag 17 februari 09:00 · Tuesday 17 February 09:00 */
  meetingTime: (d: Date) => string;
  /** november 2026 · November 2026 */
  month: (d: Date) => string;
  /** 1 234,5 · 1,234.5 */
  number: (n: number, maxDecimals?: number, minDecimals?: number) => string;
  /** v. 7 2026 · week 7 2026 */
  period: (key: string) => string;
};

const DATE: Record<Locale, Intl.DateTimeFormatOptions> = {
  sv: { year: "numeric", month: "2-digit", day: "2-digit" },
  en: { year: "numeric", month: "short", day: "numeric" },
};

function build(locale: Locale): Formatters {
  const tag = INTL_TAG[locale];
  const date = new Intl.DateTimeFormat(tag, { timeZone: TZ, ...DATE[locale] });
  const dateTime = new Intl.DateTimeFormat(tag, { timeZone: TZ, ...DATE[locale], hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const meeting = new Intl.DateTimeFormat(tag, { timeZone: TZ, weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const month = new Intl.DateTimeFormat(tag, { timeZone: TZ, year: "numeric", month: "long" });
  return {
    locale,
    date: (d) => date.format(d),
    dateTime: (d) => dateTime.format(d),
    time: (d) => toLocalInputs(d).time,
    meetingTime: (d) => meeting.format(d),
    month: (d) => month.format(d),
    number: (n, max = 1, min = 0) => formatDecimal(n, max, min, locale),
    period: (key) => periodLabel(key, locale),
  };
}

const built = new Map<Locale, Formatters>();
/** The formatters of a language, made once per process. */
export function formattersFor(locale: Locale): Formatters {
  let f = built.get(locale);
  if (!f) built.set(locale, (f = build(locale)));
  return f;
}

// Swedish shorthands for the screens not yet moved to the viewer's language.
const sv = formattersFor("sv");
export const formatDate = sv.date;
export const formatDateTime = sv.dateTime;
export const formatMeetingTime = sv.meetingTime;
export const formatTime = sv.time;
export const formatMonth = sv.month;
