import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";
import { existsSync, readFileSync } from "node:fs";
import { DEMO_PASSWORD, E2E_DATABASE_URL, E2E_INBOX } from "../playwright.config";

export const USERS = {
  reporter: "rapportor@sollentunahem.example",
  police: "polis@polisen.example",
  coordinator: "samordnare@sollentuna.example",
  ledning: "ledning@sollentuna.example",
  admin: "admin@sollentuna.example",
  vasby: "samordnare@upplandsvasby.example",
} as const;

/** Signs in through the form, waiting for it to be hydrated before typing. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  const submit = page.getByRole("button", { name: "Logga in", exact: true });
  await expect(submit).toBeEnabled();
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await submit.click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page.getByRole("heading", { name: "Logga in i EST" })).toBeVisible();
}

export async function signInAndWait(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Mina grupper" })).toBeVisible();
}

/** Direct database access for arranging and checking state the UI does not expose. */
export async function sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Mail the app sent, as received by the loopback SMTP server (e2e/global-setup.ts). */
export async function waitForMail(to: string, subject: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const mails = existsSync(E2E_INBOX)
      ? readFileSync(E2E_INBOX, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as { to: string[]; subject: string; text: string })
      : [];
    const found = mails.find((m) => m.to.includes(to) && m.subject === subject);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${to} with subject "${subject}"`);
}

export const test = base;
export { expect };
