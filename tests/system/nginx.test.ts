// The production build behind a real nginx with TLS, as a municipality runs it (issue 35): the site
// file in docs/deploy/nginx-est.conf, with this test's ports and a self-signed certificate for
// localhost made here. Debian's nginx is installed when missing (as root). Needs `next build`.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import sharp from "sharp";
import { chromium, type Browser } from "@playwright/test";
import { embeddedPostgres } from "../helpers/embedded-pg";
import { waitFor } from "../helpers/wait";

const APP_PORT = 3310;
const HTTPS_PORT = 8443;
const HTTP_PORT = 8080;
const ORIGIN = `https://localhost:${HTTPS_PORT}`;
const PASSWORD = "nginx-test-losenord";
const db = embeddedPostgres("nginx", 54357);
const dir = mkdtempSync(path.join(os.tmpdir(), "est-nginx-"));
let app: ChildProcess;
let nginx: ChildProcess;
let browser: Browser;
let ca: Buffer;

function nginxBinary(): string {
  const found = () => ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
  if (!found() && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", "nginx-light"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  }
  const bin = found();
  if (!bin) throw new Error("nginx saknas: installera Debians paket nginx-light (som root), eller kör testet som root så installeras det.");
  return bin;
}

/** The documented site file with this test's ports, host name and certificate. */
function siteFile(): string {
  const site = readFileSync("docs/deploy/nginx-est.conf", "utf8");
  const replaced = site
    .replace("server 127.0.0.1:3000;", `server 127.0.0.1:${APP_PORT};`)
    .replace("listen 80;", `listen 127.0.0.1:${HTTP_PORT};`)
    .replace("listen 443 ssl http2;", `listen 127.0.0.1:${HTTPS_PORT} ssl http2;`)
    .replaceAll("est.kommun.example", "localhost")
    .replace("/etc/ssl/est/fullchain.pem", path.join(dir, "cert.pem"))
    .replace("/etc/ssl/est/privkey.pem", path.join(dir, "key.pem"));
  for (const token of ["server 127.0.0.1:3000", "listen 80;", "listen 443", "/etc/ssl/est", "est.kommun.example"]) assert.ok(!replaced.includes(token), `the site file changed shape: ${token} is still in it`);
  return replaced;
}

/** A request to nginx over TLS, trusting only the certificate made for this test. */
function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = https.request(`${ORIGIN}${pathname}`, { method: options.method ?? "GET", headers: options.headers, ca }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

before(async () => {
  const bin = nginxBinary();
  chmodSync(dir, 0o755);
  const made = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
    "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { encoding: "utf8" });
  assert.equal(made.status, 0, made.stderr);
  ca = readFileSync(path.join(dir, "cert.pem"));
  // nginx's workers run as an unprivileged user: their temporary folders must be theirs to write.
  for (const temp of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(path.join(dir, temp));
    chmodSync(path.join(dir, temp), 0o777);
  }
  writeFileSync(path.join(dir, "est.conf"), siteFile());
  writeFileSync(path.join(dir, "nginx.conf"), `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/est.conf;
}
`);
  const checked = spawnSync(bin, ["-t", "-c", path.join(dir, "nginx.conf")], { encoding: "utf8" });
  assert.equal(checked.status, 0, checked.stderr);

  await db.create();
  app = spawn("node", ["scripts/run.mjs", "start"], {
    env: { ...process.env, DATABASE_URL: db.url, PORT: String(APP_PORT), NEXTAUTH_URL: ORIGIN, TRUSTED_PROXY_HOPS: "1", EST_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  nginx = spawn(bin, ["-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"] });
  await waitFor(async () => (await request("/api/health")).status === 200, 120_000);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
});

after(async () => {
  await browser?.close();
  nginx?.kill("SIGQUIT");
  app?.kill("SIGTERM");
  await Promise.all([app, nginx].map((p) => p && p.exitCode === null && new Promise((r) => p.once("exit", r))));
  await db.remove();
  rmSync(dir, { recursive: true, force: true });
});

test("over TLS through nginx: HSTS on every answer, and plain http is sent to https", async () => {
  const health = await request("/api/health");
  assert.equal(health.status, 200);
  assert.match(String(health.headers["strict-transport-security"]), /max-age=\d{7,}/);
  const plain = await new Promise<{ status: number; location?: string }>((resolve, reject) => {
    http.get({ host: "127.0.0.1", port: HTTP_PORT, path: "/login", headers: { host: "localhost" } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode!, location: res.headers.location });
    }).on("error", reject);
  });
  assert.equal(plain.status, 301);
  assert.equal(plain.location, "https://localhost/login");
});

test("signing in through nginx sets a __Secure- session cookie, and a server action works through it", async () => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: ORIGIN, locale: "sv-SE", timezoneId: "Europe/Stockholm" });
  const page = await context.newPage();
  try {
    await page.goto("/login");
    const submit = page.getByRole("button", { name: "Logga in", exact: true });
    await submit.waitFor();
    await page.waitForFunction(() => !document.querySelector("button[type=submit][disabled]"));
    await page.getByLabel("E-postadress").fill("samordnare@sollentuna.example");
    await page.getByLabel("Lösenord").fill(PASSWORD);
    await submit.click();
    await page.getByRole("heading", { name: "Mina grupper" }).waitFor();
    const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
    assert.equal(session.name, "__Secure-next-auth.session-token");
    assert.deepEqual([session.secure, session.httpOnly, session.sameSite], [true, true, "Lax"]);

    // A server action through the proxy: the coordinator saves a report, and it is stored.
    await page.goto("/incidents/new");
    await page.waitForFunction(() => !document.querySelector("button[type=submit][disabled]"));
    await page.getByLabel("Kommundel").selectOption({ label: "Rotebro" });
    await page.getByLabel("Plats", { exact: true }).fill("Rotebro station, via nginx");
    await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Otrygg plats" });
    await page.getByRole("button", { name: "Spara händelse" }).click();
    await page.getByRole("status").filter({ hasText: "Händelsen är sparad" }).waitFor();
    assert.equal((await query(`SELECT 1 FROM incident WHERE place = 'Rotebro station, via nginx'`)).length, 1);
  } finally {
    await context.close();
  }
});

test("nginx overwrites a client's X-Forwarded-For: the access log has the address nginx saw, never the forged one", async () => {
  const csrf = await request("/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = [csrf.headers["set-cookie"]].flat().filter(Boolean).map((c) => String(c).split(";")[0]).join("; ");
  const refused = await request("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": "192.0.2.77" },
    body: new URLSearchParams({ csrfToken, email: "finns.inte@example.se", password: "fel-losenord", json: "true" }).toString(),
  });
  assert.equal(refused.status, 401);
  const [row] = await query<{ ip: string; forwardedFor: string }>(`SELECT ip, "forwardedFor" FROM audit_event WHERE action = 'auth:login' ORDER BY id DESC LIMIT 1`);
  assert.equal(row!.ip, "127.0.0.1");
  assert.doesNotMatch(row!.forwardedFor, /192\.0\.2\.77/);
});

test("a tip with a photo at the size limit passes nginx; one over it gets the app's own answer", async () => {
  // Noise does not compress: a PNG of just under 5 MB, the photo limit.
  const side = 1290;
  const photo = await sharp(Buffer.from(Array.from({ length: side * side * 3 }, (_, i) => (i * 2654435761) >>> 24)), { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
  assert.ok(photo.length > 4.5 * 1024 * 1024 && photo.length < 5 * 1024 * 1024, `photo of ${photo.length} bytes`);
  const send = async (bytes: Buffer) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ language: "sv", kind: "OTHER", place: "Rotebro station" })) form.set(k, v);
    form.set("photo", new Blob([new Uint8Array(bytes)], { type: "image/png" }), "foto.png");
    const encoded = new Response(form);
    return request("/api/tips/sollentuna", {
      method: "POST",
      headers: { "content-type": encoded.headers.get("content-type")!, origin: ORIGIN, "sec-fetch-site": "same-origin" },
      body: Buffer.from(await encoded.arrayBuffer()),
    });
  };
  const accepted = await send(photo);
  assert.equal(accepted.status, 201, accepted.body);
  const tooLarge = await send(Buffer.concat([photo, Buffer.alloc(1.5 * 1024 * 1024)]));
  assert.equal(tooLarge.status, 413);
  assert.match(tooLarge.body, /err_photoSize/, "the app's answer, in the visitor's language – not nginx's page");
});
