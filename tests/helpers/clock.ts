// Dates for tests that meet the clock the code reads: relative to "now", never a literal that
// will one day lie in the past. "Now" is the process's clock – the real one, or the one
// libfaketime moves for the whole run (app and PostgreSQL alike) in `npm test`'s shifted passes.
import { toLocalInputs } from "@/lib/time/format";

/** The Stockholm calendar day `days` days from `from` (default: now), as "2026-02-14". */
export function localDay(days = 0, from = new Date()): string {
  const [y, m, d] = toLocalInputs(from).date.split("-").map(Number);
  // Calendar arithmetic on the local date itself: a DST change cannot move it by a day.
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
