import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { chanceOfFlag } from "./flags";
import { LAGESBILD_SNAPSHOT_VERSION, fromLagesbildSnapshot, toLagesbildSnapshot } from "./snapshot";
import type { LagesbildDraft } from "./queries";

// tests/fixtures/lagesbild-snapshot-v1.json was made with the code of the first publication
// (commit 8b8172a: lib/lagesbild/{draft,flags}.ts and the draft object of getLagesbildDraft), so it
// has the shape that code stored – no version, no chance count, no seasonal means, no trend,
// no recorded weeks before a persistent place, no actions, late reports, sources or map points.
const v1 = JSON.parse(readFileSync("tests/fixtures/lagesbild-snapshot-v1.json", "utf8"));

test("a week published as version 1 reads as today's lägesbild, with honest values for what it lacks", () => {
  const d = fromLagesbildSnapshot(v1);
  // The chance of a flag is recomputed from each cell's kept baseline: the same number the page
  // would have shown.
  const cells = Object.values(v1.matrix.cells as Record<string, Record<string, { meanPrevious4: number }>>).flatMap((row) => Object.values(row));
  assert.equal(d.matrix.chance.cells, 4);
  assert.equal(d.matrix.chance.expectedFlags, cells.reduce((s, c) => s + chanceOfFlag({ ...c, seasonalMean: null }), 0));
  assert.equal(d.matrix.total.seasonalMean, null);
  assert.equal(d.seasonYears, null, "no seasonal baseline was used then");
  // Two bars known from the week itself, not six with invented zeros.
  assert.deepEqual(d.trend, { weeks: ["2026-W47", "2026-W48"], totals: [v1.matrix.total.previousWeek, v1.matrix.total.count] });
  assert.equal(d.repeatPlaces[0]!.before, null, "no trend is claimed for a persistent place");
  assert.deepEqual([d.measures, d.lateReports, d.points, d.sources], [[], [], [], null]);
  assert.equal(d.flags.length, v1.flags.length);
  assert.equal(d.flags[0]!.cell.seasonalMean, null);
});

test("a version 2 snapshot round-trips, dates come back as dates", () => {
  const draft = { ...fromLagesbildSnapshot(v1), saved: null, canEdit: false } as unknown as LagesbildDraft;
  const withDates = {
    ...draft,
    lateReports: [{ id: "r1", isoWeek: "2026-W47", occurredAt: new Date("2026-11-20T21:00:00Z"), place: "Edsbergs torg", area: { name: "Edsberg" }, category: { label: "Skadegörelse" } }],
    measures: [{ id: "m1", title: "Belysning", dueDate: new Date("2026-12-15T00:00:00Z") }],
  } as unknown as LagesbildDraft;
  const stored = JSON.parse(JSON.stringify(toLagesbildSnapshot(withDates, { incidentIds: ["i1"], frozenAt: "2026-11-30T12:00:00Z" })));
  assert.equal(stored.schemaVersion, LAGESBILD_SNAPSHOT_VERSION);
  const read = fromLagesbildSnapshot(stored);
  assert.ok(read.lateReports[0]!.occurredAt instanceof Date);
  assert.equal(read.lateReports[0]!.occurredAt.toISOString(), "2026-11-20T21:00:00.000Z");
  assert.ok(read.measures[0]!.dueDate instanceof Date);
  assert.deepEqual(read.matrix, draft.matrix);
});

test("a snapshot that is not what its version says fails with its version and the field named", () => {
  assert.throws(() => fromLagesbildSnapshot({ schemaVersion: 9, data: {} }), /version 9.*okänd version/);
  const broken = JSON.parse(JSON.stringify(toLagesbildSnapshot({ ...fromLagesbildSnapshot(v1), saved: null, canEdit: false } as unknown as LagesbildDraft, { incidentIds: [], frozenAt: "" })));
  delete broken.data.matrix.total;
  assert.throws(() => fromLagesbildSnapshot(broken), /version 2.*matrix\.total/);
});
