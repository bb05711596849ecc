#!/usr/bin/env node
// Writes a new migration non-interactively (prisma migrate dev refuses a non-TTY), or with
// --check fails when the schema has changes that no committed migration holds (drift check).
// The diff replays the committed migrations on a throwaway shadow database.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const check = args.includes("--check");
const name = args.find((a) => !a.startsWith("--"));
const dir = path.join("prisma", "migrations");

if (!check && !/^[a-z0-9_]+$/.test(name ?? "")) {
  console.error("Användning: npm run db:migration:new -- <namn_i_snake_case>");
  process.exit(2);
}

// The diff needs the lock file to know the connector, even before the first migration.
if (!existsSync(path.join(dir, "migration_lock.toml"))) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
}

const diff = spawnSync(
  path.join("node_modules", ".bin", "prisma"),
  [
    "migrate", "diff",
    "--from-migrations", dir,
    "--to-schema-datamodel", path.join("prisma", "schema"),
    "--script",
    ...(check ? ["--exit-code"] : []),
  ],
  { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
);

if (check) {
  // --exit-code: 0 = no difference, 2 = difference, 1 = error.
  if (diff.status === 0) {
    console.log("Migrations och schema stämmer överens (ingen drift).");
    process.exit(0);
  }
  console.error(diff.status === 2 ? "Drift: schemat har ändringar som saknar migration:\n" + diff.stdout : diff.stderr);
  process.exit(1);
}

if (diff.status !== 0) {
  console.error(diff.stderr);
  process.exit(1);
}
const sql = diff.stdout.trim();
if (sql === "" || sql === "-- This is an empty migration.") {
  console.log("No changes: the schema matches the committed migrations.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
mkdirSync(target, { recursive: true });
writeFileSync(path.join(target, "migration.sql"), sql + "\n");
console.log(`Wrote ${path.join(target, "migration.sql")}`);
