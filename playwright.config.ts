import { defineConfig, devices } from "@playwright/test";

// The e2e suite runs against a production build started the way a newcomer starts it:
// `scripts/run.mjs start` with no DATABASE_URL, i.e. an embedded PostgreSQL that is created,
// migrated and seeded from nothing, then stopped when the tests end (see scripts/e2e.mjs).
const PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT || 54339);
export const E2E_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${E2E_PG_PORT}/est`;
export const DEMO_PASSWORD = "e2e-demo-losenord";
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT || 2525);
export const E2E_INBOX = ".data/e2e-mail/inbox.jsonl";
// Everything the app logs during the run; scripts/e2e.mjs scans it for personal data and secrets.
export const E2E_SERVER_LOG = ".data/e2e-server.log";

// E2E_INSTANCES=2: two instances of the same build share one database behind a round-robin proxy
// on PORT (scripts/round-robin-proxy.mjs): sessions, rate limits and jobs must all work across them.
const TWO_INSTANCES = process.env.E2E_INSTANCES === "2";
export const E2E_SERVER_LOG_B = ".data/e2e-server-b.log";

/** One app instance as the suite starts it; its output goes to a log file that is scanned afterwards. */
function app(port: number, command: string, env: Record<string, string>) {
  return {
    command,
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 20_000 },
    env: {
      PORT: String(port),
      EST_DEMO_PASSWORD: DEMO_PASSWORD,
      // Links and redirects use the address the browser sees (the proxy, with two instances).
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      LOG_LEVEL: "info",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      MAIL_FROM: "EST Sollentuna <est@sollentuna.example>",
      ...env,
    },
  };
}

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // On CI a test that fails is run once more; one that then passes is reported "flaky" and
  // named in npm test's summary, so a timing flake on a slow machine is seen without holding
  // back everything else. A real break fails both times (ADR 005).
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: TWO_INSTANCES
    ? [
        app(PORT + 1, `exec node scripts/run.mjs start > ${E2E_SERVER_LOG} 2>&1`, { EST_PG_PORT: String(E2E_PG_PORT), EST_DATA_DIR: ".data/e2e", DATABASE_URL: "", NEXTAUTH_SECRET: "" }),
        app(PORT + 2, `exec node scripts/e2e-second-instance.mjs > ${E2E_SERVER_LOG_B} 2>&1`, { E2E_FIRST_PORT: String(PORT + 1), DATABASE_URL: E2E_DATABASE_URL }),
        { command: `exec node scripts/round-robin-proxy.mjs ${PORT + 1} ${PORT + 2}`, url: `http://localhost:${PORT}/api/health`, timeout: 240_000, reuseExistingServer: false, stdout: "pipe", gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 }, env: { PORT: String(PORT), E2E_PROXY_STATS: ".data/e2e-proxy.json" } },
      ]
    : app(PORT, `exec node scripts/run.mjs start > ${E2E_SERVER_LOG} 2>&1`, { EST_PG_PORT: String(E2E_PG_PORT), EST_DATA_DIR: ".data/e2e", DATABASE_URL: "", NEXTAUTH_SECRET: "" }),
});
