import { test } from "node:test";
import assert from "node:assert/strict";
import { parseOccurredAt, validateRow, type Reference } from "./row";

const ref: Reference = {
  areas: new Map([["edsberg", "area-1"]]),
  categories: new Map([["skadegörelse", "cat-1"], ["skadegorelse", "cat-1"]]),
  organisations: new Map([["polisen", "org-1"], ["polis", "org-1"]]),
};
const NOW = new Date("2026-11-25T12:00:00Z");
const row = (o: Record<string, string> = {}) => ({ occurred_at: "2026-11-20 21:30", area: "Edsberg", place: "Torget", category: "Skadegörelse", reporter_org: "POLIS", ...o });

test("occurred_at: Stockholm wall time or ISO 8601 with an offset", () => {
  assert.deepEqual(parseOccurredAt("2026-11-20 21:30"), { at: new Date("2026-11-20T20:30:00Z"), ambiguous: false });
  assert.deepEqual(parseOccurredAt("2022-10-30T02:30+01:00"), { at: new Date("2022-10-30T01:30:00Z"), ambiguous: false });
  assert.deepEqual(parseOccurredAt("2022-10-30 02:30"), { at: new Date("2022-10-30T00:30:00Z"), ambiguous: true });
  assert.match((parseOccurredAt("2026-03-29 02:30") as { error: string }).error, /finns inte/);
  assert.match((parseOccurredAt("2026-02-30 10:00") as { error: string }).error, /ogiltigt datum/);
  assert.match((parseOccurredAt("2026-11-20T21:30") as { error: string }).error, /ISO 8601 med tidszon/);
  assert.match((parseOccurredAt("20/11/2026") as { error: string }).error, /ÅÅÅÅ-MM-DD/);
});

test("names and codes match case-insensitively; the week is computed in Stockholm time", () => {
  const r = validateRow(row(), 2, ref, NOW);
  assert.ok(r.ok);
  assert.equal(r.value.areaId, "area-1");
  assert.equal(r.value.reporterOrgId, "org-1");
  assert.equal(r.value.isoWeek, "2026-W47");
  assert.equal(r.value.externalId, null);
});

test("each problem is reported with its row, column and reason", () => {
  const r = validateRow(row({ area: "Atlantis", category: "", description: "Ring 070-123 45 67", latitude: "91", longitude: "17.9", occurred_at: "2027-01-01 10:00" }), 7, ref, NOW);
  assert.equal(r.ok, false);
  const issues = (r as { issues: { row: number; column: string; reason: string }[] }).issues;
  assert.deepEqual(issues.map((i) => i.column).sort(), ["area", "category", "description", "latitude", "occurred_at"]);
  assert.ok(issues.every((i) => i.row === 7));
  assert.match(issues.find((i) => i.column === "area")!.reason, /okänd kommundel ”Atlantis”/);
  assert.match(issues.find((i) => i.column === "description")!.reason, /telefonnummer/);
  assert.match(issues.find((i) => i.column === "occurred_at")!.reason, /framtiden/);
});

test("a year such as 0001 is refused as a typing error, in the import and in the form (issue 26)", async () => {
  for (const at of ["0001-01-01 10:00", "1026-11-24 21:30", "1989-12-31 23:59"]) {
    const r = validateRow(row({ occurred_at: at }), 2, ref, NOW);
    assert.equal(r.ok, false, at);
    assert.match((r as { issues: { reason: string }[] }).issues[0]!.reason, /före 1990/, at);
  }
  assert.ok(validateRow(row({ occurred_at: "1990-01-01 00:00" }), 2, ref, NOW).ok);
  const { resolveWhen } = await import("../when");
  assert.deepEqual(resolveWhen({ date: "0001-01-01", time: "10:00" }, NOW), { ok: false, field: "date", message: "Tidpunkten ligger före 1990 – kontrollera året." });
});

test("an ambiguous autumn time is accepted with a warning", () => {
  const r = validateRow(row({ occurred_at: "2022-10-30 02:30" }), 3, ref, NOW);
  assert.ok(r.ok);
  assert.equal(r.warnings[0]?.column, "occurred_at");
});
