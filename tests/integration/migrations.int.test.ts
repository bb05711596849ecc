import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

// The committed migrations must describe the schema exactly: creating a migration on the
// unchanged schema says "no changes", and the drift check passes.
test("creating a migration on an unchanged schema says no changes, and the drift check passes", () => {
  const before = readdirSync("prisma/migrations");
  const created = spawnSync("node", ["scripts/migration-new.mjs", "probe_no_changes"], { encoding: "utf8" });
  assert.equal(created.status, 0, created.stderr);
  assert.match(created.stdout, /No changes/);
  assert.deepEqual(readdirSync("prisma/migrations"), before);
  const drift = spawnSync("node", ["scripts/migration-new.mjs", "--check"], { encoding: "utf8" });
  assert.equal(drift.status, 0, drift.stderr + drift.stdout);
});
