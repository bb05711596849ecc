import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { after } from "node:test";
import { disconnectDb } from "@/lib/db";
import { committedMigrations, describeSchemaStatus, schemaStatus } from "@/lib/ops/schema-status";

after(() => disconnectDb());

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

test("est check names the schema version, and the migrations a database lacks or does not know", async () => {
  const committed = committedMigrations();
  const now = await schemaStatus(committed);
  assert.deepEqual(now, { version: committed.at(-1), applied: committed.length, pending: [], unknown: [], failed: [] });
  assert.equal(describeSchemaStatus(now).ok, true);

  // Code one release ahead: its new migration is pending.
  const ahead = await schemaStatus([...committed, "29991231235959_next_release"]);
  assert.deepEqual(ahead.pending, ["29991231235959_next_release"]);
  assert.match(describeSchemaStatus(ahead).lines.join("\n"), /Väntande migreringar \(1\): 29991231235959_next_release/);
  // Code one release behind: the database has a migration it does not know – do not run it there.
  const behind = await schemaStatus(committed.slice(0, -1));
  assert.deepEqual([behind.pending, behind.unknown], [[], [committed.at(-1)]]);
  assert.equal(describeSchemaStatus(behind).ok, false);

  // As operators run it.
  const cli = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/est.ts", "check"], { encoding: "utf8" });
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(cli.stdout, `Konfigurationen är giltig och databasen svarar.\nDatabasens schemaversion: ${committed.at(-1)} (${committed.length} migreringar).\nInga väntande migreringar.\n`);
});
