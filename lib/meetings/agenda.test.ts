import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultAgenda } from "./agenda";

test("each kind of group starts from the agenda its meetings are for", () => {
  assert.deepEqual(defaultAgenda("VECKO").map((i) => i.kind), ["lagesbild", "flags", "measures-due", "silent", "custom"]);
  assert.deepEqual(defaultAgenda("FORDJUPNING").map((i) => i.kind), ["quarter-pack", "area-goals", "problem-pictures", "custom"]);
  assert.deepEqual(defaultAgenda("LEDNING").map((i) => i.kind), ["tertial", "indicators", "agreement", "insatser", "custom"]);
  assert.deepEqual(defaultAgenda("INSATS").map((i) => i.kind), ["insats-picture", "insats-measures", "custom"]);
  const positions = defaultAgenda("STRATEGISK").map((i) => i.position);
  assert.deepEqual(positions, [1, 2, 3, 4, 5]);
});
