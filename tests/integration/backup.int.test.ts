// Backup and restore round trip against a real PostgreSQL server: the machine's own (127.0.0.1:5432),
// whose client tools match it. (The embedded PostgreSQL used elsewhere ships no pg_dump.)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const SERVER = process.env.EST_BACKUP_TEST_SERVER ?? "postgresql://postgres@127.0.0.1:5432";
// Named per process, so runs side by side (the shifted-clock passes) never share a database.
const NAMES = [`est_backup_source_${process.pid}`, `est_backup_target_${process.pid}`] as const;
const [SOURCE, TARGET] = NAMES.map((name) => `${SERVER}/${name}`) as [string, string];
const dir = mkdtempSync(path.join(os.tmpdir(), "est-backup-"));
const file = path.join(dir, "est.dump");

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}
const est = (args: string[], url: string) => spawnSync("node", ["--import", "tsx", "--conditions=react-server", "scripts/est.ts", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" } });

// What a restore must bring back exactly: every incident, and the append-only audit log.
const fingerprint = (url: string) =>
  query<{ incidents: string; audit: string }>(url, `SELECT (SELECT md5(string_agg(id::text || place || "occurredAt"::text, ',' ORDER BY id)) FROM incident) AS incidents,
                                                         (SELECT md5(string_agg(id::text || action, ',' ORDER BY id)) FROM audit_event) AS audit`);

before(async () => {
  for (const db of NAMES) {
    await admin(`DROP DATABASE IF EXISTS ${db}`);
    await admin(`CREATE DATABASE ${db}`);
  }
  for (const url of [SOURCE, TARGET]) {
    const r = spawnSync("node_modules/.bin/prisma", ["migrate", "deploy"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
    assert.equal(r.status, 0, r.stderr || r.stdout);
  }
  await query(SOURCE, `INSERT INTO municipality (slug, name) VALUES ('testkommun', 'Testkommun')`);
  await query(SOURCE, `INSERT INTO area ("municipalityId", code, name) SELECT id, 'centrum', 'Centrum' FROM municipality`);
  await query(SOURCE, `INSERT INTO organisation ("municipalityId", code, name, kind) SELECT id, 'polis', 'Polisen', 'POLIS' FROM municipality`);
  await query(SOURCE, `INSERT INTO incident_category ("municipalityId", code, label) SELECT id, 'ovrigt', 'Övrigt' FROM municipality`);
  await query(SOURCE, `INSERT INTO incident ("municipalityId", "areaId", "categoryId", "reporterOrgId", place, "occurredAt", "isoWeek", "updatedAt")
                       SELECT m.id, a.id, c.id, o.id, 'Torget ' || g, now() - (g || ' hours')::interval, '2026-W48', now()
                       FROM municipality m, area a, incident_category c, organisation o, generate_series(1, 250) g`);
  await query(SOURCE, `INSERT INTO audit_event (action, "entityType") SELECT 'incident:view', 'incident' FROM generate_series(1, 20)`);
  // The target already holds something else: a restore replaces it.
  await query(TARGET, `INSERT INTO municipality (slug, name) VALUES ('annan', 'Annan kommun')`);
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const db of NAMES) await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
});

test("est backup and est restore round-trip every row; a restore needs --yes and replaces what was there", async () => {
  const backup = est(["backup", "--file", file], SOURCE);
  assert.equal(backup.status, 0, backup.stderr);
  assert.match(backup.stdout, /Säkerhetskopian är skriven/);
  assert.equal(statSync(file).mode & 0o777, 0o600, "the backup is readable by its owner only (issue 26)");

  const unconfirmed = est(["restore", "--file", file], TARGET);
  assert.equal(unconfirmed.status, 2);
  assert.match(unconfirmed.stderr, /--yes/);
  assert.deepEqual(await query(TARGET, `SELECT slug FROM municipality`), [{ slug: "annan" }], "nothing changed without --yes");

  const restore = est(["restore", "--file", file, "--yes"], TARGET);
  assert.equal(restore.status, 0, restore.stderr);
  assert.deepEqual(await query(TARGET, `SELECT slug FROM municipality ORDER BY slug`), [{ slug: "testkommun" }]);
  assert.deepEqual(await fingerprint(TARGET), await fingerprint(SOURCE));
  const [row] = await query<{ n: number }>(TARGET, `SELECT count(*)::int AS n FROM incident`);
  assert.equal(row!.n, 250);
  // The restored database still guards the audit log.
  await assert.rejects(query(TARGET, `DELETE FROM audit_event`), /append-only/);

  const missing = est(["backup", "--file", path.join(dir, "x.dump")], `${SERVER}/no_such_database`);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /pg_dump misslyckades/);
});
