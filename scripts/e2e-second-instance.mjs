#!/usr/bin/env node
// The e2e suite's second app instance: waits until the first has created, migrated and seeded its
// embedded PostgreSQL, then starts the same build against that database with the same secret.
// Sessions, rate limits and jobs are shared through PostgreSQL; nothing lives in one instance.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const first = Number(process.env.E2E_FIRST_PORT || 3101);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const until = Date.now() + 180_000;
while (Date.now() < until) {
  const ok = await fetch(`http://127.0.0.1:${first}/api/health`).then((r) => r.ok, () => false);
  if (ok) break;
  await new Promise((r) => setTimeout(r, 500));
}
const secret = readFileSync(path.join(root, ".data", "e2e", "nextauth-secret"), "utf8").trim();
const child = spawn("node", ["scripts/run.mjs", "start"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXTAUTH_SECRET: secret, EST_DATA_DIR: path.join(root, ".data", "e2e-b") } });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));
