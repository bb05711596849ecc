import { test } from "node:test";
import assert from "node:assert/strict";
import { isCalendarDay, normalizeDateInput } from "./date-input";

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
