// Lays out a group's meetings from its cadence, in Stockholm time. Pure and isomorphic.
import { addDays, addWeeks, startOfISOWeek } from "date-fns";
import { TZDate } from "@date-fns/tz";
import { TZ, stockholmDay } from "@/lib/time/zone";
import { formatPeriod, periodOf, shiftPeriod, weekKey } from "@/lib/time/periods";
import { holidayOn } from "./holidays";

export type CadenceKind = "WEEKLY" | "TWICE_WEEKLY" | "BIWEEKLY" | "QUARTERLY" | "TERTIAL" | "AD_HOC";

export type CadenceSpec = {
  cadence: CadenceKind;
  /** ISO weekday, 1 = Monday. */
  weekday?: number | null;
  /** Local start time "HH:MM". */
  time?: string | null;
  minutes?: number;
  /** A summer break: no meetings in these ISO weeks (inclusive), every year. */
  summerBreak?: { from: number; to: number } | null;
};

/** `plannedStartsAt`: where the cadence put a meeting that falls on a holiday and was moved. */
export type PlannedMeeting = { startsAt: Date; endsAt: Date; periodKey: string; plannedStartsAt?: Date };

function at(day: TZDate, time: string): TZDate {
  const [h, m] = time.split(":").map(Number);
  return new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), h ?? 9, m ?? 0, TZ);
}

/** The given ISO weekday in the third week of a month (a quiet default for review meetings). */
function weekdayInThirdWeek(year: number, month0: number, weekday: number): TZDate {
  const first = new TZDate(year, month0, 15, TZ);
  return addDays(startOfISOWeek(first), weekday - 1);
}

/**
 * Meetings from `from` (inclusive) to `until` (exclusive). Weekly meetings cover the previous
 * ISO week; quarterly and tertial meetings fall in the month after their period and cover it.
 */
export function planMeetings(spec: CadenceSpec, from: Date, until: Date): PlannedMeeting[] {
  const weekday = spec.weekday ?? 2;
  const time = spec.time ?? "09:00";
  const minutes = spec.minutes ?? 60;
  const starts: { start: TZDate; periodKey: string }[] = [];

  if (spec.cadence === "WEEKLY" || spec.cadence === "BIWEEKLY" || spec.cadence === "TWICE_WEEKLY") {
    const step = spec.cadence === "BIWEEKLY" ? 2 : 1;
    // Twice a week: the weekday and three days later (Monday and Thursday by default pairs).
    const offsets = spec.cadence === "TWICE_WEEKLY" ? [0, 3] : [0];
    let day = at(addDays(startOfISOWeek(new TZDate(from.getTime(), TZ)), weekday - 1), time);
    for (; day.getTime() < until.getTime(); day = at(addWeeks(day, step), time)) {
      for (const offset of offsets) {
        const meeting = offset ? at(addDays(day, offset), time) : day;
        // An Insats meeting looks at its own short cycle; weekly groups at the previous week.
        starts.push({ start: meeting, periodKey: spec.cadence === "TWICE_WEEKLY" ? weekKey(meeting) : shiftPeriod(weekKey(meeting), -1) });
      }
    }
  } else if (spec.cadence === "QUARTERLY" || spec.cadence === "TERTIAL") {
    const kind = spec.cadence === "QUARTERLY" ? "quarter" : "tertial";
    const months = kind === "quarter" ? 3 : 4;
    // Start one period back: its review meeting may fall inside the range.
    let period = shiftPeriod(formatPeriod(periodOf(kind, from)), -1);
    for (let i = 0; i < 13; i++, period = shiftPeriod(period, 1)) {
      const [y, n] = [Number(period.slice(0, 4)), Number(period.slice(6))];
      const monthAfter = n * months; // 0-based month index after the period's last month
      const day = weekdayInThirdWeek(y + Math.floor(monthAfter / 12), monthAfter % 12, weekday);
      starts.push({ start: at(day, time), periodKey: period });
    }
  }

  const pause = spec.summerBreak;
  const inBreak = (start: TZDate) => {
    if (!pause) return false;
    const week = Number(weekKey(start).slice(6));
    return week >= pause.from && week <= pause.to;
  };
  return clearOfHolidays(starts, time)
    .filter(({ start }) => start.getTime() >= from.getTime() && start.getTime() < until.getTime() && !inBreak(start))
    .map(({ start, periodKey, planned }) => ({
      startsAt: new Date(start.getTime()),
      endsAt: new Date(start.getTime() + minutes * 60_000),
      periodKey,
      ...(planned ? { plannedStartsAt: new Date(planned.getTime()) } : {}),
    }));
}

const isWorkingDay = (d: TZDate) => d.getDay() !== 0 && d.getDay() !== 6 && !holidayOn(stockholmDay(d));

/**
 * A meeting on a public holiday or a holiday eve moves to the next working day at the same time,
 * and remembers where it was planned. When the group's next meeting comes first (Christmas week
 * of a twice-weekly Insats), that meeting is not held: there is no free day to move it to.
 */
type Placed = { start: TZDate; periodKey: string; planned: TZDate | null };
function clearOfHolidays(starts: { start: TZDate; periodKey: string }[], time: string): Placed[] {
  const sorted = [...starts].sort((a, b) => a.start.getTime() - b.start.getTime());
  return sorted.flatMap(({ start, periodKey }, i): Placed[] => {
    if (!holidayOn(stockholmDay(start))) return [{ start, periodKey, planned: null }];
    let moved = at(addDays(start, 1), time);
    while (!isWorkingDay(moved)) moved = at(addDays(moved, 1), time);
    const next = sorted[i + 1]?.start;
    if (next && stockholmDay(moved) >= stockholmDay(next)) return [];
    return [{ start: moved, periodKey, planned: start }];
  });
}

type Slot = { id: string; startsAt: Date; endsAt: Date; status?: string };

/** Ids of a group's meetings that overlap another of its meetings (cancelled ones never do). */
export function overlapping(meetings: Slot[]): Set<string> {
  const live = meetings.filter((m) => m.status !== "CANCELLED").sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const found = new Set<string>();
  let latest: Slot | null = null;
  for (const m of live) {
    if (latest && m.startsAt.getTime() < latest.endsAt.getTime()) {
      found.add(m.id);
      found.add(latest.id);
    }
    if (!latest || m.endsAt.getTime() > latest.endsAt.getTime()) latest = m;
  }
  return found;
}
