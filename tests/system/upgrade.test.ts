// An upgrade that loses nothing (issue 35): the previous release (the newest row of
// docs/releases.md, a commit of this repository and its tag) is taken out of git, makes a fresh
// database with the demo data and its frozen documents – a published lägesbild, an approved
// tertial analysis and law document, approved minutes and a published Insats meeting picture –
// with its own code (scripts/release-fixture.ts of that release). The current code then migrates
// that database; every table keeps its rows, every document reads back as the release read it,
// and the current build renders each one. Needs `next build`.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { embeddedPostgres } from "../helpers/embedded-pg";
import { waitFor } from "../helpers/wait";

const ROOT = process.cwd();
const APP_PORT = 3320;
const ORIGIN = `http://127.0.0.1:${APP_PORT}`;
const PASSWORD = "upgrade-test-losenord";
const db = embeddedPostgres("upgrade", 54365);
const dir = mkdtempSync(path.join(os.tmpdir(), "est-upgrade-"));
const previous = path.join(dir, "release");
const env = { ...process.env, DATABASE_URL: db.url, NEXTAUTH_SECRET: "upgrade-test-".padEnd(40, "x"), EST_DEMO_PASSWORD: PASSWORD, TZ: "UTC", LOG_LEVEL: "warn", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
let app: ChildProcess | undefined;
let release: { version: string; commit: string };
let keys: { pages: { path: string; text: string }[] };
let countsBefore: Record<string, number>;

/** The newest release in docs/releases.md: "| version | date | commit | … |". */
function newestRelease() {
  const row = readFileSync("docs/releases.md", "utf8").split("\n").find((l) => /^\|\s*\d{4}\.\d+\.\d+\s*\|/.test(l));
  assert.ok(row, "docs/releases.md lists no release");
  const [version, , commit] = row.split("|").slice(1).map((c) => c.trim().replace(/`/g, ""));
  return { version: version!, commit: commit! };
}

function run(cwd: string, cmd: string, args: string[]) {
  const done = spawnSync(cmd, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  assert.equal(done.status, 0, `${cmd} ${args.join(" ")} in ${cwd}:\n${done.stdout}\n${done.stderr}`);
  return done.stdout;
}

const tsx = (cwd: string, ...args: string[]) => run(cwd, path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", ...args]);
const prisma = (cwd: string, ...args: string[]) => run(cwd, path.join(ROOT, "node_modules/.bin/prisma"), args);

async function rowCounts(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const tables = (await client.query<{ t: string }>(`SELECT tablename::text AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`)).rows;
    const counts: Record<string, number> = {};
    for (const { t } of tables) counts[t] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`)).rows[0]!.n);
    return counts;
  } finally {
    await client.end();
  }
}

function sameDependencies(releaseLock: string, ourLock: string): boolean {
  type Lock = { packages: Record<string, { version?: string }> };
  const [theirs, ours] = [releaseLock, ourLock].map((f) => (JSON.parse(readFileSync(f, "utf8")) as Lock).packages);
  return Object.entries(theirs!).every(([name, p]) => name === "" || ours![name]?.version === p.version);
}

/** Every value the release read is in the current read, unchanged; new fields may be added beside. */
function assertKept(old: unknown, now: unknown, at: string) {
  if (old !== null && typeof old === "object") {
    assert.ok(now !== null && typeof now === "object", `${at}: was ${JSON.stringify(old).slice(0, 80)}, is ${JSON.stringify(now)}`);
    if (Array.isArray(old)) assert.equal((now as unknown[]).length, old.length, `${at}: length`);
    for (const [k, v] of Object.entries(old)) assertKept(v, (now as Record<string, unknown>)[k], `${at}.${k}`);
  } else {
    assert.deepEqual(now, old, at);
  }
}

before(async () => {
  release = newestRelease();
  const known = spawnSync("git", ["cat-file", "-e", `${release.commit}^{commit}`], { encoding: "utf8" });
  assert.equal(known.status, 0, `release ${release.version} (${release.commit}) is not in this clone's history: fetch it (git fetch --tags) to run the upgrade test`);
  // The release's own files, as its tag has them.
  const archive = spawnSync("sh", ["-c", `mkdir -p "${previous}" && git archive ${release.commit} | tar -x -C "${previous}"`], { encoding: "utf8" });
  assert.equal(archive.status, 0, archive.stderr);
  // Its dependencies: ours when every package its lock file names is installed here at the same
  // version (a release since then may have added packages, not changed these), else its own install.
  if (sameDependencies(path.join(previous, "package-lock.json"), "package-lock.json")) {
    symlinkSync(path.join(ROOT, "node_modules"), path.join(previous, "node_modules"));
  } else {
    run(previous, "npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"]);
  }
  prisma(previous, "generate");
  await db.create();
  prisma(previous, "migrate", "deploy");
  tsx(previous, "scripts/release-fixture.ts", "make", path.join(dir, "keys.json"));
  tsx(previous, "scripts/release-fixture.ts", "read", path.join(dir, "keys.json"), path.join(dir, "before.json"));
  keys = JSON.parse(readFileSync(path.join(dir, "keys.json"), "utf8")) as typeof keys;
  countsBefore = await rowCounts();
  // The upgrade, as docs/operations.md describes it: the current migrations on that database.
  prisma(ROOT, "migrate", "deploy");
});

after(async () => {
  app?.kill("SIGTERM");
  if (app && app.exitCode === null) await new Promise((r) => app!.once("exit", r));
  await db.remove();
  rmSync(dir, { recursive: true, force: true });
});

test("the migrations keep every row: each table has as many as the release left", async () => {
  assert.ok(countsBefore.lagesbild! >= 2 && countsBefore.meeting! > 50 && countsBefore.incident! > 1000, `the release made a real database: ${JSON.stringify(countsBefore)}`);
  const after = await rowCounts();
  for (const [table, n] of Object.entries(countsBefore)) assert.equal(after[table], n, `rows in ${table}`);
});

test("est check reports the schema up to date after the upgrade", () => {
  const out = tsx(ROOT, "scripts/est.ts", "check");
  assert.match(out, /Inga väntande migreringar\./);
});

test("every frozen document reads back as the release read it", () => {
  tsx(ROOT, "scripts/release-fixture.ts", "read", path.join(dir, "keys.json"), path.join(dir, "after.json"));
  const before = JSON.parse(readFileSync(path.join(dir, "before.json"), "utf8")) as Record<string, unknown>;
  const now = JSON.parse(readFileSync(path.join(dir, "after.json"), "utf8")) as Record<string, unknown>;
  assert.deepEqual(Object.keys(before).sort(), ["insats", "lagesbild", "law", "minutes", "tertial"]);
  for (const [doc, value] of Object.entries(before)) assertKept(value, now[doc], doc);
});

test("the current build renders each frozen document with what was written in it", async () => {
  assert.ok(existsSync(".next/BUILD_ID"), "needs next build");
  app = spawn("node", ["scripts/run.mjs", "start"], { env: { ...env, PORT: String(APP_PORT), NEXTAUTH_URL: ORIGIN }, stdio: ["ignore", "ignore", "inherit"] });
  await waitFor(async () => (await fetch(`${ORIGIN}/api/health`)).ok, 120_000);
  // Signed in as the coordinator, with the password the release's seed was given.
  const csrf = await fetch(`${ORIGIN}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = (r: Response) => r.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const signedIn = await fetch(`${ORIGIN}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email: "samordnare@sollentuna.example", password: PASSWORD, json: "true" }),
  });
  const cookie = [...jar(csrf), ...jar(signedIn)].join("; ");
  assert.match(cookie, /next-auth\.session-token=/, `signed in (${signedIn.status})`);
  assert.equal(keys.pages.length, 5);
  for (const page of keys.pages) {
    const res = await fetch(`${ORIGIN}${page.path}`, { headers: { cookie } });
    const html = await res.text();
    assert.equal(res.status, 200, `${page.path} answered ${res.status}`);
    assert.ok(html.includes(page.text), `${page.path} shows "${page.text}"`);
  }
});
