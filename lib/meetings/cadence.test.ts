import { test } from "node:test";
import assert from "node:assert/strict";
import { overlapping, planMeetings } from "./cadence";
import { weekKey } from "@/lib/time/periods";
import { stockholmDay } from "@/lib/time/zone";

const from = new Date("2026-03-01T00:00:00Z");
const until = new Date("2026-05-01T00:00:00Z");

test("weekly meetings keep their local time across the spring DST switch", () => {
  const meetings = planMeetings({ cadence: "WEEKLY", weekday: 2, time: "09:00" }, from, until);
  // Tuesdays 3 March – 28 April 2026.
  assert.equal(meetings.length, 9);
  assert.equal(meetings[0]!.startsAt.toISOString(), "2026-03-03T08:00:00.000Z"); // CET
  assert.equal(meetings.at(-1)!.startsAt.toISOString(), "2026-04-28T07:00:00.000Z"); // CEST
  // A Tuesday meeting in W10 discusses the lägesbild of W09.
  assert.equal(meetings[0]!.periodKey, "2026-W09");
  assert.equal(meetings[0]!.endsAt.getTime() - meetings[0]!.startsAt.getTime(), 3_600_000);
});

test("biweekly meetings skip every other week", () => {
  const meetings = planMeetings({ cadence: "BIWEEKLY", weekday: 4, time: "13:30" }, from, until);
  // Thursdays from the week of 1 March: 26 Feb (before the range), 12 Mar, 26 Mar, 9 Apr, 23 Apr.
  assert.equal(meetings.length, 4);
  assert.equal(meetings[0]!.startsAt.toISOString(), "2026-03-12T12:30:00.000Z");
  assert.equal((meetings[1]!.startsAt.getTime() - meetings[0]!.startsAt.getTime()) / 86_400_000, 14);
});

test("tertial meetings fall in the month after the tertial and cover it", () => {
  const year = planMeetings({ cadence: "TERTIAL", weekday: 3, time: "10:00" }, new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"));
  // T3 2025 is reviewed in January 2026.
  assert.deepEqual(year.map((m) => m.periodKey), ["2025-T3", "2026-T1", "2026-T2"]);
  assert.equal(year[1]!.startsAt.toISOString(), "2026-05-13T08:00:00.000Z");
  const next = planMeetings({ cadence: "TERTIAL" }, new Date("2026-12-01T00:00:00Z"), new Date("2027-02-01T00:00:00Z"));
  assert.deepEqual(next.map((m) => m.periodKey), ["2026-T3"]);
});

test("quarterly meetings are four a year; ad hoc groups get none", () => {
  const year = planMeetings({ cadence: "QUARTERLY" }, new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"));
  assert.deepEqual(year.map((m) => m.periodKey), ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]);
  assert.deepEqual(planMeetings({ cadence: "AD_HOC" }, from, until), []);
});

test("twice a week: the weekday and three days later, at the same local time", () => {
  const meetings = planMeetings({ cadence: "TWICE_WEEKLY", weekday: 1, time: "15:00" }, new Date("2026-03-23T00:00:00Z"), new Date("2026-04-06T00:00:00Z"));
  assert.deepEqual(meetings.map((m) => m.startsAt.toISOString()), [
    "2026-03-23T14:00:00.000Z", // Monday, CET
    "2026-03-26T14:00:00.000Z", // Thursday, CET
    "2026-03-30T13:00:00.000Z", // Monday after the switch, CEST
    "2026-04-02T13:00:00.000Z",
  ]);
  assert.equal(meetings[0]!.periodKey, "2026-W13");
});

test("weekly meetings keep their local time across the autumn switch and into ISO week 53", () => {
  const meetings = planMeetings({ cadence: "WEEKLY", weekday: 2, time: "09:00" }, new Date("2026-10-20T00:00:00Z"), new Date("2027-01-13T00:00:00Z"));
  const local = meetings.map((m) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" }).format(m.startsAt));
  assert.ok(local.every((t) => t === "09:00"), local.join(" "));
  assert.equal(meetings.find((m) => m.startsAt.toISOString().startsWith("2026-10-20"))!.startsAt.toISOString(), "2026-10-20T07:00:00.000Z"); // CEST
  assert.equal(meetings.find((m) => m.startsAt.toISOString().startsWith("2026-10-27"))!.startsAt.toISOString(), "2026-10-27T08:00:00.000Z"); // CET
  // 2026 has 53 ISO weeks: the first meeting of 2027 discusses 2026-W53, the next 2027-W01.
  const byDay = new Map(meetings.map((m) => [m.startsAt.toISOString().slice(0, 10), m.periodKey]));
  assert.equal(byDay.get("2026-12-29"), "2026-W52");
  assert.equal(byDay.get("2027-01-05"), "2026-W53");
  assert.equal(byDay.get("2027-01-12"), "2027-W01");
});

test("quarterly meetings across a year end cover the quarter before", () => {
  const meetings = planMeetings({ cadence: "QUARTERLY", weekday: 4, time: "09:00" }, new Date("2026-12-01T00:00:00Z"), new Date("2027-05-01T00:00:00Z"));
  assert.deepEqual(meetings.map((m) => m.periodKey), ["2026-Q4", "2027-Q1"]);
  assert.ok(meetings[0]!.startsAt.toISOString().startsWith("2027-01-"));
});

test("overlapping meetings of a group are found; cancelled ones do not count", () => {
  const at = (h: number) => new Date(Date.UTC(2026, 2, 3, h));
  const found = overlapping([
    { id: "a", startsAt: at(8), endsAt: at(10) },
    { id: "b", startsAt: at(9), endsAt: at(11) },
    { id: "c", startsAt: at(11), endsAt: at(12) },
    { id: "d", startsAt: at(11), endsAt: at(12), status: "CANCELLED" },
  ]);
  assert.deepEqual([...found].sort(), ["a", "b"]);
});

test("a meeting on a holiday or a holiday eve moves to the next working day, and says where it was planned", () => {
  const local = (d: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" }).format(d);
  // Tuesdays 09:00 over Christmas 2029: 25 Dec (juldagen) → Thu 27 Dec; 1 Jan 2030 (nyårsdagen) → Wed 2 Jan.
  const christmas = planMeetings({ cadence: "WEEKLY", weekday: 2, time: "09:00" }, new Date("2029-12-17T00:00:00Z"), new Date("2030-01-10T00:00:00Z"));
  assert.deepEqual(christmas.map((m) => [local(m.startsAt), m.plannedStartsAt ? local(m.plannedStartsAt) : null]), [
    ["2029-12-18 09:00", null],
    ["2029-12-27 09:00", "2029-12-25 09:00"],
    ["2030-01-02 09:00", "2030-01-01 09:00"],
    ["2030-01-08 09:00", null],
  ]);
  assert.equal(christmas[1]!.periodKey, "2029-W51", "a moved meeting still covers the week it was planned for");
  // Fridays 13:00 over Midsummer 2027: midsommarafton Fri 25 June → Mon 28 June.
  const midsummer = planMeetings({ cadence: "WEEKLY", weekday: 5, time: "13:00" }, new Date("2027-06-14T00:00:00Z"), new Date("2027-07-05T00:00:00Z"));
  assert.deepEqual(midsummer.map((m) => local(m.startsAt)), ["2027-06-18 13:00", "2027-06-28 13:00", "2027-07-02 13:00"]);
  assert.equal(local(midsummer[1]!.plannedStartsAt!), "2027-06-25 13:00");
});

test("an Insats meeting twice a week over Christmas: julafton has no free day before the next meeting and is not held", () => {
  // Mondays and Thursdays 14:00: Thu 24 Dec 2026 (julafton) would move to Mon 28 Dec, the next
  // meeting's day; Thu 31 Dec (nyårsafton) moves to Mon 4 Jan, the next meeting's day too.
  const insats = planMeetings({ cadence: "TWICE_WEEKLY", weekday: 1, time: "14:00" }, new Date("2026-12-20T00:00:00Z"), new Date("2027-01-09T00:00:00Z"));
  const days = insats.map((m) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(m.startsAt));
  assert.deepEqual(days, ["2026-12-21", "2026-12-28", "2027-01-04", "2027-01-07"]);
  assert.ok(insats.every((m) => !m.plannedStartsAt), "nothing moved onto another meeting's day");
});

test("a summer break leaves out its ISO weeks every year, and nothing else", () => {
  const [start, end] = [new Date("2026-06-01T00:00:00Z"), new Date("2027-09-01T00:00:00Z")];
  const spec = { cadence: "WEEKLY" as const, weekday: 2, time: "09:00" };
  const weekOf = (d: Date) => Number(weekKey(d).slice(6));
  const all = planMeetings(spec, start, end);
  const paused = planMeetings({ ...spec, summerBreak: { from: 27, to: 32 } }, start, end);
  assert.equal(paused.filter((mt) => weekOf(mt.startsAt) >= 27 && weekOf(mt.startsAt) <= 32).length, 0);
  assert.equal(all.length - paused.length, 12, "six weeks in 2026 and six in 2027");
  assert.deepEqual(paused.map((mt) => mt.startsAt.getTime()), all.filter((mt) => weekOf(mt.startsAt) < 27 || weekOf(mt.startsAt) > 32).map((mt) => mt.startsAt.getTime()));
  // The week before and the week after are held: Tuesday 30 June (week 27) is not, 23 June is.
  const days = paused.map((mt) => stockholmDay(mt.startsAt));
  assert.ok(days.includes("2026-06-23") && days.includes("2026-08-11") && !days.includes("2026-06-30") && !days.includes("2026-08-04"));
});
