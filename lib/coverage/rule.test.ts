import { test } from "node:test";
import assert from "node:assert/strict";
import { addDays, gapWeeks, knownWindow, mondayOf, periodCoverage, type OrganisationReporting } from "./rule";

/** Every Monday from `from` up to (not including) `until`. */
const mondays = (from: string, until: string) => {
  const out = new Set<string>();
  for (let w = mondayOf(from); w < until; w = addDays(w, 7)) out.add(w);
  return out;
};
const org = (o: Partial<OrganisationReporting> & { id: string }): OrganisationReporting => ({ name: o.id, start: null, end: null, pauses: [], weeks: new Set(), ...o });
const T3_2024 = { from: "2024-09-01", until: "2025-01-01" };
const T1_2025 = { from: "2025-01-01", until: "2025-05-01" };

test("a tertial that reporting began three weeks before its end is not complete (the +496 % of issue 25)", () => {
  // Reporting started on Saturday 7 December 2024: its week's Monday is the 2nd.
  const orgs = ["police", "school", "housing"].map((id) => org({ id, start: "2024-12-02", weeks: mondays("2024-12-02", "2025-06-01") }));
  const partial = periodCoverage(orgs, T3_2024, "2025-06-01");
  assert.equal(partial.complete, false);
  assert.equal(partial.ongoing, false);
  assert.equal(partial.expectedDays, 3 * 122);
  assert.equal(partial.coveredDays, 3 * 30);
  const whole = periodCoverage(orgs, T1_2025, "2025-06-01");
  assert.equal(whole.share, 1);
  assert.equal(whole.complete, true);
});

test("a period before anyone reported has no coverage at all – a gap, never 0", () => {
  const orgs = [org({ id: "police", start: "2024-12-02", weeks: mondays("2024-12-02", "2025-02-01") }), org({ id: "never" })];
  const none = periodCoverage(orgs, { from: "2024-01-01", until: "2024-05-01" }, "2025-02-01");
  assert.equal(none.share, null);
  assert.equal(none.complete, false);
  assert.deepEqual(none.organisations, []);
});

test("three silent weeks are quiet weeks; four in a row are a gap", () => {
  const weeks = mondays("2025-01-06", "2025-05-05");
  for (const w of ["2025-02-03", "2025-02-10", "2025-02-17"]) weeks.delete(w);
  const quiet = org({ id: "q", start: "2025-01-06", weeks });
  assert.equal(gapWeeks(quiet, "2025-05-01").size, 0);
  const longer = new Set(weeks);
  longer.delete("2025-02-24");
  const silent = org({ id: "s", start: "2025-01-06", weeks: longer });
  assert.deepEqual([...gapWeeks(silent, "2025-05-01")].sort(), ["2025-02-03", "2025-02-10", "2025-02-17", "2025-02-24"]);
  const c = periodCoverage([silent], T1_2025, "2025-06-01");
  assert.deepEqual(c.organisations[0]!.gaps, [{ from: "2025-02-03", until: "2025-03-03" }]);
  // 5 days before its start + 28 days of gap uncovered, out of 120.
  assert.equal(c.coveredDays, 120 - 5 - 28);
  assert.equal(c.complete, false);
});

test("a pause is neither covered nor missing; an end stops what is expected", () => {
  const weeks = mondays("2025-01-06", "2025-05-05");
  for (const w of mondays("2025-02-03", "2025-03-03")) weeks.delete(w);
  const paused = org({ id: "school", start: "2024-12-30", pauses: [{ from: "2025-02-03", until: "2025-03-03" }], weeks });
  const c = periodCoverage([paused], T1_2025, "2025-06-01");
  assert.equal(c.expectedDays, 120 - 28);
  assert.equal(c.share, 1);
  const ended = org({ id: "ended", start: "2024-12-30", end: "2025-03-01", weeks: mondays("2024-12-30", "2025-03-01") });
  const e = periodCoverage([ended], T1_2025, "2025-06-01");
  assert.equal(e.coveredDays, 59);
  assert.equal(e.expectedDays, 120);
  assert.equal(periodCoverage([ended], { from: "2025-05-01", until: "2025-09-01" }, "2025-10-01").share, null);
});

test("an ongoing period counts the days up to today and is never complete", () => {
  const orgs = [org({ id: "police", start: "2025-01-06", weeks: mondays("2025-01-06", "2026-12-07") })];
  const c = periodCoverage(orgs, { from: "2026-09-01", until: "2027-01-01" }, "2026-12-06");
  assert.equal(c.ongoing, true);
  assert.equal(c.expectedDays, 97);
  assert.equal(c.share, 1);
  assert.equal(c.complete, false);
  // A period runs until its last day is over.
  assert.equal(periodCoverage(orgs, { from: "2026-09-01", until: "2026-12-07" }, "2026-12-06").ongoing, true);
  assert.equal(periodCoverage(orgs, { from: "2026-09-01", until: "2026-12-07" }, "2026-12-07").ongoing, false);
});

test("only the weeks around the period need be known: the same answer as from the whole history", () => {
  const weeks = mondays("2023-01-02", "2026-01-05");
  for (const w of mondays("2025-03-24", "2025-05-19")) weeks.delete(w);
  const full = org({ id: "o", start: "2023-01-02", weeks });
  const window = knownWindow(T1_2025);
  const windowed = org({ id: "o", start: "2023-01-02", weeks: new Set([...weeks].filter((w) => w >= window.from && w < window.until)) });
  assert.deepEqual(periodCoverage([windowed], T1_2025, "2026-01-05", window), periodCoverage([full], T1_2025, "2026-01-05"));
  assert.equal(periodCoverage([full], T1_2025, "2026-01-05").complete, false);
});

test("across week 53 and a DST change the rule counts calendar days", () => {
  // 2026 has an ISO week 53 (28 Dec 2026 – 3 Jan 2027); summer time ends 25 Oct 2026.
  const weeks = mondays("2026-08-31", "2027-02-01");
  weeks.delete("2026-12-28");
  const o = org({ id: "o", start: "2026-08-31", weeks });
  const c = periodCoverage([o], { from: "2026-09-01", until: "2027-01-01" }, "2027-02-01");
  assert.equal(c.expectedDays, 122);
  assert.equal(c.share, 1);
  assert.equal(mondayOf("2027-01-03"), "2026-12-28");
});

test("an ongoing period is set against as many days of the earlier ones – across DST, week 53 and a tertial's end", async () => {
  const { comparisonWindows } = await import("./rule");
  // 6 December 2026 in T3 (1 Sep–31 Dec): 97 days so far; T2 (1 May–31 Aug) cut to 1 May–5 Aug,
  // T3 2025 to 1 Sep–6 Dec 2025. Summer time ended on 25 October inside both windows.
  const t3 = comparisonWindows({ from: "2026-09-01", until: "2027-01-01" }, { previous: { from: "2026-05-01", until: "2026-09-01" }, lastYear: { from: "2025-09-01", until: "2026-01-01" } }, "2026-12-06");
  assert.deepEqual([t3.ongoing, t3.through, t3.elapsed], [true, "2026-12-06", 97]);
  assert.deepEqual(t3.own, { from: "2026-09-01", until: "2026-12-07" });
  assert.deepEqual(t3.windows, { previous: { from: "2026-05-01", until: "2026-08-06" }, lastYear: { from: "2025-09-01", until: "2025-12-07" } });
  // ISO week 53 of 2026 (28 Dec–3 Jan) on its Saturday, against week 52 and 2025's week 52.
  const w53 = comparisonWindows({ from: "2026-12-28", until: "2027-01-04" }, { previous: { from: "2026-12-21", until: "2026-12-28" }, lastYear: { from: "2025-12-22", until: "2025-12-29" } }, "2027-01-02");
  assert.deepEqual(w53.windows, { previous: { from: "2026-12-21", until: "2026-12-27" }, lastYear: { from: "2025-12-22", until: "2025-12-28" } });
  // On a tertial's last day it is still ongoing; the day after, whole against whole.
  const lastDay = comparisonWindows({ from: "2026-05-01", until: "2026-09-01" }, { previous: { from: "2026-01-01", until: "2026-05-01" } }, "2026-08-31");
  assert.deepEqual([lastDay.ongoing, lastDay.windows.previous], [true, { from: "2026-01-01", until: "2026-05-01" }], "120 days of T1 are all of it");
  const after = comparisonWindows({ from: "2026-05-01", until: "2026-09-01" }, { previous: { from: "2026-01-01", until: "2026-05-01" } }, "2026-09-01");
  assert.deepEqual(lastDay.own, { from: "2026-05-01", until: "2026-09-01" });
  assert.deepEqual([after.ongoing, after.through, after.windows.previous], [false, null, { from: "2026-01-01", until: "2026-05-01" }]);
  // A month of 31 days running against a shorter one: never past the earlier one's end.
  const march = comparisonWindows({ from: "2026-03-01", until: "2026-04-01" }, { previous: { from: "2026-02-01", until: "2026-03-01" } }, "2026-03-30");
  assert.deepEqual(march.windows.previous, { from: "2026-02-01", until: "2026-03-01" });
});
