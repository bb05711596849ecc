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

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
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
  webServer: {
    // exec: the app itself receives the stop signal; its output goes to the scanned log file.
    command: `exec node scripts/run.mjs start > ${E2E_SERVER_LOG} 2>&1`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      PORT: String(PORT),
      EST_PG_PORT: String(E2E_PG_PORT),
      EST_DATA_DIR: ".data/e2e",
      EST_DEMO_PASSWORD: DEMO_PASSWORD,
      DATABASE_URL: "",
      NEXTAUTH_SECRET: "",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      LOG_LEVEL: "info",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      MAIL_FROM: "EST Sollentuna <est@sollentuna.example>",
    },
  },
});
