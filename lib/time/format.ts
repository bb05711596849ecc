// The few shared date formatters the UI uses (sv-SE, Stockholm time). No ad hoc formatting in
// components.
import { TZ } from "./zone";

const dateFmt = new Intl.DateTimeFormat("sv-SE", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" });
const dateTimeFmt = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TZ,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
const longDateFmt = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TZ,
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
});

/** 2026-02-14 */
export const formatDate = (d: Date) => dateFmt.format(d);
/** 2026-02-14 21:30 */
export const formatDateTime = (d: Date) => dateTimeFmt.format(d);
/** tisdag 17 februari 09:00 */
export const formatMeetingTime = (d: Date) => longDateFmt.format(d);

const partsFmt = new Intl.DateTimeFormat("sv-SE", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** The Stockholm wall clock of an instant as form values: { date: "2026-02-14", time: "21:30" }. */
export function toLocalInputs(d: Date): { date: string; time: string } {
  const p = Object.fromEntries(partsFmt.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** 21:30 */
export const formatTime = (d: Date) => toLocalInputs(d).time;

const monthFmt = new Intl.DateTimeFormat("sv-SE", { timeZone: TZ, year: "numeric", month: "long" });
/** november 2026 */
export const formatMonth = (d: Date) => monthFmt.format(d);
