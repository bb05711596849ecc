import { test } from "node:test";
import assert from "node:assert/strict";
import { fromStockholmWall, resolveStockholmWall } from "./zone";

test("a wall-clock time in Stockholm becomes the right instant in winter and summer", () => {
  assert.equal(fromStockholmWall(2026, 1, 15, 21, 30).toISOString(), "2026-01-15T20:30:00.000Z");
  assert.equal(fromStockholmWall(2026, 7, 15, 21, 30).toISOString(), "2026-07-15T19:30:00.000Z");
});

test("a time in the spring DST gap does not exist", () => {
  assert.deepEqual(resolveStockholmWall({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }), { kind: "nonexistent" });
  const before = resolveStockholmWall({ year: 2026, month: 3, day: 29, hour: 1, minute: 59 });
  assert.equal(before.kind, "ok");
});

test("a time in the autumn repeat is ambiguous and resolves to its first occurrence", () => {
  const r = resolveStockholmWall({ year: 2022, month: 10, day: 30, hour: 2, minute: 30 });
  assert.equal(r.kind, "ambiguous");
  assert.ok(r.kind === "ambiguous");
  assert.equal(r.instant.toISOString(), "2022-10-30T00:30:00.000Z"); // 02:30 CEST (+02:00)
  assert.equal(r.alternatives[0]?.toISOString(), "2022-10-30T01:30:00.000Z"); // 02:30 CET
});

test("ordinary times resolve to one instant", () => {
  const r = resolveStockholmWall({ year: 2026, month: 5, day: 1, hour: 0, minute: 30 });
  assert.deepEqual(r, { kind: "ok", instant: new Date("2026-04-30T22:30:00.000Z") });
});
