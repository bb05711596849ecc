#!/usr/bin/env node
// Runs a command with the wall clock moved, for the app and its PostgreSQL alike: libfaketime
// (Debian's `faketime` package) is preloaded into every process the command starts, so a test
// that holds a date which will one day be past – or code that reads the real clock where it
// should take "now" from its caller – fails in CI the day it is written, not months later.
//   node scripts/shifted-clock.mjs <scenario> <command> [args…]
//   node scripts/shifted-clock.mjs --install     (installs libfaketime if it is missing, as root)
// Scenarios, each counted from the moment the run starts:
//   year      a year and a day ahead
//   new-year  a minute before the next New Year in Stockholm, so the run crosses it
//   dst       a minute before the next change to or from summer time in Stockholm
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const [scenario, cmd, ...args] = process.argv.slice(2);
const LIBS = ["x86_64-linux-gnu", "aarch64-linux-gnu", "arm-linux-gnueabihf"].map((a) => `/usr/lib/${a}/faketime/libfaketimeMT.so.1`).concat("/usr/lib/faketime/libfaketimeMT.so.1");

function findLibfaketime() {
  const found = () => LIBS.find((p) => existsSync(p));
  if (found()) return found();
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("shifted-clock: installerar Debians faketime (apt-get) …");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", "faketime"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  }
  return found();
}

// Stockholm's UTC offset in minutes at an instant, from the platform's time-zone data.
const offsetFmt = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", timeZoneName: "longOffset" });
function stockholmOffset(ms) {
  const name = offsetFmt.formatToParts(new Date(ms)).find((p) => p.type === "timeZoneName").value; // "GMT+01:00"
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

function target(now) {
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  if (scenario === "year") return now + 366 * 24 * HOUR;
  if (scenario === "new-year") {
    const year = Number(new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", year: "numeric" }).format(now)) + 1;
    // Midnight in Stockholm is 23:00 UTC the day before (winter time).
    return Date.UTC(year - 1, 11, 31, 23, 0) - MIN;
  }
  if (scenario === "dst") {
    let t = Math.ceil(now / HOUR) * HOUR;
    while (stockholmOffset(t) === stockholmOffset(t - HOUR)) t += HOUR;
    return t - MIN;
  }
  console.error(`shifted-clock: okänt scenario "${scenario}" (year, new-year, dst)`);
  process.exit(2);
}

// `--install`: only make sure libfaketime is there (npm test runs this once before the scenarios
// run side by side, so they do not all reach for apt-get at once).
if (scenario === "--install") process.exit(findLibfaketime() ? 0 : 1);
if (!cmd) {
  console.error("användning: node scripts/shifted-clock.mjs <year|new-year|dst> <kommando> [argument…]");
  process.exit(2);
}
const lib = findLibfaketime();
if (!lib) {
  console.error("shifted-clock: libfaketime saknas – installera Debians paket faketime (apt-get install faketime).");
  process.exit(1);
}
const now = Date.now();
const seconds = Math.round((target(now) - now) / 1000);
const stockholm = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "medium" }).format(now + seconds * 1000);
console.log(`shifted-clock: ${scenario} – klockan börjar ${stockholm} (Stockholm), ${seconds} s framåt`);
// A server given by TEST_DATABASE_URL keeps its own clock: the shifted run starts an embedded one.
const env = { ...process.env, LD_PRELOAD: [lib, process.env.LD_PRELOAD].filter(Boolean).join(" "), FAKETIME: `+${seconds}`, FAKETIME_DONT_FAKE_MONOTONIC: "1" };
delete env.TEST_DATABASE_URL;
const r = spawnSync(cmd, args, { stdio: "inherit", env });
process.exit(r.status ?? 1);
