#!/usr/bin/env node
// `npm test`: typecheck, lint, unit, integration (real PostgreSQL), both again with the clock moved,
// production build, system and end-to-end (Playwright, Chromium; once against one instance, once
// against two behind a proxy).
// Prints each step's result and one closing tally.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

// An integration pass keeps about one core busy (the tests and their PostgreSQL take turns), so on
// a two-core machine two passes side by side take little longer than one: the plain pass and the
// three shifted-clock passes below share two slots.
const SLOTS = 2;

const STEPS = [
  // tsc and ESLint are single-threaded: side by side.
  { name: "checks", together: [[{ name: "typecheck", cmd: bin("tsc"), args: ["--noEmit"] }], [{ name: "lint", cmd: bin("eslint"), args: ["."] }]] },
  { name: "unit", cmd: "node", args: ["scripts/node-tests.mjs", "unit"], tests: true },
  // The integration tests, then the unit and integration tests again with the wall clock moved (app
  // and PostgreSQL alike, by libfaketime): a year and a day ahead, across the next New Year and
  // across the next change of summer time in Stockholm. A test holding a date that will one day be
  // past fails here the day it is written (issue 36). Each pass has its own PostgreSQL.
  {
    name: "integration and shifted clocks",
    // Installed once first: several apt-get runs at once would fight over dpkg's lock.
    prepare: { cmd: "node", args: ["scripts/shifted-clock.mjs", "--install"] },
    slots: SLOTS,
    together: [
      [{ name: "integration", cmd: "node", args: ["scripts/with-test-db.mjs", "node", "scripts/node-tests.mjs", "int"], tests: true }],
      ...["year", "new-year", "dst"].map((scenario, i) => [
        { name: `unit@${scenario}`, cmd: "node", args: ["scripts/shifted-clock.mjs", scenario, "node", "scripts/node-tests.mjs", "unit"], tests: true },
        {
          name: `int@${scenario}`,
          cmd: "node",
          args: ["scripts/shifted-clock.mjs", scenario, "node", "scripts/with-test-db.mjs", "node", "scripts/node-tests.mjs", "int", "--clock-shifted"],
          tests: true,
          env: { EST_TEST_PG_PORT: String(54371 + i) },
        },
      ]),
    ],
  },
  { name: "build", cmd: bin("next"), args: ["build"] },
  // The load test's reporters run for 30 s here (10 s, the outage, 15 s): the same checks as its
  // default minute, which is for a run by hand that wants the figure.
  { name: "system", cmd: "node", args: ["scripts/node-tests.mjs", "system"], tests: true, needs: "build", env: { LOAD_SECONDS: "30" } },
  { name: "e2e", cmd: "node", args: ["scripts/e2e.mjs"], tests: true, needs: "build", env: { E2E_SKIP_BUILD: "1" } },
  // The journeys again against two instances of the build behind a round-robin proxy: nothing may
  // depend on which instance answers. Those that exercise what could: sessions and sign-out,
  // rate limits, server actions and the forms that post them, uploads with progress, the offline
  // queue, invitations and e-mail. The page sweeps and read-only journeys render the same on
  // either instance and run once, above.
  {
    name: "e2e×2",
    cmd: "node",
    args: ["scripts/e2e.mjs", ...["auth", "security", "incidents", "lagesbild", "offline", "tips", "import", "insats", "meetings"].map((f) => `e2e/${f}.spec.ts`), "--grep-invert", "pass axe"],
    tests: true,
    needs: "build",
    env: { E2E_SKIP_BUILD: "1", E2E_INSTANCES: "2" },
  },
];

/** Runs a step; its output streams through, or – for steps run side by side – is printed whole
 * when it ends, so the passes' lines do not interleave. */
function runStep(step, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    let output = "";
    const child = spawn(step.cmd, step.args, { cwd: root, env: { ...env, ...step.env }, stdio: ["ignore", "pipe", "pipe"] });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk) => {
        output += chunk;
        if (!quiet) (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on("close", (code) => resolve({ code: code ?? 1, output, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"); // colour codes

/** The names of the failed tests, so the summary says what failed even when the log is cut:
 * node:test lists them under "✖ failing tests:", Playwright numbers them "  1) [chromium] › …". */
function failedNames(output) {
  const clean = output.replace(ANSI, "");
  const node = clean.split("✖ failing tests:")[1]?.split("\n").filter((l) => /^✖ /.test(l)).map((l) => l.replace(/ \([\d.]+m?s\)$/, "")) ?? [];
  const playwright = [...clean.matchAll(/^\s+\d+\) (\[\w+\] › .+?)[\s─]*$/gm)].map((m) => m[1]);
  // The closing tally lists failed and flaky tests under "N failed" / "N flaky".
  const listed = [...clean.matchAll(/^\s+\d+ (?:failed|flaky)\n((?:\s{4}\[.+\n?)+)/gm)].flatMap((m) => m[1].split("\n").map((l) => l.trim()).filter(Boolean));
  return [...new Set([...node, ...playwright, ...listed].map((n) => n.replace(/ \(retry #\d+\)$/, "")))];
}

// node:test's spec reporter ends with "ℹ pass N" / "ℹ fail N"; Playwright with "N passed" / "N failed".
function countTests(output) {
  const clean = output.replace(ANSI, "");
  const last = (re) => [...clean.matchAll(re)].map((m) => Number(m[1])).pop() ?? 0;
  const nodePass = last(/^ℹ pass (\d+)$/gm);
  const nodeFail = last(/^ℹ fail (\d+)$/gm);
  const pwPass = last(/^\s+(\d+) passed/gm);
  const pwFail = last(/^\s+(\d+) failed/gm);
  return { passed: nodePass + pwPass, failed: nodeFail + pwFail };
}

function result(step, r) {
  const counts = step.tests ? countTests(r.output) : { passed: r.code === 0 ? 1 : 0, failed: r.code === 0 ? 0 : 1 };
  // A runner that failed without reporting a failed test still counts as a failure.
  if (r.code !== 0 && counts.failed === 0) counts.failed = 1;
  // Failed tests' names; for Playwright also those that passed only on their retry ("flaky").
  return { name: step.name, code: r.code, seconds: r.seconds, ...counts, failures: failedNames(r.output) };
}

const results = [];
for (const step of STEPS) {
  const dependency = step.needs && results.find((r) => r.name === step.needs);
  if (dependency && dependency.code !== 0) {
    results.push({ name: step.name, code: 1, skipped: true, passed: 0, failed: 1, seconds: 0, failures: [] });
    continue;
  }
  console.log(`\n━━ ${step.name} ━━`);
  if (step.together) {
    if (step.prepare) await runStep(step.prepare);
    // Each sequence's steps run in order; up to `slots` sequences at a time, in the order listed.
    const queue = step.together.map((sequence, i) => ({ sequence, i }));
    const done = [];
    const slot = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const out = [];
        for (const s of next.sequence) {
          const r = await runStep(s, { quiet: true });
          console.log(`\n━━ ${s.name} (${r.seconds}s) ━━\n${r.output}`);
          out.push(result(s, r));
        }
        done[next.i] = out;
      }
    };
    await Promise.all(Array.from({ length: step.slots ?? step.together.length }, slot));
    results.push(...done.flat());
    continue;
  }
  results.push(result(step, await runStep(step)));
}

console.log("\n━━ summary ━━");
for (const r of results) {
  const step = STEPS.flatMap((s) => s.together?.flat() ?? [s]).find((s) => s.name === r.name);
  const what = r.skipped ? "skipped (build failed)" : `${r.code === 0 ? "ok" : "FAILED"}${step?.tests ? ` – ${r.passed} passed, ${r.failed} failed` : ""}`;
  console.log(`  ${r.name.padEnd(14)} ${what}  (${r.seconds}s)`);
  for (const name of r.failures) console.log(`      ${name}`);
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
