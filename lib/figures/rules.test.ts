import { test } from "node:test";
import assert from "node:assert/strict";
import { compareCounts, isUncertainCount, isUncertainRate, type Coverage } from "./rules";

const whole: Coverage = { share: 1, complete: true, ongoing: false };
const partial: Coverage = { share: 0.2, complete: false, ongoing: false };
const ongoing: Coverage = { share: 0.97, complete: false, ongoing: true };
const empty: Coverage = { share: null, complete: false, ongoing: false };

test("no percentage from a base under 10: the two counts instead", () => {
  assert.deepEqual(compareCounts(48, 4), { kind: "counts", now: 48, before: 4, reason: "small-base" });
  assert.deepEqual(compareCounts(28, 3, { now: whole, before: whole }), { kind: "counts", now: 28, before: 3, reason: "small-base" });
  assert.deepEqual(compareCounts(12, 10, { now: whole, before: whole }), { kind: "percent", percent: 20, now: 12, before: 10 });
  assert.deepEqual(compareCounts(3, 3), { kind: "same", now: 3, before: 3 });
});

test("a side that is not complete gets its counts and the reason, never a percentage", () => {
  // 2025-T3 against a 2024-T3 with three weeks of reporting (the issue's +496 %).
  assert.deepEqual(compareCounts(667, 112, { now: whole, before: partial }), { kind: "counts", now: 667, before: 112, reason: "incomplete" });
  assert.equal(compareCounts(667, 0, { now: whole, before: empty }).kind, "counts");
  assert.equal((compareCounts(667, 0, { now: whole, before: empty }) as { reason: string }).reason, "no-coverage");
});

test("an ongoing period is compared only over the same days of the earlier one", () => {
  assert.deepEqual(compareCounts(90, 100, { now: ongoing, before: whole }), { kind: "counts", now: 90, before: 100, reason: "ongoing" });
  assert.deepEqual(compareCounts(90, 100, { now: ongoing, before: whole, sameWindow: true }), { kind: "percent", percent: -10, now: 90, before: 100 });
  assert.equal(compareCounts(90, 100, { now: { ...ongoing, share: 0.5 }, before: whole, sameWindow: true }).kind, "counts");
});

test("fewer than 5 events, or a rate for under 1 000 inhabitants, is uncertain", () => {
  assert.equal(isUncertainCount(4), true);
  assert.equal(isUncertainCount(5), false);
  assert.equal(isUncertainRate(50, 999), true);
  assert.equal(isUncertainRate(4, 5000), true);
  assert.equal(isUncertainRate(5, 1000), false);
});
