import { test } from "node:test";
import assert from "node:assert/strict";
import { eventsByAreaCategory, samePlace } from "./events";

const at = (hhmm: string, day = "2026-11-20") => new Date(`${day}T${hhmm}:00+01:00`);
const r = (place: string, time: string, o: Partial<{ areaId: string; categoryId: string; day: string }> = {}) => ({ areaId: o.areaId ?? "a", categoryId: o.categoryId ?? "c", place, occurredAt: at(time, o.day) });

test("reports of one place within an hour of each other are one event; the chain carries on, a gap over an hour starts a new one", () => {
  const events = eventsByAreaCategory([
    // Five copies of one broken-light report in 16 minutes, spelt a little differently: one event.
    r("Helenelunds station", "21:00"), r("helenelunds  station ", "21:04"), r("HELENELUNDS STATION", "21:09"), r("Helenelunds station", "21:12"), r("Helenelunds station", "21:16"),
    // A chain: each within the hour of the one before, three hours in all – still one event.
    r("Torget", "18:00"), r("Torget", "18:55"), r("Torget", "19:50"), r("Torget", "20:45"),
    // 61 minutes after the last: a new event.
    r("Torget", "21:46"),
    // Another place, the same minute: its own event.
    r("Stationen", "21:00"),
    // Another category or area at the same place: counted there.
    r("Torget", "18:00", { categoryId: "d" }), r("Torget", "18:00", { areaId: "b" }),
  ]);
  assert.deepEqual(Object.fromEntries(events), { "a|c": 4, "a|d": 1, "b|c": 1 });
});

test("an hour exactly is the same event; the order the reports arrive in does not matter", () => {
  assert.deepEqual(Object.fromEntries(eventsByAreaCategory([r("P", "10:00"), r("P", "11:00")])), { "a|c": 1 });
  assert.deepEqual(Object.fromEntries(eventsByAreaCategory([r("P", "12:02"), r("P", "10:00"), r("P", "10:59")])), { "a|c": 2 });
  // Across midnight and a date line of the calendar, the same rule.
  assert.deepEqual(Object.fromEntries(eventsByAreaCategory([r("P", "23:40", { day: "2026-12-31" }), r("P", "00:20", { day: "2027-01-01" })])), { "a|c": 1 });
  assert.equal(samePlace("  Ängby   torg "), "ängby torg");
});
