// The first start of the embedded database where a municipality's IT technician often makes it:
// as root, from a folder only root can reach (issue 35). PostgreSQL runs as the "postgres" user
// then, who must reach its programs and its data. CI runs as root; as another user the database
// runs as that user, and nothing needs to move.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { EmbeddedDbError, embeddedDataPlace, startEmbeddedDb } from "../../scripts/embedded-db.mjs";

const ROOT = process.cwd();
const asRoot = process.getuid?.() === 0;
const scratch = mkdtempSync(path.join(os.tmpdir(), "est-first-start-"));
chmodSync(scratch, 0o755);
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder like root's home: only its owner may pass through. */
function privateFolder(name: string) {
  const dir = path.join(scratch, name);
  mkdirSync(dir);
  chmodSync(dir, 0o700);
  return dir;
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

test("data asked for in a folder postgres cannot reach is placed where it can, said once, and found again on the next start", async () => {
  const dataDir = path.join(privateFolder("home"), "est", ".data");
  const home = path.join(scratch, "var-lib-est");
  const lines: string[] = [];
  const first = await startEmbeddedDb({ root: ROOT, dataDir, port: 54451, asRoot, home, log: (l) => lines.push(l) });
  try {
    await query(first.url, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)");
  } finally {
    await first.server.stop();
  }
  if (asRoot) {
    assert.ok(first.pgDir.startsWith(home + path.sep), `the data moved under ${home}: ${first.pgDir}`);
    assert.match(lines[0]!, new RegExp(`postgres når inte ${scratch}/home \\(behörighet 700\\); den inbyggda databasen ligger i stället i ${first.pgDir}\\. Ange EST_DATA_DIR`));
  } else {
    assert.equal(first.pgDir, path.join(dataDir, "pg"), "as its own user the database stays where it was asked for");
  }

  lines.length = 0;
  const again = await startEmbeddedDb({ root: ROOT, dataDir, port: 54451, asRoot, home, log: (l) => lines.push(l) });
  try {
    assert.equal(again.pgDir, first.pgDir, "the same place every time");
    assert.ok(!lines.some((l) => l.includes("skapar inbyggd PostgreSQL")), "not created again");
    assert.deepEqual(await query(again.url, "SELECT n FROM kept"), [{ n: 7 }]);
  } finally {
    await again.server.stop();
  }
});

test("started as root, programs postgres cannot reach stop the start with one line naming the fixes", () => {
  const root = path.join(privateFolder("root-home"), "est");
  assert.throws(
    () => embeddedDataPlace({ root, dataDir: path.join(root, ".data"), asRoot: true }),
    (error: Error) => {
      assert.ok(error instanceof EmbeddedDbError);
      assert.match(error.message, new RegExp(`postgres når inte sina program: ${scratch}/root-home har behörighet 700\\.`));
      assert.match(error.message, /vanlig användare.*EST_DATA_DIR.*DATABASE_URL/);
      return true;
    },
  );
});

test("npm start with a data folder that cannot be made: one clear line and a non-zero exit, no stack trace", () => {
  const blocker = path.join(scratch, "a-file");
  writeFileSync(blocker, "");
  const r = spawnSync("node", ["scripts/run.mjs", "start"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", EST_DATA_DIR: path.join(blocker, "data"), EST_PG_PORT: "54452", PORT: "3399" },
    encoding: "utf8",
    timeout: 60_000,
  });
  assert.equal(r.status, 1);
  const said = (r.stdout + r.stderr).trim().split("\n").filter((l) => l.startsWith("est:"));
  assert.equal(said.length, 1, r.stdout + r.stderr);
  assert.match(said[0]!, /^est: den inbyggda PostgreSQL i .+ kunde inte starta: .*ENOTDIR.* Kör EST som en vanlig användare/);
  assert.doesNotMatch(r.stderr, /^\s+at /m, "no stack trace");
});
