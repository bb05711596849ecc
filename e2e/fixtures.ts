import { test as base, expect, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { DEMO_PASSWORD, E2E_DATABASE_URL, E2E_INBOX } from "../playwright.config";

export const USERS = {
  reporter: "rapportor@sollentunahem.example",
  police: "polis@polisen.example",
  coordinator: "samordnare@sollentuna.example",
  ledning: "ledning@sollentuna.example",
  admin: "admin@sollentuna.example",
  vasby: "samordnare@upplandsvasby.example",
  nightWalker: "nattvandrare@nattvandrarna.example",
} as const;

/** A place of its own for a test's report: the demo data holds reports at the real places, and
 * a report at the same place, category and hour as another is questioned as a possible duplicate. */
export const placeOfItsOwn = (base: string) => `${base} ${Math.random().toString(36).replace(/[^a-z]/g, "").slice(0, 5)}`;

/**
 * Signs in as `email` with the session the sign-in form would give (a token sealed with the app's
 * secret, read from the user's row now, so a session version bumped by an earlier sign-out is
 * honoured), then opens the start page: no login page and no password hashing for each test. The
 * sign-in itself is tested through the form (`signInWithForm`, auth.spec.ts).
 */
export async function signIn(page: Page, email: string) {
  const [user] = await sql<{ id: string; sessionVersion: number }>(`SELECT id, "sessionVersion" FROM "user" WHERE email = $1`, [email]);
  if (!user) throw new Error(`no user ${email}`);
  const secret = readFileSync(".data/e2e/nextauth-secret", "utf8").trim();
  const value = await encode({ secret, token: { uid: user.id, sv: user.sessionVersion, loginAt: Date.now(), name: email } as never, maxAge: 30 * 60 });
  // As the sign-in sets it: out of reach of the page's scripts, not sent with cross-site requests.
  await page.context().addCookies([{ name: "next-auth.session-token", value, url: base.info().project.use.baseURL!, httpOnly: true, sameSite: "Lax" }]);
  await page.goto("/");
}

/** Signs in through the form, waiting for it to be hydrated before typing. */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  const submit = page.getByRole("button", { name: "Logga in", exact: true });
  await expect(submit).toBeEnabled();
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await submit.click();
}

/** Opens one of the top bar's menus (Uppföljning, Administration). */
export async function openMenu(page: Page, label: "Uppföljning" | "Administration") {
  await page.getByRole("navigation", { name: "Huvudmeny" }).locator("summary", { hasText: label }).click();
}

/** Every page a role reaches from its own menus (both drop-down menus opened), so a test that
 * visits them covers a new menu entry without being touched. */
export async function menuPages(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Huvudmeny" });
  for (const label of ["Uppföljning", "Administration"] as const) {
    if (await nav.locator("summary", { hasText: label }).count()) await openMenu(page, label);
  }
  const hrefs = await page.locator("header a[href^='/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  return [...new Set(["/", ...hrefs])];
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page.getByRole("heading", { name: "Logga in i EST" })).toBeVisible();
}

export async function signInAndWait(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Mina grupper" })).toBeVisible();
}

export async function signInWithFormAndWait(page: Page, email: string) {
  await signInWithForm(page, email);
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

/** Inserts `count` incidents at one place in Sollentuna, one every two hours from `startIso` (in
 * `week`), to make a flag in that week's lägesbild: separate events, since reports of one place
 * within an hour of each other are one (lib/incidents/events.ts). */
export async function insertBurst(o: { week: string; area: string; category: string; organisation: string; place: string; count: number; startIso: string }) {
  await sql(
    `INSERT INTO incident ("municipalityId", "areaId", "categoryId", "reporterOrgId", place, "occurredAt", "isoWeek", "updatedAt")
     SELECT m.id, a.id, c.id, o.id, $5, $6::timestamptz + (2 * g || ' hours')::interval, $1, now()
     FROM municipality m
     JOIN area a ON a."municipalityId" = m.id AND a.code = $2
     JOIN incident_category c ON c."municipalityId" = m.id AND c.code = $3
     JOIN organisation o ON o."municipalityId" = m.id AND o.code = $4
     CROSS JOIN generate_series(1, $7::int) g
     WHERE m.slug = 'sollentuna'`,
    [o.week, o.area, o.category, o.organisation, o.place, o.startIso, o.count],
  );
}

/** The id of one of Sollentuna's EST groups. */
export async function sollentunaGroupId(slug: string): Promise<string> {
  const [row] = await sql<{ id: string }>(`SELECT g.id FROM est_group g JOIN municipality m ON m.id = g."municipalityId" WHERE m.slug = 'sollentuna' AND g.slug = $1`, [slug]);
  return row!.id;
}

/** Mail the app sent, as received by the loopback SMTP server (e2e/global-setup.ts). */
export async function waitForMail(to: string, subject: string, timeoutMs = 70_000) {
  // NOTIFY wakes the mail worker at once; its once-a-minute sweep is the promised safety net
  // (docs/scaling.md), so a mail may take up to a minute – the test gets that much longer.
  base.info().setTimeout(base.info().timeout + timeoutMs);
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

/**
 * Downloads a document's PDF by its "Ladda ner PDF" link, as a user would, and reads it back with
 * a PDF text extractor (pdf.js through unpdf): the bytes, and the text of each page.
 */
export async function downloadPdf(page: Page): Promise<{ bytes: Buffer; pages: string[] }> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("pdf-link").click()]);
  const bytes = await readFile((await download.path())!);
  const { extractText } = await import("unpdf");
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: false });
  return { bytes, pages: text };
}
