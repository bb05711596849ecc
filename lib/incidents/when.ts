// Turns the form's local date and times into instants (Stockholm), refusing times that do not
// exist and times in the future. Isomorphic.
import { resolveStockholmInputs as resolve } from "@/lib/time/zone";

export type WhenInput = { date: string; time: string; untilTime?: string };
export type WhenResult =
  | { ok: true; occurredAt: Date; occurredUntil: Date | null; ambiguous: boolean }
  | { ok: false; field: "date" | "time" | "untilTime"; message: string };

/** No incident is older than this: a year such as 0001 or 1026 is a typing error, not history. */
export const EARLIEST_OCCURRED_AT = new Date("1989-12-31T23:00:00Z"); // 1990-01-01 00:00 in Stockholm

const NONEXISTENT = "Tiden finns inte (sommartid börjar, klockan hoppar från 02:00 till 03:00).";

export function resolveWhen(input: WhenInput, now = new Date()): WhenResult {
  // Before resolving: a year such as 0001 does not resolve in Stockholm time at all.
  if (input.date < "1990-01-01") return { ok: false, field: "date", message: "Tidpunkten ligger före 1990 – kontrollera året." };
  const start = resolve(input.date, input.time);
  if (start.kind === "nonexistent") return { ok: false, field: "time", message: NONEXISTENT };
  if (Number.isNaN(start.instant.getTime())) return { ok: false, field: "date", message: "Ogiltigt datum." };
  if (start.instant.getTime() > now.getTime() + 5 * 60_000) return { ok: false, field: "date", message: "Tidpunkten ligger i framtiden." };
  if (start.instant < EARLIEST_OCCURRED_AT) return { ok: false, field: "date", message: "Tidpunkten ligger före 1990 – kontrollera året." };
  let occurredUntil: Date | null = null;
  if (input.untilTime) {
    const sameDay = resolve(input.date, input.untilTime);
    if (sameDay.kind === "nonexistent") return { ok: false, field: "untilTime", message: NONEXISTENT };
    occurredUntil = sameDay.instant;
    // "22:00 till 06:00" runs past midnight into the next day.
    if (occurredUntil.getTime() <= start.instant.getTime()) {
      const next = new Date(Date.UTC(...(input.date.split("-").map(Number) as [number, number, number])) + 86_400_000).toISOString().slice(0, 10);
      const nextDay = resolve(next, input.untilTime);
      if (nextDay.kind === "nonexistent") return { ok: false, field: "untilTime", message: NONEXISTENT };
      occurredUntil = nextDay.instant;
    }
  }
  return { ok: true, occurredAt: start.instant, occurredUntil, ambiguous: start.kind === "ambiguous" };
}
