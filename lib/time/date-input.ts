// A date typed by hand, as people type them: "2026-12-06", "20261206", "2026-12-6", "2026/12/06".
// Isomorphic: the report form and the server read a date the same way.

const TYPED = /^(\d{4})[-/. ]?(\d{1,2})[-/. ]?(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Whether ÅÅÅÅ-MM-DD names a day that exists (not 30 February). */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const probe = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return probe.toISOString().slice(0, 10) === text;
}

/** The typed date as ÅÅÅÅ-MM-DD when it names a real calendar day; otherwise the text unchanged
 * (the schema then says how to write it). */
export function normalizeDateInput(raw: string): string {
  const text = raw.trim();
  const m = COMPACT.exec(text) ?? TYPED.exec(text);
  if (!m) return text;
  const day = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return isCalendarDay(day) ? day : text;
}

const TIME_TYPED = /^(\d{1,2})(?:[:.]?(\d{2}))?$/;

/** A time typed by hand – "1830", "18.30", "930", "18" – as TT:MM when it is a time of day;
 * otherwise the text unchanged (the schema then says how to write it). */
export function normalizeTimeInput(raw: string): string {
  const text = raw.trim();
  const m = TIME_TYPED.exec(text);
  if (!m) return text;
  const [hour, minute] = [Number(m[1]), Number(m[2] ?? "0")];
  return hour < 24 && minute < 60 ? `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}` : text;
}
