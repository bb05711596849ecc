import { test } from "node:test";
import assert from "node:assert/strict";
import { assessEffect } from "./effect";

const o = { target: "Edsbergs torg", neighbours: "Resten av Edsberg", days: 56 };

test("difference-in-differences: a drop where the municipality rose is counted against what was expected", () => {
  const e = assessEffect({ target: { before: 40, after: 20 }, comparison: { before: 400, after: 440 }, neighbours: { before: 30, after: 31 } }, o);
  assert.equal(e.expected, 44);
  assert.equal(e.difference, -24);
  assert.equal(e.small, false);
  assert.equal(e.displacement, false);
  assert.match(e.sentence, /40 händelser under 56 dagar före och 20 under lika lång tid efter \(-50 %\); i resten av kommunen \+10 %/);
  assert.match(e.sentence, /ungefär 24 färre än om Edsbergs torg hade följt resten av kommunen/);
  assert.deepEqual(e.index, { target: 50, comparison: 110, neighbours: 103 });
});

test("small counts say nothing, and a rise next door is flagged as possible displacement", () => {
  const e = assessEffect({ target: { before: 6, after: 2 }, comparison: { before: 100, after: 100 }, neighbours: { before: 10, after: 20 } }, o);
  assert.equal(e.small, true);
  assert.match(e.sentence, /Underlaget är för litet/);
  assert.equal(e.displacement, true);
  assert.match(e.sentence, /Resten av Edsberg ökade mer än kommunen i övrigt \(\+100 %\)/);
});

test("no incidents before: no percentages invented", () => {
  const e = assessEffect({ target: { before: 0, after: 3 }, comparison: { before: 0, after: 0 }, neighbours: null }, o);
  assert.equal(e.expected, 0);
  assert.match(e.sentence, /från 0 till 3/);
  assert.equal(e.index.target, null);
});
