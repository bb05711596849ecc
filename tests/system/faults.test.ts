// Start-up and fault behaviour of the production build, as an operator meets it:
// port taken, database unreachable at start, invalid configuration, the database going away
// while users work (friendly page, recovers by itself), and a clean stop on SIGTERM.
// Needs `next build` first (npm test runs it before this step).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { embeddedPostgres } from "../helpers/embedded-pg";
import { waitFor } from "../helpers/wait";
import { chromium, type Browser } from "@playwright/test";

const APP_PORT = 3300;
const PG_PORT = 54359;
const PASSWORD = "system-test-losenord";
const pg = embeddedPostgres("system", PG_PORT);
const DATABASE_URL = pg.url;
let app: ChildProcess;
let browser: Browser;

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number> } {
  let out = "";
  const child = spawn("node", ["scripts/run.mjs", "start"], { env: { ...process.env, EST_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exit = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  return { child, output: () => out, exit };
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });

before(async () => {
  await pg.create();
  app = start({ DATABASE_URL, PORT: String(APP_PORT) }).child;
  await waitFor(async () => (await fetch(`http://127.0.0.1:${APP_PORT}/api/health`)).ok, 120_000);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
});

after(async () => {
  await browser?.close();
  app?.kill("SIGTERM");
  await pg.remove();
});

test("a taken port gives a clear message and a non-zero exit", async () => {
  const second = start({ DATABASE_URL, PORT: String(APP_PORT) });
  assert.equal(await second.exit, 1);
  assert.match(second.output(), /port 3300 är upptagen/);
});

test("an unreachable database at start gives a clear message and a non-zero exit", async () => {
  const run = start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:54358/est", PORT: "3301" });
  assert.equal(await run.exit, 1);
  assert.match(run.output(), /kan inte ansluta till databasen \(127\.0\.0\.1:54358\/est\)/);
  assert.doesNotMatch(run.output(), /\n\s+at /, "no stack trace");
});

test("invalid configuration stops the server with one line naming the variable", async () => {
  const run = start({ DATABASE_URL, PORT: "3302", NEXTAUTH_SECRET: "too-short" });
  assert.equal(await run.exit, 1);
  assert.match(run.output(), /Felaktig konfiguration: NEXTAUTH_SECRET ska vara minst 32 tecken lång/);
  assert.doesNotMatch(run.output(), /\n\s+at /, "no stack trace");
});

test("a forged X-Forwarded-For neither resets the tip limit nor writes its address into the access log (issue 26)", async () => {
  const url = `http://127.0.0.1:${APP_PORT}/api/tips/sollentuna`;
  const send = (i: number) => {
    const body = new FormData();
    for (const [k, v] of Object.entries({ language: "sv", kind: "OTHER", place: `Torget ${i}` })) body.set(k, v);
    // A new device each time and a different forged address each time, as the probe sent them.
    return fetch(url, { method: "POST", body, headers: { origin: `http://127.0.0.1:${APP_PORT}`, "sec-fetch-site": "same-origin", "x-forwarded-for": `192.0.2.${i}` } });
  };
  const statuses: number[] = [];
  for (let i = 1; i <= 21; i++) statuses.push((await send(i)).status);
  assert.deepEqual(statuses.slice(0, 20), Array(20).fill(201));
  assert.equal(statuses[20], 429, "the 21st tip from one socket is refused whatever address it claims");
  // A refused sign-in with a forged address is logged with the socket's address, the chain beside it.
  const csrf = await fetch(`http://127.0.0.1:${APP_PORT}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const signIn = await fetch(`http://127.0.0.1:${APP_PORT}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": "192.0.2.77" },
    body: new URLSearchParams({ csrfToken, email: "finns.inte@example.se", password: "fel-losenord", json: "true" }),
    redirect: "manual",
  });
  assert.equal(signIn.status, 401);
  const { Client } = await import("pg");
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT ip, "forwardedFor" FROM audit_event WHERE action = 'auth:login' ORDER BY id DESC LIMIT 1`);
    assert.deepEqual(rows[0], { ip: "127.0.0.1", forwardedFor: "192.0.2.77, 127.0.0.1" });
  } finally {
    await client.end();
  }
});

test("a chunked upload without Content-Length is cut off at the tip route's cap (issue 26)", async () => {
  // A raw connection, so the test sees when the answer comes: it keeps sending 64 KiB chunks of a
  // photo – up to 20 MiB, far past the 6 MB cap – until the server answers.
  const socket = net.connect(APP_PORT, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  const boundary = "gransen";
  let answer = "";
  let answered = () => {};
  const arrived = new Promise<void>((resolve) => (answered = resolve));
  socket.on("data", (d) => {
    answer += d;
    answered();
  });
  socket.on("error", () => {}); // the server may close the upload once it has answered
  socket.write(
    `POST /api/tips/sollentuna HTTP/1.1\r\nHost: 127.0.0.1:${APP_PORT}\r\nOrigin: http://127.0.0.1:${APP_PORT}\r\nSec-Fetch-Site: same-origin\r\n` +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\nTransfer-Encoding: chunked\r\n\r\n`,
  );
  const part = `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
  socket.write(`${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`);
  const chunk = Buffer.alloc(64 * 1024);
  let sent = 0;
  while (sent < 20 * 1024 * 1024 && !answer && !socket.destroyed) {
    const flushed = socket.write(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]));
    sent += chunk.length;
    // A server that stops reading leaves the socket full: wait for room or for its answer.
    if (!flushed) await Promise.race([new Promise((resolve) => socket.once("drain", resolve)), arrived, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await waitFor(async () => answer.length > 0, 10_000);
  socket.destroy();
  assert.match(answer, /^HTTP\/1\.1 413/);
  assert.ok(sent < 12 * 1024 * 1024, `answered after ${(sent / 1024 / 1024).toFixed(1)} MiB of 20`);
});

test("when the database goes away, pages say so without details and recover by themselves", async () => {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${APP_PORT}/login`);
  await page.waitForSelector("button[type=submit]:not([disabled])");
  await page.fill("#email", "rapportor@sollentunahem.example");
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await page.getByRole("heading", { name: "Mina grupper" }).waitFor();

  await pg.stop();
  const down = await fetch(`http://127.0.0.1:${APP_PORT}/api/health`);
  assert.equal(down.status, 503);
  const response = await page.reload();
  assert.equal(response?.status(), 500);
  await page.getByRole("heading", { name: "Databasen svarar inte" }).waitFor({ timeout: 15_000 });
  const html = await page.content();
  assert.doesNotMatch(html, /ECONNREFUSED|prisma|at \w+ \(|SELECT /i, "no technical details");

  await pg.start();
  // The page polls the health endpoint and comes back without anyone reloading it.
  await page.getByRole("heading", { name: "Mina grupper" }).waitFor({ timeout: 30_000 });
  await page.close();
});

test("SIGTERM stops the app cleanly", async () => {
  const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
  app.kill("SIGTERM");
  assert.equal(await exited, 0);
  assert.equal(await listening(APP_PORT), false);
});
