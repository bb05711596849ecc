import { test } from "node:test";
import assert from "node:assert/strict";
import { rateRatio, rateRatioVerdict, wilson } from "./intervals";

const near = (actual: number, expected: number, places = 4) => assert.equal(actual.toFixed(places), expected.toFixed(places));

test("the Wilson interval matches Newcombe (1998), table I, method 3", () => {
  for (const [k, n, low, high] of [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ] as const) {
    const ci = wilson(k, n)!;
    near(ci.low, low);
    near(ci.high, high);
  }
});

test("a survey share of 44 % from 38 respondents is somewhere between 30 and 60 %", () => {
  const ci = wilson(Math.round(0.44 * 38), 38)!;
  assert.ok(ci.low > 0.28 && ci.low < 0.31, `low ${ci.low}`);
  assert.ok(ci.high > 0.58 && ci.high < 0.61, `high ${ci.high}`);
});

test("no interval without respondents or with more yes than respondents", () => {
  assert.equal(wilson(0, 0), null);
  assert.equal(wilson(5, 4), null);
});

test("the rate ratio of Rotebro station against the rest (issue 25): 1.16, 95 % 0.67–2.0, no sure effect", () => {
  const rr = rateRatio({ before: 28, after: 39 }, { before: 102, after: 123 })!;
  near(rr.ratio, 1.155, 3);
  near(rr.low, 0.665, 3);
  near(rr.high, 2.006, 3);
  assert.equal(rateRatioVerdict(rr), "uncertain");
});

test("the interval is symmetric on the log scale and narrows with more events", () => {
  const small = rateRatio({ before: 10, after: 10 }, { before: 10, after: 10 })!;
  assert.equal(small.ratio, 1);
  near(small.low * small.high, 1, 10);
  const large = rateRatio({ before: 1000, after: 1000 }, { before: 1000, after: 1000 })!;
  assert.ok(large.high - large.low < small.high - small.low);
});

test("a clear drop is a drop; a clear rise is a rise; a zero count gives no interval", () => {
  assert.equal(rateRatioVerdict(rateRatio({ before: 100, after: 40 }, { before: 500, after: 510 })), "fewer");
  assert.equal(rateRatioVerdict(rateRatio({ before: 40, after: 100 }, { before: 500, after: 490 })), "more");
  assert.equal(rateRatio({ before: 0, after: 4 }, { before: 50, after: 50 }), null);
  assert.equal(rateRatioVerdict(null), "uncertain");
});

test("a survey share is uncertain by its interval, not by a fixed number of respondents", async () => {
  const { surveyUncertainty } = await import("./survey");
  const small = surveyUncertainty(44, "%", 38);
  assert.equal(small.uncertain, true, "44 % of 38 is 30–60 %");
  assert.ok(small.interval!.low > 29 && small.interval!.high < 61);
  assert.equal(surveyUncertainty(44, "%", 400).uncertain, false, "44 % of 400 is 39–49 %");
  // Near 0 or 100 the interval is narrower: 3 % of 60 is about 1–11 %.
  assert.equal(surveyUncertainty(3, "%", 60).uncertain, false);
  // An index has no interval: the rule of thumb remains.
  assert.deepEqual(surveyUncertainty(3.4, "index", 25), { interval: null, uncertain: true });
  assert.deepEqual(surveyUncertainty(3.4, "index", 300), { interval: null, uncertain: false });
  assert.deepEqual(surveyUncertainty(44, "%", null), { interval: null, uncertain: false });
});
