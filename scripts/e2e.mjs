#!/usr/bin/env node
// Runs the Playwright suite in Chromium against a fresh embedded database.
// Finding a browser (Playwright cannot download its own on machines without internet):
//   1. CHROMIUM_PATH if set;  2. Debian's /usr/bin/chromium;
//   3. as root on Debian: apt-get install chromium;  4. otherwise: npx playwright install chromium.
// Afterwards it checks that the app and its embedded PostgreSQL were stopped cleanly.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const E2E_PORT = Number(process.env.E2E_PORT || 3100);
const E2E_PG_PORT = Number(process.env.E2E_PG_PORT || 54339);

function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("e2e: installerar Debians chromium (apt-get) …");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const r = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (r.status === 0 && existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  console.log("e2e: hämtar Playwrights chromium (npx playwright install chromium) …");
  spawnSync(path.join(root, "node_modules", ".bin", "playwright"), ["install", "chromium"], { stdio: "inherit" });
  return undefined;
}

function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

const chromium = findChromium();
// Test what the code is now: build unless the caller just did (npm test builds first).
if (!process.env.E2E_SKIP_BUILD || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { stdio: "inherit", cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// A fresh database every run: start, migrate and seed from nothing, as a newcomer would.
rmSync(path.join(root, ".data", "e2e"), { recursive: true, force: true });
rmSync(path.join(root, ".data", "e2e-mail"), { recursive: true, force: true });
mkdirSync(path.join(root, ".data"), { recursive: true });
const twoInstances = process.env.E2E_INSTANCES === "2";
rmSync(path.join(root, ".data", "e2e-b"), { recursive: true, force: true });
const serverLogs = [path.join(root, ".data", "e2e-server.log"), path.join(root, ".data", "e2e-server-b.log")];
for (const log of serverLogs) rmSync(log, { force: true });
const proxyStats = path.join(root, ".data", "e2e-proxy.json");
rmSync(proxyStats, { force: true });
const result = spawnSync(path.join(root, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: root,
  env: { ...process.env, ...(chromium ? { CHROMIUM_PATH: chromium } : {}), E2E_PORT: String(E2E_PORT), E2E_PG_PORT: String(E2E_PG_PORT) },
});
let status = result.status ?? 1;
// The app's logs must never hold personal data, report text, cookies or tokens (the suite feeds
// it personnummer, phone numbers, canary text and tokens on purpose).
const FORBIDDEN = [
  [/(?<!\d)(?:19|20)?\d{6}[-+]\d{4}(?!\d)/, "personnummer"],
  [/070[- ]?123[- ]?45[- ]?67/, "telefonnummer"],
  [/est_[A-Za-z0-9_-]{20,}/, "API-nyckel"],
  [/cal_[A-Za-z0-9_-]{40,}/, "kalenderlänk"],
  [/Bearer\s+\S{10,}/, "Authorization-huvud"],
  [/next-auth\.session-token|__Secure-next-auth|authjs\./, "sessionskaka"],
  [/KANARIE-7f3a9c|Lugn vecka utom skadegörelse|شباب يتجمعون/, "fritext ur rapporter"],
];
for (const serverLog of serverLogs.filter((f) => existsSync(f))) {
  const lines = readFileSync(serverLog, "utf8").split("\n");
  const hits = lines.flatMap((line, i) => FORBIDDEN.filter(([re]) => re.test(line)).map(([, what]) => `  rad ${i + 1}: ${what}`));
  if (hits.length) {
    console.error(`e2e: appens logg innehåller sådant som aldrig får loggas:\n${hits.slice(0, 20).join("\n")}`);
    status = status || 1;
  } else console.log(`e2e: ${path.basename(serverLog)} (${lines.length} rader) granskad – inga personuppgifter, rapporttexter, kakor eller nycklar.`);
  if (status !== 0) console.error(`e2e: sista raderna i appens logg:\n${lines.slice(-15).join("\n")}`);
}
// Ctrl-C must stop everything: neither the app nor the embedded PostgreSQL may be left running.
await new Promise((r) => setTimeout(r, 1000));
// With two instances: both served requests, and no server action was lost between them.
if (twoInstances) {
  const served = existsSync(proxyStats) ? Object.values(JSON.parse(readFileSync(proxyStats, "utf8"))) : [];
  const lost = serverLogs.filter((f) => existsSync(f)).some((f) => /Failed to find Server Action/i.test(readFileSync(f, "utf8")));
  if (served.length !== 2 || served.some((n) => n < 100) || lost) {
    console.error(`e2e: två instanser – förfrågningar per instans ${JSON.stringify(served)}${lost ? ", och en server action hittades inte" : ""}.`);
    status = status || 1;
  } else console.log(`e2e: två instanser bakom proxyn – förfrågningar per instans: ${served.join(" och ")}; inga förlorade server actions.`);
}
const ports = [[E2E_PORT, twoInstances ? "proxyn" : "appen"], [E2E_PG_PORT, "den inbyggda PostgreSQL"], ...(twoInstances ? [[E2E_PORT + 1, "app-instans 1"], [E2E_PORT + 2, "app-instans 2"]] : [])];
for (const [port, what] of ports) {
  if (await listening(port)) {
    console.error(`e2e: ${what} lyssnar fortfarande på port ${port} efter testerna – stoppades inte rent.`);
    status = status || 1;
  }
}
process.exit(status);
