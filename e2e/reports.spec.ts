import { shiftPeriod, quarterKey } from "../lib/time/periods";
import { downloadPdf, expect, openMenu, signInAndWait, sollentunaGroupId, test, USERS } from "./fixtures";

test("EST Ledning opens the monthly area report; every area has its section and figures link to incidents", async ({ page }) => {
  await signInAndWait(page, USERS.ledning);
  await openMenu(page, "Uppföljning");
  await page.getByRole("link", { name: "Månadsrapport" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Månadsrapport /);
  const sections = page.getByTestId("area-section");
  await expect(sections).toHaveCount(8);
  await expect(sections.first().getByRole("heading")).toContainText("(fokusområde)");
  // The summary first: the whole municipality is the sum of its areas.
  const areaCounts = await sections.evaluateAll((ss) => ss.map((s) => Number(s.querySelector("p a")!.textContent!.match(/^\d+/)![0])));
  const sum = areaCounts.reduce((s, n) => s + n, 0);
  await expect(page.getByTestId("month-total")).toContainText(`Hela kommunen: ${sum} händelse`);
  // The report as a PDF made on the server: the summary first, every area, its header and page numbers.
  const { pages } = await downloadPdf(page);
  const text = pages.map((p) => p.replace(/\s+/g, " "));
  expect(text[0]).toContain(`Sammanfattning Hela kommunen: ${sum} händelse`);
  expect(text[0]).toMatch(/Sollentuna kommun · Månadsrapport .* Utskrivet \d{4}-\d{2}-\d{2}/);
  for (const area of await sections.getByRole("heading", { level: 2 }).allTextContents()) expect(text.join(" ")).toContain(area);
  text.forEach((p, i) => expect(p).toContain(`Sida ${i + 1} av ${text.length}`));
  const edsberg = sections.filter({ has: page.getByRole("heading", { name: /^Edsberg/ }) });
  await edsberg.getByRole("link", { name: /händelser$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Händelser" })).toBeVisible();
  await expect(page.getByLabel("Kommundel")).toHaveValue(/.+/);
});

test("a reporter has no monthly report", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  await expect(page.getByRole("link", { name: "Månadsrapport", includeHidden: true })).toHaveCount(0);
  expect((await page.goto("/reports/month/2026-10"))?.status()).toBe(404);
  expect((await page.request.get("/reports/month/2026-10/pdf")).status()).toBe(404);
});

test("a coordinator imports a survey CSV on the context page; a file with errors lists them and saves nothing", async ({ page }) => {
  const series = `Trygghetsenkät e2e ${crypto.randomUUID().slice(0, 8)}`;
  const csv = (value: string) => Buffer.from(`\uFEFFkalla;serie;enhet;period;omrade;grupp;varde;svarande\nKommunens enkät;${series};%;2025;Edsberg;;${value};140\n`);
  await signInAndWait(page, USERS.coordinator);
  await page.goto("/kontext");
  const form = page.getByTestId("context-import");
  await form.getByLabel("CSV-fil").setInputFiles({ name: "enkat.csv", mimeType: "text/csv", buffer: csv("mycket") });
  await form.getByRole("button", { name: "Importera" }).click();
  await expect(page.getByTestId("context-errors")).toContainText("Rad 2, varde");
  await expect(page.getByText(series)).toHaveCount(0);
  await form.getByLabel("CSV-fil").setInputFiles({ name: "enkat.csv", mimeType: "text/csv", buffer: csv("23,5") });
  await form.getByRole("button", { name: "Importera" }).click();
  await expect(form.getByRole("status")).toHaveText("1 värden i 1 serier importerade.");
  await expect(page.getByText(series).first()).toBeVisible();
});

test("a Fördjupning group's quarterly pack downloads as a PDF with its group, period and page numbers", async ({ page }) => {
  const quarter = shiftPeriod(quarterKey(new Date()), -1);
  await signInAndWait(page, USERS.coordinator);
  await page.goto(`/groups/${await sollentunaGroupId("est-fordjupning-edsberg")}/kvartal/${quarter}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Kvartalsunderlag /);
  const { bytes, pages } = await downloadPdf(page);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const first = pages[0]!.replace(/\s+/g, " ");
  expect(first).toContain("EST Fördjupning Edsberg · Kvartalsunderlag");
  expect(first).toContain(`Sida 1 av ${pages.length}`);
  expect(first).toContain("Edsberg");
});
