// A load test on loopback against the production build: 100 concurrent reporters send incidents
// through the API for a minute (LOAD_SECONDS) while PostgreSQL is stopped and started again in
// the middle. Every incident the app acknowledged must be stored exactly once; reporters retry
// what failed with the same external_id, as a real client does. Prints the error rate during the
// outage (a figure, not a pass mark). The app runs as a database role that owns nothing, set up as
// SECURITY.md tells an operator to (MIGRATION_DATABASE_URL for the owner): every request of the run
// works with only the rows granted. Needs `next build` first (npm test runs it before this step).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { embeddedPostgres } from "../helpers/embedded-pg";
import { waitFor } from "../helpers/wait";

const APP_PORT = 3310;
const PG_PORT = 54360;
const REPORTERS = 100;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const server = embeddedPostgres("load", PG_PORT, ["max_connections=200"]);
const DATABASE_URL = server.url;
const APP_ROLE = { name: "est_app", password: "lasttest-app" };
const APP_DATABASE_URL = Object.assign(new URL(DATABASE_URL), { username: APP_ROLE.name, password: APP_ROLE.password }).toString();
const token = `est_${randomBytes(32).toString("base64url")}`;
let app: ChildProcess;
let appErrors = "";

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: DATABASE_URL });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

before(async () => {
  await server.create();
  await sql(`CREATE ROLE ${APP_ROLE.name} LOGIN PASSWORD '${APP_ROLE.password}'`);
  app = spawn("node", ["scripts/run.mjs", "start"], {
    env: { ...process.env, DATABASE_URL: APP_DATABASE_URL, MIGRATION_DATABASE_URL: DATABASE_URL, PORT: String(APP_PORT), EST_DEMO_PASSWORD: "load-test-losenord", LOG_LEVEL: "error" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // The outage makes the app log many errors: keep the tail for a failure report, not the console.
  app.stderr!.on("data", (d) => (appErrors = (appErrors + d).slice(-4_000)));
  await waitFor(async () => (await fetch(`http://127.0.0.1:${APP_PORT}/api/health`)).ok, 180_000);
  const [connected] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1`, [APP_ROLE.name]);
  assert.ok(connected!.n > 0, "the app is connected as its own role");
  await sql(
    `INSERT INTO api_token ("municipalityId", "organisationId", name, "tokenHash", prefix)
     SELECT m.id, o.id, 'Lasttest', $1, $2 FROM municipality m JOIN organisation o ON o."municipalityId" = m.id AND o.code = 'trygghetsvardar' WHERE m.slug = 'sollentuna'`,
    [createHash("sha256").update(token).digest("hex"), token.slice(0, 10)],
  );
});

after(async () => {
  const exited = app ? new Promise((r) => app.once("exit", r)) : Promise.resolve();
  app?.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  await server.remove();
});

test(`${REPORTERS} reporters for ${SECONDS} s with PostgreSQL restarted in the middle: every acknowledged incident is stored exactly once`, async () => {
  const acknowledged = new Set<string>();
  const outage = { from: 0, to: 0 };
  let requests = 0;
  let errors = 0;
  let outageRequests = 0;
  let outageErrors = 0;
  let acknowledgedAfterRestart = 0;
  const started = Date.now();
  const end = started + SECONDS * 1000;

  async function reporter(r: number) {
    let n = 0;
    while (Date.now() < end) {
      const externalId = `load-${r}-${n}`;
      const during = () => outage.from > 0 && (outage.to === 0 || Date.now() < outage.to + 2_000);
      const inOutage = during();
      requests++;
      if (inOutage) outageRequests++;
      try {
        const res = await fetch(`http://127.0.0.1:${APP_PORT}/api/v1/incidents`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ occurred_at: "2026-11-20 21:30", area: "Edsberg", place: "Edsbergs torg", category: "skadegorelse", external_id: externalId }),
          signal: AbortSignal.timeout(10_000),
        });
        if (res.status === 200 || res.status === 201) {
          acknowledged.add(externalId);
          if (outage.to > 0 && Date.now() > outage.to) acknowledgedAfterRestart++;
          n++;
          continue;
        }
        await res.body?.cancel();
      } catch {
        // The connection broke: retry the same report.
      }
      errors++;
      if (inOutage) outageErrors++;
      await new Promise((res) => setTimeout(res, 200));
    }
  }

  const stopper = (async () => {
    await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 3));
    outage.from = Date.now();
    await server.stop();
    await new Promise((r) => setTimeout(r, 5_000));
    await server.start();
    outage.to = Date.now();
  })();
  await Promise.all([stopper, ...Array.from({ length: REPORTERS }, (_, r) => reporter(r))]);

  const rows = await sql<{ externalId: string; n: number }>(`SELECT "externalId", count(*)::int AS n FROM incident WHERE "externalId" LIKE 'load-%' GROUP BY "externalId"`);
  const stored = new Map(rows.map((r) => [r.externalId, r.n]));
  const missing = [...acknowledged].filter((id) => !stored.has(id));
  const duplicated = rows.filter((r) => r.n > 1);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `load: ${requests} requests in ${seconds.toFixed(0)} s (${(requests / seconds).toFixed(0)}/s), ${acknowledged.size} acknowledged, ${errors} errors; ` +
      `during the ${((outage.to - outage.from) / 1000).toFixed(1)} s outage ${outageErrors} of ${outageRequests} requests failed (${outageRequests ? ((100 * outageErrors) / outageRequests).toFixed(0) : 0} %)`,
  );
  assert.deepEqual(missing, [], `every acknowledged incident is stored\n${appErrors}`);
  assert.deepEqual(duplicated, [], "and none twice");
  assert.ok(outageErrors > 0, "the outage was felt (the test really stopped the database)");
  assert.ok(acknowledgedAfterRestart > 0, "and the app recovered without a restart");
});
