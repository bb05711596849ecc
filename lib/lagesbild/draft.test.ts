import { test } from "node:test";
import assert from "node:assert/strict";
import { buildMatrix, type CountRow, type WeekSet } from "./draft";

const weeks: WeekSet = { week: "2026-W10", previous: "2026-W09", previous4: ["2026-W09", "2026-W08", "2026-W07", "2026-W06"], lastYear: "2025-W10" };

test("each cell, area, category and the total compare the week with the week before, the four before and last year", () => {
  const rows: CountRow[] = [
    { areaId: "a", categoryId: "x", isoWeek: "2026-W10", count: 7 },
    { areaId: "a", categoryId: "x", isoWeek: "2026-W09", count: 2 },
    { areaId: "a", categoryId: "x", isoWeek: "2026-W07", count: 4 },
    { areaId: "a", categoryId: "x", isoWeek: "2025-W10", count: 1 },
    { areaId: "a", categoryId: "y", isoWeek: "2026-W10", count: 3 },
    { areaId: "b", categoryId: "x", isoWeek: "2026-W10", count: 5 },
    { areaId: "b", categoryId: "x", isoWeek: "2026-W06", count: 6 },
    // Outside every week compared: counts nowhere.
    { areaId: "a", categoryId: "x", isoWeek: "2026-W05", count: 100 },
  ];
  const m = buildMatrix(rows, weeks, ["a", "b"], ["x", "y"]);
  assert.deepEqual(
    { ...m.cells.a!.x!, flag: undefined },
    { count: 7, previousWeek: 2, meanPrevious4: 1.5, sameWeekLastYear: 1, seasonalMean: null, flag: undefined },
  );
  assert.equal(m.cells.a!.x!.flag.flagged, true);
  assert.deepEqual({ ...m.cells.b!.y!, flag: undefined }, { count: 0, previousWeek: 0, meanPrevious4: 0, sameWeekLastYear: 0, seasonalMean: null, flag: undefined });
  assert.equal(m.byArea.a!.count, 10);
  assert.equal(m.byArea.b!.meanPrevious4, 1.5);
  assert.equal(m.byCategory.x!.count, 12);
  assert.equal(m.byCategory.x!.meanPrevious4, 3);
  assert.equal(m.byCategory.y!.count, 3);
  assert.deepEqual({ ...m.total, flag: undefined }, { count: 15, previousWeek: 2, meanPrevious4: 3, sameWeekLastYear: 1, seasonalMean: null, flag: undefined });
});

test("the matrix agrees with summing the rows one by one, for many random weeks of counts", () => {
  // A small deterministic generator (mulberry32): the same rows on every run.
  let seed = 20261126;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const areas = ["a1", "a2", "a3", "a4", "a5"];
  const categories = ["c1", "c2", "c3", "c4"];
  const weekKeys = ["2026-W10", "2026-W09", "2026-W08", "2026-W07", "2026-W06", "2026-W05", "2025-W10", "2025-W11"];
  const rows: CountRow[] = [];
  for (const a of areas) for (const c of categories) for (const w of weekKeys) if (random() < 0.6) rows.push({ areaId: a, categoryId: c, isoWeek: w, count: 1 + Math.floor(random() * 9) });

  const sum = (match: (r: CountRow) => boolean, week: string) => rows.filter((r) => r.isoWeek === week && match(r)).reduce((s, r) => s + r.count, 0);
  const expected = (match: (r: CountRow) => boolean) => ({
    count: sum(match, weeks.week),
    previousWeek: sum(match, weeks.previous),
    meanPrevious4: weeks.previous4.reduce((s, w) => s + sum(match, w), 0) / 4,
    sameWeekLastYear: sum(match, weeks.lastYear),
  });
  const strip = ({ count, previousWeek, meanPrevious4, sameWeekLastYear }: { count: number; previousWeek: number; meanPrevious4: number; sameWeekLastYear: number }) => ({ count, previousWeek, meanPrevious4, sameWeekLastYear });

  const m = buildMatrix(rows, weeks, areas, categories);
  for (const a of areas) {
    for (const c of categories) assert.deepEqual(strip(m.cells[a]![c]!), expected((r) => r.areaId === a && r.categoryId === c), `${a} × ${c}`);
    assert.deepEqual(strip(m.byArea[a]!), expected((r) => r.areaId === a), a);
  }
  for (const c of categories) assert.deepEqual(strip(m.byCategory[c]!), expected((r) => r.categoryId === c), c);
  assert.deepEqual(strip(m.total), expected(() => true));
});

test("the seasonal mean is the same week and its neighbours in the two years before, only when they are given (issue 25)", () => {
  const seasonal = ["2025-W09", "2025-W10", "2025-W11", "2024-W09", "2024-W10", "2024-W11"];
  const rows: CountRow[] = [
    { areaId: "a", categoryId: "c", isoWeek: "2026-W10", count: 9 },
    { areaId: "a", categoryId: "c", isoWeek: "2025-W10", count: 10 },
    { areaId: "a", categoryId: "c", isoWeek: "2025-W11", count: 2 },
    { areaId: "a", categoryId: "c", isoWeek: "2024-W10", count: 12 },
    { areaId: "a", categoryId: "c", isoWeek: "2023-W10", count: 100 },
  ];
  const withSeason = buildMatrix(rows, { ...weeks, seasonal }, ["a"], ["c"]);
  assert.equal(withSeason.cells.a!.c!.seasonalMean, 4, "(10 + 2 + 12) / 6; three years back does not count");
  assert.equal(withSeason.cells.a!.c!.flag.flagged, false, "9 against a seasonal mean of 4 is within chance at 1 %");
  const without = buildMatrix(rows, weeks, ["a"], ["c"]);
  assert.equal(without.cells.a!.c!.seasonalMean, null);
  assert.equal(without.cells.a!.c!.flag.flagged, true, "9 against the floor of the four quiet weeks before");
});
