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
  // (20/40) / (440/400) = 0,45, and the interval lies below 1: a drop, with its uncertainty stated.
  assert.equal(e.verdict, "fewer");
  assert.match(e.sentence, /Kvoten mot resten av kommunen är 0,45 \(95 % osäkerhetsintervall 0,2\d–0,7\d\)/);
  assert.deepEqual(e.index, { target: 50, comparison: 110, neighbours: 103 });
});

test("small counts say nothing, and a rise next door is flagged as possible displacement", () => {
  const e = assessEffect({ target: { before: 6, after: 2 }, comparison: { before: 100, after: 100 }, neighbours: { before: 10, after: 20 } }, o);
  assert.equal(e.small, true);
  assert.match(e.sentence, /Underlaget är för litet/);
  assert.equal(e.displacement, true);
  assert.match(e.sentence, /Resten av Edsberg ökade mer än resten av kommunen \(\+100 %\)/);
});

test("no incidents before: no percentages invented", () => {
  const e = assessEffect({ target: { before: 0, after: 3 }, comparison: { before: 0, after: 0 }, neighbours: null }, o);
  assert.equal(e.expected, 0);
  assert.match(e.sentence, /från 0 till 3/);
  assert.equal(e.index.target, null);
});

test("Rotebro station (issue 25): 28 → 39 against 102 → 123 is no sure effect, said with its interval", () => {
  const e = assessEffect({ target: { before: 28, after: 39 }, comparison: { before: 102, after: 123 }, neighbours: null }, { ...o, target: "Rotebro station" });
  assert.equal(e.verdict, "uncertain");
  assert.doesNotMatch(e.sentence, /fler än om/);
  assert.match(e.sentence, /Ingen säker effekt: kvoten mot resten av kommunen är 1,16, men 95 % osäkerhetsintervall 0,67–2,01 rymmer både färre och fler/);
});

test("no percentage from a base under 10 in the counts", () => {
  const e = assessEffect({ target: { before: 4, after: 48 }, comparison: { before: 300, after: 330 }, neighbours: null }, o);
  assert.match(e.sentence, /\(4 → 48\)/);
  assert.doesNotMatch(e.sentence, /1100 %/);
});

test("an action started at a peak is warned of regression to the mean; changed reporting is named", () => {
  const counts = { target: { before: 30, after: 14 }, comparison: { before: 500, after: 500 }, neighbours: null };
  const atPeak = assessEffect(counts, o, undefined, { usualBefore: 12 });
  assert.equal(atPeak.peak, true);
  assert.match(atPeak.sentence, /startade på en topp \(30 händelser före mot normalt 12\).*regression mot medelvärdet/);
  assert.equal(assessEffect(counts, o, undefined, { usualBefore: 27 }).peak, false);
  assert.equal(assessEffect(counts, o, undefined, { usualBefore: null }).peak, false, "no usual level without a reported year");
  const effort = assessEffect(counts, o, undefined, { coverage: { before: 0.62, after: 0.98 } });
  assert.match(effort.sentence, /Rapporteringen ändrades mellan fönstren \(täckning 62 % före, 98 % efter\)/);
  assert.equal(assessEffect(counts, o, undefined, { coverage: { before: 0.95, after: 0.98 } }).effortChanged, false);
});

test("compared with chosen kommundelar, every sentence names them, not the rest of the municipality", () => {
  const e = assessEffect({ target: { before: 40, after: 20 }, comparison: { before: 200, after: 210 }, neighbours: null }, { target: "Edsbergs torg", neighbours: null, days: 56, control: "Tureberg och Häggvik" });
  assert.match(e.sentence, /i Tureberg och Häggvik \+5 %/);
  assert.match(e.sentence, /hade följt Tureberg och Häggvik/);
  assert.match(e.sentence, /Kvoten mot Tureberg och Häggvik är 0,48/);
  assert.doesNotMatch(e.sentence, /resten av kommunen/);
});
