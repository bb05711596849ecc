import AxeBuilder from "@axe-core/playwright";
import { expect, signInAndWait, signOut, sql, test, USERS } from "./fixtures";
import { MESSAGES } from "../lib/tips/messages";

const ar = MESSAGES.ar;
const PLACE = "النفق بجانب مركز إدسبري";

test.describe.configure({ mode: "serial" });
let code = "";

test("a visitor sends an anonymous tip in Arabic on a phone and opens its status with the tracking code", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/tipsa/sollentuna?lang=ar");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByText(ar.emergency)).toBeVisible();
  await expect(page.getByRole("button", { name: ar.submit })).toBeEnabled();

  await page.getByRole("radio", { name: ar.kind_GATHERING }).check();
  await page.getByLabel(ar.area).selectOption({ label: "Edsberg" });
  await page.getByLabel(ar.place).fill(PLACE);
  // A phone number in the description is refused, in Arabic, and nothing typed is lost.
  await page.getByLabel(ar.description).fill("شباب يتجمعون كل مساء، اتصلوا بي على 070-123 45 67");
  await page.getByRole("button", { name: ar.submit }).click();
  await expect(page.locator("#tip-description-error")).toHaveText(ar.err_pii);
  await expect(page.getByLabel(ar.place)).toHaveValue(PLACE);
  await page.getByLabel(ar.description).fill("شباب يتجمعون كل مساء ويكسرون المصابيح.");
  // A file that is not an image is refused with a clear message; the rest stays as typed.
  await page.getByLabel(ar.photo).setInputFiles({ name: "bild.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<html>not an image</html>") });
  await page.getByRole("button", { name: ar.submit }).click();
  await expect(page.locator("#tip-photo-error")).toHaveText(ar.err_photoType);
  await expect(page.getByLabel(ar.description)).toHaveValue("شباب يتجمعون كل مساء ويكسرون المصابيح.");
  await page.getByLabel(ar.photo).setInputFiles([]);
  await page.getByRole("button", { name: ar.submit }).click();

  await expect(page.getByRole("heading", { name: ar.thanks })).toBeVisible();
  code = (await page.getByTestId("tracking-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  // Nothing about the tipster was stored: anonymous by default.
  const [row] = await sql<{ contacts: number }>(`SELECT count(*)::int AS contacts FROM tip_contact`);
  expect(row!.contacts).toBe(0);

  await page.getByRole("link", { name: ar.statusLink }).click();
  await expect(page.getByTestId("tip-status")).toContainText(ar.status_NEW);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  // The page is usable at 360 px: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await context.close();
});

test("a coordinator accepts the tip from the triage queue; the tipster sees it registered", async ({ page, browser }) => {
  await signInAndWait(page, USERS.coordinator);
  await page.getByRole("link", { name: /^Tips \(\d+\)$/ }).click();
  await expect(page.getByRole("heading", { name: "Tips från boende" })).toBeVisible();
  await page.getByTestId("tip-queue").getByRole("link", { name: new RegExp(PLACE) }).click();
  await expect(page.getByText("Anonymt – inga kontaktuppgifter.")).toBeVisible();
  const accept = page.getByRole("form", { name: "Godta som händelse" });
  await expect(accept.getByLabel("Kategori")).toHaveValue(/.+/);
  await expect(accept.getByLabel("Kommundel")).toHaveValue(/.+/);
  await accept.getByRole("button", { name: "Godta som händelse" }).click();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  await expect(page.getByText(PLACE).first()).toBeVisible();
  const [incident] = await sql<{ source: string }>(`SELECT i.source::text FROM incident i JOIN tip t ON t."incidentId" = i.id WHERE t.place = $1`, [PLACE]);
  expect(incident!.source).toBe("RESIDENT");
  await signOut(page);

  const visitor = await browser.newPage();
  await visitor.goto(`/tipsa/status?lang=ar&code=${encodeURIComponent(code)}`);
  await expect(visitor.getByTestId("tip-status")).toContainText(ar.status_ACCEPTED);
  await visitor.close();
});

test("a coordinator publishes an action for Edsberg; the public page shows it beside aggregated counts", async ({ page, browser }) => {
  const [measure] = await sql<{ id: string }>(
    `SELECT m.id FROM measure m JOIN area a ON a.id = m."areaId" WHERE a.code = 'edsberg' AND a."municipalityId" = (SELECT id FROM municipality WHERE slug = 'sollentuna') ORDER BY m."createdAt" LIMIT 1`,
  );
  await signInAndWait(page, USERS.coordinator);
  await page.goto(`/atgarder/${measure!.id}`);
  const publish = page.getByRole("form", { name: "Visa för boende" });
  await expect(publish.getByRole("button", { name: "Spara" })).toBeEnabled();
  await publish.getByLabel(/Text för boende/).fill("Ny belysning och klotterplank vid Edsbergs centrum.");
  await publish.getByRole("button", { name: "Spara" }).click();
  await expect(publish.getByRole("status")).toHaveText("Visas nu för boende.");
  await signOut(page);

  const visitor = await browser.newPage();
  await visitor.goto("/ni-sa-vi-gjorde/sollentuna/edsberg?lang=so");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(`${MESSAGES.so.nsvgTitle}: Edsberg`);
  await expect(visitor.getByTestId("public-measures")).toContainText("Ny belysning och klotterplank vid Edsbergs centrum.");
  // Every count shown is zero or at least five: small numbers are never shown; a month not fully
  // reported shows "–", never a count.
  const cells = await visitor.getByTestId("public-counts").locator("tbody td").allInnerTexts();
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) expect(c === "<5" || c === "–" || c === "0" || Number(c) >= 5).toBe(true);
  expect(cells.some((c) => Number(c) >= 5), "the fully reported months show their counts").toBe(true);
  await visitor.close();
});

for (const lang of ["sv", "en", "ar", "so"] as const) {
  test(`the public pages pass axe (WCAG 2.1 AA) in ${lang}`, async ({ page }) => {
    for (const path of [`/tipsa/sollentuna?lang=${lang}`, `/tipsa/status?lang=${lang}&code=${encodeURIComponent(code || "AAAA-BBBB-CCCC")}`, `/ni-sa-vi-gjorde/sollentuna/edsberg?lang=${lang}`]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(result.violations.map((v) => `${path}: ${v.id} (${v.nodes.length})`)).toEqual([]);
    }
  });
}
