// The background worker as operators run it (`npm run worker`), against a real PostgreSQL and a
// loopback SMTP server: mail committed by the app goes out at once (woken by NOTIFY), however
// much is queued and however quickly one commit follows another, without waiting for the
// once-a-minute safety sweep.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import pg from "pg";
import { embeddedPostgres } from "../helpers/embedded-pg";
import { startSmtpServer } from "../helpers/smtp";

const PG_PORT = 54361;
const SMTP_PORT = 2627;
// Well inside the safety sweep's minute: a message only the sweep would send fails the test.
const AT_ONCE_MS = 20_000;
const server = embeddedPostgres("worker", PG_PORT, ["fsync=off"]);
const DATABASE_URL = server.url;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let worker: ChildProcess;

async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string | (() => string)) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out: ${typeof what === "function" ? what() : what}`);
}

/** Queues mail as the app does: outbox rows and a NOTIFY in one transaction. */
async function queue(subjects: string[]) {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const subject of subjects) {
      await client.query(`INSERT INTO email_outbox ("dedupeKey", "toAddress", subject, body) VALUES ($1, 'mottagare@example.se', $1, 'Text')`, [subject]);
    }
    await client.query("SELECT pg_notify('est_outbox', '')");
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

const received = (prefix: string) => smtp.messages.filter((m) => m.subject.startsWith(prefix)).length;

before(async () => {
  await server.create();
  const migrate = spawnSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL }, stdio: ["ignore", "ignore", "inherit"] });
  assert.equal(migrate.status, 0, "migrations applied");
  smtp = await startSmtpServer(SMTP_PORT);
  let output = "";
  worker = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL, SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, LOG_LEVEL: "info", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  worker.stdout!.on("data", (d) => (output += d));
  worker.stderr!.on("data", (d) => (output += d));
  await waitFor(() => output.includes("worker started"), 60_000, `worker start (${output})`);
});

after(async () => {
  worker?.kill("SIGTERM");
  await smtp?.close();
  await server.remove();
});

test("a large batch queued in one commit (a digest to a whole group) goes out at once, not fifty a minute", async () => {
  await queue(Array.from({ length: 130 }, (_, i) => `Sammanfattning ${i}`));
  // 130 mails are three batches of 50. Were a batch sent per wake-up and the rest left to the
  // once-a-minute sweep, the third could not go before a second sweep, 60 s after the first: all
  // 130 within 55 s shows the batches follow each other. (Not the 20 s of the tests below: on
  // some machines loopback SMTP alone takes ~150 ms a message.)
  await waitFor(() => received("Sammanfattning ") === 130, 55_000, () => `130 mails (got ${received("Sammanfattning ")})`);
});

test("commits in quick succession, some while a flush is running, are all sent at once", async () => {
  for (let i = 0; i < 8; i++) {
    await queue([`Påminnelse ${i}`]);
    await new Promise((r) => setTimeout(r, 150));
  }
  await waitFor(() => received("Påminnelse ") === 8, AT_ONCE_MS, () => `8 mails (got ${received("Påminnelse ")})`);
});

test("after the database restarts, the worker listens again and mail goes out at once", async () => {
  await server.stop();
  await server.start();
  await queue(["Efter omstart"]);
  // The listener retries every five seconds; the sweep alone would most likely take longer.
  await waitFor(() => received("Efter omstart") === 1, 12_000, "the mail queued after the restart");
});
