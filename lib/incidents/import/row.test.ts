import { test } from "node:test";
import assert from "node:assert/strict";
import { parseOccurredAt, validateRow, type Reference } from "./row";
import { toSweref99tm } from "@/lib/geo/sweref";

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
  assert.match((parseOccurredAt("2026-11-20 21.30") as { error: string }).error, /ISO 8601 med tidszon/);
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

test("times as spreadsheets write them: with seconds, with T, with a one-digit hour – all Stockholm wall time", () => {
  const at = new Date("2026-03-05T08:27:00Z");
  assert.deepEqual(parseOccurredAt("2026-03-05 09:27:00"), { at, ambiguous: false });
  assert.deepEqual(parseOccurredAt("2026-03-05T09:27"), { at, ambiguous: false });
  assert.deepEqual(parseOccurredAt("2026-03-05 9:27"), { at, ambiguous: false });
  assert.deepEqual(parseOccurredAt("2026-03-05 09:27:30"), { at: new Date("2026-03-05T08:27:30Z"), ambiguous: false });
  // Summer time: the same wall clock is an hour earlier in UTC.
  assert.deepEqual(parseOccurredAt("2026-07-05T09:27:00"), { at: new Date("2026-07-05T07:27:00Z"), ambiguous: false });
  assert.match((parseOccurredAt("2026-03-05 09:27:61") as { error: string }).error, /ogiltigt datum eller klockslag/);
  assert.match((parseOccurredAt("2026-03-29T02:30:00") as { error: string }).error, /finns inte/);
});

test("decimal commas and SWEREF 99 TM coordinates are read; a value out of both ranges is refused", () => {
  const comma = validateRow(row({ latitude: "59,4415", longitude: "17,9275" }), 2, ref, NOW);
  assert.ok(comma.ok);
  assert.deepEqual([comma.value.latitude, comma.value.longitude], [59.4415, 17.9275]);
  // A point from the municipality's GIS (northing, easting in metres) lands where it was taken.
  const [n, e] = toSweref99tm(59.4415, 17.9275);
  const grid = validateRow(row({ latitude: String(n).replace(".", ","), longitude: String(e) }), 2, ref, NOW);
  assert.ok(grid.ok);
  assert.ok(Math.abs(grid.value.latitude! - 59.4415) < 1e-6 && Math.abs(grid.value.longitude! - 17.9275) < 1e-6);
  const bad = validateRow(row({ latitude: "6588000", longitude: "17.9" }), 2, ref, NOW);
  assert.equal(bad.ok, false);
  assert.match((bad as { issues: { reason: string }[] }).issues[0]!.reason, /SWEREF 99 TM/);
});

test("an unknown name lists the valid ones; id and status are checked", () => {
  const named: Reference = { ...ref, names: { areas: ["Edsberg", "Häggvik"], categories: ["Skadegörelse"], organisations: ["Polisen"] } };
  const r = validateRow(row({ area: "Hagvik", id: "42", status: "borttagen" }), 4, named, NOW);
  assert.equal(r.ok, false);
  const issues = (r as { issues: { column: string; reason: string }[] }).issues;
  assert.equal(issues.find((i) => i.column === "area")!.reason, "okänd kommundel ”Hagvik” – giltiga: Edsberg, Häggvik");
  assert.match(issues.find((i) => i.column === "id")!.reason, /ogiltigt id/);
  assert.match(issues.find((i) => i.column === "status")!.reason, /okänd status ”borttagen” – giltiga: aktiv, tillbakadragen/);
  const ok = validateRow(row({ id: "0190F3C2-7A4B-7000-8000-000000000001", status: "Tillbakadragen" }), 4, named, NOW);
  assert.ok(ok.ok);
  assert.deepEqual([ok.value.id, ok.value.status], ["0190f3c2-7a4b-7000-8000-000000000001", "WITHDRAWN"]);
});

test("the export's guard against formulas is taken away again, so a round trip keeps the text", async () => {
  const { csvCell } = await import("@/lib/text/csv");
  const { parse } = await import("csv-parse/sync");
  for (const text of ["-kl 22 krossad ruta", "=summa", "Torget;+1", "Vanlig text"]) {
    const cell = (parse(csvCell(text)) as string[][])[0]![0]!;
    const r = validateRow(row({ description: cell }), 2, ref, NOW);
    assert.ok(r.ok);
    assert.equal(r.value.description, text);
  }
});

test("without a kommundel, the pin gives it where outlines are loaded; a pin outside every outline is told", () => {
  const square = { type: "Polygon" as const, coordinates: [[[17.98, 59.44], [17.995, 59.44], [17.995, 59.45], [17.98, 59.45], [17.98, 59.44]]] };
  const outlined: Reference = { ...ref, outlines: [{ id: "area-1", name: "Edsberg", geometry: square }] };
  const inside = validateRow(row({ area: "", latitude: "59,445", longitude: "17,99" }), 5, outlined, NOW);
  assert.ok(inside.ok);
  assert.equal(inside.value.areaId, "area-1");
  assert.deepEqual(inside.warnings.map((w) => [w.column, w.reason]), [["area", "kommundel ”Edsberg” efter kartnålen"]]);
  const outside = validateRow(row({ area: "", latitude: "59.5", longitude: "17.9" }), 6, outlined, NOW);
  assert.equal(outside.ok, false);
  assert.match((outside as { issues: { reason: string }[] }).issues[0]!.reason, /inte inom någon kommundels avgränsning/);
  // A kommundel given is kept, whatever the pin says.
  const given = validateRow(row({ latitude: "59.5", longitude: "17.9" }), 7, outlined, NOW);
  assert.ok(given.ok && given.value.areaId === "area-1" && given.warnings.length === 0);
});
