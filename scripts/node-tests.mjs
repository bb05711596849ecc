#!/usr/bin/env node
// Runs node:test files through tsx. Node 20's test runner takes no globs, so find the files here.
//   unit: lib/**/*.test.ts (not *.int.test.ts), run in parallel, TZ=UTC
//   int:  tests/integration/**/*.int.test.ts, one file at a time against a real database
//   system: tests/system/*.test.ts, the production build started as operators start it
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const kind = process.argv[2];
// --clock-shifted: the pass runs with the wall clock moved (scripts/shifted-clock.mjs), to find dates
// that will one day be past. Files whose tests read no clock – a backup's round trip of every row, a
// migration's drift check – are the slowest and would prove nothing more there.
const CLOCK_FREE = ["tests/integration/backup.int.test.ts", "tests/integration/migrations.int.test.ts"];
const clockShifted = process.argv.includes("--clock-shifted");
const extra = process.argv.slice(3).filter((a) => a !== "--clock-shifted");
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function find(dir, suffix, exclude) {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix) && !(exclude && e.name.endsWith(exclude)))
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

const files =
  kind === "int" ? find("tests/integration", ".int.test.ts") : kind === "system" ? find("tests/system", ".test.ts") : [...find("lib", ".test.ts", ".int.test.ts"), ...find("tests/unit", ".test.ts")];
if (clockShifted) files.splice(0, files.length, ...files.filter((f) => !CLOCK_FREE.includes(f)));
if (files.length === 0) {
  console.error(`node-tests: no ${kind} test files found`);
  process.exit(1);
}
const args = ["--conditions=react-server", "--test", "--test-reporter=spec", ...(kind !== "unit" ? ["--test-concurrency=1"] : []), ...extra, ...files];
const result = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), args, {
  stdio: "inherit",
  cwd: root,
  env: { ...process.env, TZ: "UTC" },
});
process.exit(result.status ?? 1);
