import { test } from "node:test";
import assert from "node:assert/strict";
import { delta, flagFor, poissonAtLeast } from "./flags";

test("Poisson tail probabilities", () => {
  assert.equal(poissonAtLeast(0, 2), 1);
  assert.ok(Math.abs(poissonAtLeast(1, 2) - (1 - Math.exp(-2))) < 1e-12);
  // P(X ≥ 7 | λ = 2) ≈ 0.004534
  assert.ok(Math.abs(poissonAtLeast(7, 2) - 0.004534) < 1e-5);
  assert.ok(poissonAtLeast(30, 1) < 1e-20);
});

test("a count far above the recent baseline is flagged, with a one-sentence reason", () => {
  const f = flagFor({ count: 7, previousWeek: 2, meanPrevious4: 2, sameWeekLastYear: 1 });
  assert.equal(f.flagged, true);
  assert.equal(f.explanation, "7 händelser mot i snitt 2 de fyra föregående veckorna – så många eller fler inträffar av en slump i 0,5 % av veckorna.");
});

test("ordinary variation and small counts are not flagged", () => {
  assert.equal(flagFor({ count: 5, previousWeek: 3, meanPrevious4: 3, sameWeekLastYear: 4 }).flagged, false);
  // Two incidents where there were none before: unusual, but too few to say anything.
  const small = flagFor({ count: 2, previousWeek: 0, meanPrevious4: 0, sameWeekLastYear: 0 });
  assert.equal(small.flagged, false);
  assert.match(small.explanation, /Färre än 3/);
  // With no history the floor (0.5) is the baseline: 3 incidents happen by chance in 1.4 % of
  // weeks (not flagged), 4 in 0.2 % (flagged).
  assert.equal(flagFor({ count: 3, previousWeek: 0, meanPrevious4: 0, sameWeekLastYear: 0 }).flagged, false);
  assert.equal(flagFor({ count: 4, previousWeek: 0, meanPrevious4: 0, sameWeekLastYear: 0 }).flagged, true);
});

test("deltas read as Swedish changes", () => {
  assert.equal(delta(5, 2), "+3");
  assert.equal(delta(2, 3.5), "−1,5");
  assert.equal(delta(4, 4), "±0");
});

test("the chance of a flag in an ordinary week is the tail beyond the smallest flagged count", async () => {
  const { chanceOfFlag } = await import("./flags");
  // No history: the floor 0,5; 3 in a week would happen 1,4 % of weeks (not flagged), 4 in 0,18 %.
  assert.equal(chanceOfFlag({ meanPrevious4: 0 }).toFixed(5), "0.00175");
  // A mean of 5: 11 or more happens 1,4 % of weeks, 12 or more 0,55 %.
  assert.equal(chanceOfFlag({ meanPrevious4: 5 }).toFixed(4), "0.0055");
  for (const mean of [0, 0.3, 1, 2.5, 7, 20, 80]) assert.ok(chanceOfFlag({ meanPrevious4: mean }) < 0.01, `below the 1 % rule at ${mean}`);
});

test("a peak that comes every year is judged against the same weeks in earlier years, once they exist (issue 25)", async () => {
  const { baselineOf } = await import("./flags");
  // Valborg: 9 against a quiet month (mean 2) would be flagged; the same weeks in the two years
  // before held 8 on average, so it is the usual peak.
  const valborg = { count: 9, previousWeek: 2, meanPrevious4: 2, sameWeekLastYear: 8 };
  assert.equal(flagFor(valborg).flagged, true, "without a seasonal baseline");
  const seasonal = flagFor({ ...valborg, seasonalMean: 8 });
  assert.equal(seasonal.flagged, false);
  assert.equal(seasonal.explanation, "Inom det vanliga (40,7 % sannolikhet mot det högre av snitten: 2 de fyra föregående veckorna, 8 samma veckor de två föregående åren).");
  // Unusual against both: flagged, and the sentence names both means.
  const both = flagFor({ ...valborg, count: 18, seasonalMean: 8 });
  assert.equal(both.flagged, true);
  assert.match(both.explanation, /^18 händelser mot i snitt 2 de fyra föregående veckorna och 8 samma veckor de två föregående åren – mot det högre snittet/);
  // The seasonal mean never lowers the bar: a quiet earlier year leaves the 4-week mean in charge.
  assert.equal(baselineOf({ meanPrevious4: 6, seasonalMean: 1 }), 6);
  assert.equal(baselineOf({ meanPrevious4: 0, seasonalMean: 0 }), 0.5);
  // Lägesbilder published before the seasonal mean existed have none: the old sentence.
  assert.match(flagFor({ count: 7, previousWeek: 2, meanPrevious4: 2, sameWeekLastYear: 1, seasonalMean: null }).explanation, /^7 händelser mot i snitt 2 de fyra föregående veckorna – så/);
});
