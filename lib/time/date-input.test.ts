import { test } from "node:test";
import assert from "node:assert/strict";
import { isCalendarDay, normalizeDateInput, normalizeTimeInput } from "./date-input";

test("a typed date is read in the forms people type it, and only when the day exists", () => {
  for (const typed of ["2026-12-06", "20261206", "2026-12-6", "2026/12/06", "2026.12.06", " 2026-12-06 "]) {
    assert.equal(normalizeDateInput(typed), "2026-12-06", typed);
  }
  assert.equal(normalizeDateInput("2028-02-29"), "2028-02-29", "a leap day");
  for (const wrong of ["2026-02-30", "2027-02-29", "2026-13-01", "202612-06-06", "6/12", "", "igår"]) {
    assert.equal(normalizeDateInput(wrong), wrong.trim(), `${wrong} is left for the schema to refuse`);
  }
});

test("only days the calendar has are days", () => {
  assert.deepEqual(["2026-12-06", "2028-02-29", "2026-02-30", "2027-02-29", "2026-00-10", "20261206"].map(isCalendarDay), [true, true, false, false, false, false]);
});

test("a typed time is read as TT:MM, and only when it is a time of day", () => {
  const read: [string, string][] = [["1830", "18:30"], ["18:30", "18:30"], ["18.30", "18:30"], ["930", "09:30"], ["0905", "09:05"], ["18", "18:00"], ["7", "07:00"], [" 23:59 ", "23:59"]];
  for (const [typed, time] of read) assert.equal(normalizeTimeInput(typed), time, typed);
  for (const wrong of ["2430", "1860", "18:3", "kväll", ""]) assert.equal(normalizeTimeInput(wrong), wrong, `${wrong} is left for the schema to refuse`);
});
