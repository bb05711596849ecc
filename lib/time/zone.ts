// Europe/Stockholm is the only calendar the product knows. Everything here is pure and
// isomorphic: it never depends on the process or browser time zone.
import { TZDate, tz, tzOffset } from "@date-fns/tz";
import { TZ } from "./tz";

export { TZ };
export const inStockholm = tz(TZ);

// Stockholm's UTC offset only changes on whole UTC hours (01:00 UTC), so it is cached per hour:
// converting millions of instants (imports, roll-ups) must not go through Intl each time.
const offsetByHour = new Map<number, number>();

export function stockholmOffsetMs(instant: number): number {
  const hour = Math.floor(instant / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = tzOffset(TZ, new Date(hour * 3_600_000)) * 60_000;
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

export type LocalFields = { year: number; month: number; day: number; hour: number; minute: number };

/** The Stockholm wall-clock fields of an instant (month 1–12). */
export function stockholmFields(date: Date | number): LocalFields {
  const t = typeof date === "number" ? date : date.getTime();
  const local = new Date(t + stockholmOffsetMs(t));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

/** The Stockholm calendar day of an instant, "YYYY-MM-DD". */
export function stockholmDay(date: Date | number): string {
  const { year, month, day } = stockholmFields(date);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The instant as a wall clock in Stockholm (a TZDate whose getters read local time). */
export function toStockholm(date: Date | number): TZDate {
  return new TZDate(typeof date === "number" ? date : date.getTime(), TZ);
}

/** The instant at which Stockholm's wall clock shows the given local date and time. */
export function fromStockholmWall(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(new TZDate(year, month - 1, day, hour, minute, TZ).getTime());
}

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number };

export type WallTimeResolution =
  | { kind: "ok"; instant: Date }
  | { kind: "ambiguous"; instant: Date; alternatives: Date[] }
  | { kind: "nonexistent" };

/**
 * Resolves a Stockholm wall-clock time to an instant, telling apart a time that does not exist
 * (the spring DST gap) and one that occurs twice (the autumn repeat; the first is returned).
 */
export function resolveStockholmWall(wall: WallTime): WallTimeResolution {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const offsets = new Set([-1, 0, 1].map((d) => stockholmOffsetMs(asUtc + d * 86_400_000)));
  const matches = [...offsets]
    .map((offset) => new Date(asUtc - offset))
    .filter((instant) => sameWall(stockholmFields(instant), wall))
    .sort((a, b) => a.getTime() - b.getTime());
  if (matches.length === 0) return { kind: "nonexistent" };
  if (matches.length === 1) return { kind: "ok", instant: matches[0]! };
  return { kind: "ambiguous", instant: matches[0]!, alternatives: matches.slice(1) };
}

function sameWall(local: LocalFields, wall: WallTime): boolean {
  return local.year === wall.year && local.month === wall.month && local.day === wall.day && local.hour === wall.hour && local.minute === wall.minute;
}

/** The same, from form values: a local date "2026-03-29" and time "02:30". */
export function resolveStockholmInputs(date: string, time: string): WallTimeResolution {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return resolveStockholmWall({ year, month, day, hour, minute });
}
