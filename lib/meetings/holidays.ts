// Days a Swedish workplace is closed: the public holidays (röda dagar) and the eves kept as
// holidays (julafton, midsommarafton, nyårsafton – "bank" in date-holidays' Swedish data). Half
// days such as valborgsmässoafton are working days until noon and keep their meetings.
import Holidays from "date-holidays";
import { fill } from "@/lib/i18n/catalogue";
import { stockholmDay } from "@/lib/time/zone";

const sweden = new Holidays("SE", { types: ["public", "bank"] });
const byYear = new Map<number, Map<string, string>>();

/** "2026-12-24" → "julafton"; a working day → null. Weekends are not holidays here. */
export function holidayOn(localDate: string): string | null {
  const year = Number(localDate.slice(0, 4));
  let days = byYear.get(year);
  if (!days) {
    days = new Map(sweden.getHolidays(year).filter((h) => h.type === "public" || h.type === "bank").map((h) => [h.date.slice(0, 10), h.name]));
    byYear.set(year, days);
  }
  return days.get(localDate) ?? null;
}

/** "flyttat från tors 24 dec 14:00 (julafton)": the note beside a moved meeting. */
export function movedNote(planned: Date, t: { movedFrom: string; movedForHoliday: string }, meetingTime: (d: Date) => string): string {
  const holiday = holidayOn(stockholmDay(planned));
  return fill(holiday ? t.movedForHoliday : t.movedFrom, { time: meetingTime(planned), holiday: holiday ?? "" });
}
