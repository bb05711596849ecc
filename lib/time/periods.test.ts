import { test } from "node:test";
import assert from "node:assert/strict";
import {
  formatPeriod,
  parsePeriod,
  periodRange,
  quarterKey,
  monthKey,
  samePeriodLastYear,
  shiftPeriod,
  tertialKey,
  weekKey,
  weeksIn,
  weeksInISOYear,
  isPeriodKey,
  localDayRange,
} from "./periods";

const iso = (s: string) => new Date(s);

test("ISO week keys around the turn of the year, in Stockholm time", () => {
  // 2020 has 53 ISO weeks; 2026-W53 exists too (1 Jan 2026 is a Thursday).
  assert.equal(weeksInISOYear(2020), 53);
  assert.equal(weeksInISOYear(2021), 52);
  assert.equal(weeksInISOYear(2026), 53);
  assert.equal(weekKey(iso("2020-12-31T12:00:00Z")), "2020-W53");
  assert.equal(weekKey(iso("2021-01-03T12:00:00Z")), "2020-W53");
  assert.equal(weekKey(iso("2021-01-04T12:00:00Z")), "2021-W01");
  // 28 Dec–4 Jan around 2025/2026: Mon 29 Dec 2025 starts 2026-W01.
  assert.equal(weekKey(iso("2025-12-28T12:00:00Z")), "2025-W52");
  assert.equal(weekKey(iso("2025-12-29T12:00:00Z")), "2026-W01");
  assert.equal(weekKey(iso("2026-01-04T12:00:00Z")), "2026-W01");
  assert.equal(weekKey(iso("2026-12-31T12:00:00Z")), "2026-W53");
  // Sunday 23:30 UTC on 3 Jan 2021 is already Monday 00:30 in Stockholm.
  assert.equal(weekKey(iso("2021-01-03T23:30:00Z")), "2021-W01");
});

test("00:30 local on 1 May, 1 Sep and 1 Jan belongs to the new month, tertial and quarter", () => {
  // CEST (+02): 00:30 local on 1 May is 22:30 UTC on 30 April.
  const may = iso("2026-04-30T22:30:00Z");
  assert.equal(tertialKey(may), "2026-T2");
  assert.equal(monthKey(may), "2026-05");
  const sep = iso("2026-08-31T22:30:00Z");
  assert.equal(tertialKey(sep), "2026-T3");
  assert.equal(quarterKey(sep), "2026-Q3");
  // CET (+01): 00:30 local on 1 Jan 2027 is 23:30 UTC on 31 Dec 2026.
  const jan = iso("2026-12-31T23:30:00Z");
  assert.equal(tertialKey(jan), "2027-T1");
  assert.equal(quarterKey(jan), "2027-Q1");
  assert.equal(weekKey(jan), "2026-W53");
  // One minute before local midnight stays in the old period.
  assert.equal(tertialKey(iso("2026-04-30T21:59:00Z")), "2026-T1");
});

test("week ranges are half-open and follow both DST switches", () => {
  // Spring forward: 29 March 2026 at 02:00 → 03:00, so W13 is 167 hours.
  const spring = periodRange("2026-W13");
  assert.equal(spring.start.toISOString(), "2026-03-22T23:00:00.000Z");
  assert.equal(spring.end.toISOString(), "2026-03-29T22:00:00.000Z");
  assert.equal((spring.end.getTime() - spring.start.getTime()) / 3_600_000, 167);
  // Fall back: 25 October 2026 at 03:00 → 02:00, so W43 is 169 hours.
  const autumn = periodRange("2026-W43");
  assert.equal((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000, 169);
  assert.equal(autumn.end.toISOString(), "2026-10-25T23:00:00.000Z");
});

test("tertial, quarter and month ranges start at local midnight", () => {
  assert.deepEqual(
    Object.values(periodRange("2026-T2")).map((d) => d.toISOString()),
    ["2026-04-30T22:00:00.000Z", "2026-08-31T22:00:00.000Z"],
  );
  assert.deepEqual(
    Object.values(periodRange("2026-T3")).map((d) => d.toISOString()),
    ["2026-08-31T22:00:00.000Z", "2026-12-31T23:00:00.000Z"],
  );
  assert.equal(periodRange("2026-Q1").start.toISOString(), "2025-12-31T23:00:00.000Z");
  assert.equal(periodRange("2026-02").end.toISOString(), "2026-02-28T23:00:00.000Z");
});

test("keys round-trip through parse and format, and through their own range", () => {
  for (const key of ["2020-W53", "2026-W01", "2026-W53", "2026-02", "2026-12", "2026-Q4", "2026-T1", "2026-T3"]) {
    assert.equal(formatPeriod(parsePeriod(key)), key);
    const { start, end } = periodRange(key);
    const kind = parsePeriod(key).kind;
    const keyOf = { week: weekKey, month: monthKey, quarter: quarterKey, tertial: tertialKey }[kind];
    assert.equal(keyOf(start), key, `start of ${key}`);
    assert.equal(keyOf(new Date(end.getTime() - 1)), key, `last instant of ${key}`);
    assert.notEqual(keyOf(end), key, `end of ${key} is exclusive`);
  }
});

test("every week of 2015–2030 round-trips", () => {
  for (let year = 2015; year <= 2030; year++) {
    for (let w = 1; w <= weeksInISOYear(year); w++) {
      const key = formatPeriod({ kind: "week", year, index: w });
      assert.equal(weekKey(periodRange(key).start), key);
      assert.equal(shiftPeriod(shiftPeriod(key, 1), -1), key);
    }
  }
});

test("invalid keys are refused", () => {
  for (const bad of ["2021-W53", "2026-W00", "2026-W54", "2026-13", "2026-Q5", "2026-T4", "2026-T0", "26-W01", "2026W07", ""]) {
    assert.equal(isPeriodKey(bad), false, bad);
    assert.throws(() => parsePeriod(bad), /Ogiltig period/);
  }
  assert.equal(isPeriodKey("2026-W07", "week"), true);
  assert.equal(isPeriodKey("2026-W07", "tertial"), false);
});

test("shifting and comparing periods", () => {
  assert.equal(shiftPeriod("2026-W01", -1), "2025-W52");
  assert.equal(shiftPeriod("2020-W52", 1), "2020-W53");
  assert.equal(shiftPeriod("2026-T1", -1), "2025-T3");
  assert.equal(shiftPeriod("2026-T3", 1), "2027-T1");
  assert.equal(shiftPeriod("2026-Q1", -5), "2024-Q4");
  assert.equal(samePeriodLastYear("2026-W53"), "2025-W52");
  assert.equal(samePeriodLastYear("2026-W07"), "2025-W07");
  assert.equal(samePeriodLastYear("2026-T2"), "2025-T2");
});

test("each ISO week belongs to exactly one tertial", () => {
  const weeks = ["2026-T1", "2026-T2", "2026-T3"].flatMap(weeksIn);
  assert.equal(new Set(weeks).size, weeks.length);
  assert.equal(weeks.length, weeksInISOYear(2026));
  assert.equal(weeksIn("2026-T1")[0], "2026-W01");
  assert.equal(weeksIn("2026-T3").at(-1), "2026-W53");
});

test("periods as Stockholm calendar days: weeks across DST and year ends, tertials as whole months", () => {
  assert.deepEqual(localDayRange("2026-W13"), { from: "2026-03-23", to: "2026-03-30", wholeMonths: false });
  assert.deepEqual(localDayRange("2026-W53"), { from: "2026-12-28", to: "2027-01-04", wholeMonths: false });
  assert.deepEqual(localDayRange("2026-W44"), { from: "2026-10-26", to: "2026-11-02", wholeMonths: false });
  assert.deepEqual(localDayRange("2026-T3"), { from: "2026-09-01", to: "2027-01-01", wholeMonths: true });
  assert.deepEqual(localDayRange("2026-Q1"), { from: "2026-01-01", to: "2026-04-01", wholeMonths: true });
  assert.deepEqual(localDayRange("2026-02"), { from: "2026-02-01", to: "2026-03-01", wholeMonths: true });
});

test("the browser's arithmetic for weeks per year and labels agrees with the time-zone library", async () => {
  const { endOfISOWeekYear, getISOWeek } = await import("date-fns");
  const { TZDate } = await import("@date-fns/tz");
  const { periodLabel } = await import("./period-keys");
  for (let year = 1990; year <= 2110; year++) {
    assert.equal(weeksInISOYear(year), getISOWeek(endOfISOWeekYear(new TZDate(year, 6, 1, "Europe/Stockholm"))), String(year));
  }
  for (const locale of ["sv", "en"] as const) {
    const month = new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { month: "long", year: "numeric", timeZone: "Europe/Stockholm" });
    for (let m = 1; m <= 12; m++) {
      const key = `2026-${String(m).padStart(2, "0")}`;
      assert.equal(periodLabel(key, locale), month.format(periodRange(key).start), key);
    }
  }
  assert.equal(periodLabel("2026-03", "sv"), "mars 2026");
  assert.equal(periodLabel("2026-W53", "sv"), "v. 53 2026");
  assert.equal(periodLabel("2026-T2", "en"), "T2 2026 (May–Aug)");
  assert.throws(() => periodLabel("2027-W53"), /Ogiltig period/);
});
