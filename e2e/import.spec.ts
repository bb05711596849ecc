import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, signInAndWait, sql, test, USERS } from "./fixtures";

const HEADER = "occurred_at,area,place,category,reporter_org,description,latitude,longitude,external_id";
const file = (rows: string[]) => ({ name: "handelser.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${HEADER}\n${rows.join("\n")}\n`) });

test("the coordinator previews an import, sees each bad row, then imports the valid ones", async ({ page }) => {
  await signInAndWait(page, USERS.coordinator);
  await page.goto("/incidents");
  await page.getByRole("link", { name: "Importera", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Importera händelser" })).toBeVisible();
  const count = async () => Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident WHERE "externalId" LIKE 'E2E-%'`))[0]!.n);

  await page.getByLabel("Fil (.xlsx eller .csv)").setInputFiles(
    file([
      "2026-11-02 21:30,Edsberg,Edsbergs torg,Skadegörelse,Sollentunahem AB,Klotter,,,E2E-1",
      "2026-03-29 02:30,Edsberg,Torget,skadegorelse,polis,,,,E2E-2",
      "2026-11-03 22:00,tureberg,Sollentuna station,samling,polis,Ring 070-123 45 67,,,E2E-3",
      "2026-11-04 23:15,Rotebro,Rotebro station,samling,Polisen – lokalpolisområde Sollentuna,Samling vid spärrarna,,,E2E-4",
    ]),
  );
  await page.getByRole("button", { name: "Kontrollera filen" }).click();
  await expect(page.getByTestId("import-report")).toContainText("4 rader: 2 giltiga, 2 ogiltiga.");
  const issues = page.getByTestId("import-issues");
  await expect(issues.getByRole("row", { name: /^3 occurred_at/ })).toContainText("finns inte");
  await expect(issues.getByRole("row", { name: /^4 description/ })).toContainText("telefonnummer");
  await expect(page.getByRole("button", { name: /^Importera 2 händelser$/ })).toBeDisabled();
  expect(await count()).toBe(0);

  await page.getByLabel("Importera de giltiga raderna även om några är ogiltiga").check();
  await page.getByRole("button", { name: /^Importera 2 händelser$/ }).click();
  await expect(page.getByTestId("import-report")).toContainText("Klart: 2 nya, 0 uppdaterade och 0 oförändrade händelser.");
  expect(await count()).toBe(2);
  // The access log names who imported.
  const [logged] = await sql<{ email: string | null }>(
    `SELECT u.email FROM audit_event a LEFT JOIN "user" u ON u.id = a."userId" WHERE a.action = 'incident:import' AND a.outcome = 'ALLOWED' ORDER BY a.id DESC LIMIT 1`,
  );
  expect(logged?.email).toBe(USERS.coordinator);
});

test("a reporter cannot import, and a cross-site upload is refused even with the coordinator's session", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  expect((await page.goto("/incidents/import"))?.status()).toBe(404);
  // The template lists the municipality's reference data: only for those who may import.
  expect((await page.request.get("/incidents/import/template?format=xlsx")).status()).toBe(403);
  const res = await page.request.post("/incidents/import/upload?mode=commit", { data: `${HEADER}\n`, headers: { "Content-Type": "text/csv" } });
  expect(res.status()).toBe(403);
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page.getByRole("heading", { name: "Logga in i EST" })).toBeVisible();
  // Even the coordinator's session cannot be used from another site.
  await signInAndWait(page, USERS.coordinator);
  const before = Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident`))[0]!.n);
  const crossSite = await page.request.post("/incidents/import/upload?mode=commit", {
    data: `${HEADER}\n2026-11-02 21:30,Edsberg,Torget,skadegorelse,polis,,,,EVIL-1\n`,
    headers: { "Content-Type": "text/csv", Origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  const nullOrigin = await page.request.post("/incidents/import/upload?mode=commit", {
    data: `${HEADER}\n2026-11-02 21:30,Edsberg,Torget,skadegorelse,polis,,,,EVIL-2\n`,
    headers: { "Content-Type": "text/csv", Origin: "null" },
  });
  expect(nullOrigin.status()).toBe(403);
  expect(Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident`))[0]!.n)).toBe(before);
});

// Files made by LibreOffice headless (tests/fixtures/import/make.mjs): what Swedish Excel and
// LibreOffice users send – a semicolon CSV in Windows-1252 and a workbook of the same table.
const fixture = (name: string, mimeType: string) => ({ name, mimeType, buffer: readFileSync(path.join("tests/fixtures/import", name)) });

test("a coordinator imports a Windows-1252 semicolon file and then the same table as xlsx; å, ä and ö arrive intact", async ({ page }) => {
  // The fixtures' incidents are from 2015: left behind, they would move when the organisations
  // began reporting, which the coverage tests read. They are removed however the test ends.
  const cleanUp = () => sql(`DELETE FROM incident WHERE "externalId" LIKE 'FX-%'`);
  await cleanUp();
  try {
    await importFixtures(page);
  } finally {
    await cleanUp();
  }
});

async function importFixtures(page: Page) {
  await signInAndWait(page, USERS.coordinator);
  await page.goto("/incidents/import");
  const input = page.getByLabel("Fil (.xlsx eller .csv)");
  const report = page.getByTestId("import-report");

  await input.setInputFiles(fixture("libreoffice-semikolon-1252.csv", "text/csv"));
  await page.getByRole("button", { name: "Kontrollera filen" }).click();
  await expect(report).toContainText("3 rader: 3 giltiga, 0 ogiltiga. 3 nya, 0 uppdateras, 0 oförändrade.");
  await expect(report).toContainText("Läst som CSV, semikolonavgränsad, Windows-1252.");
  await page.getByRole("button", { name: /^Importera 3 händelser$/ }).click();
  await expect(report).toContainText("Klart: 3 nya, 0 uppdaterade och 0 oförändrade händelser.");

  // The same table as a workbook is recognised as the same incidents.
  await input.setInputFiles(fixture("libreoffice.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  await page.getByRole("button", { name: "Kontrollera filen" }).click();
  await expect(report).toContainText("3 rader: 3 giltiga, 0 ogiltiga. 0 nya, 0 uppdateras, 3 oförändrade.");
  await expect(report).toContainText("Läst som Excel-arbetsbok (.xlsx).");
  await expect(page.getByRole("button", { name: /^Importera 0 händelser$/ })).toBeDisabled();

  // In the list, as typed in the spreadsheet.
  await page.goto("/incidents?period=2015-W10&status=ALL");
  await expect(page.getByRole("cell", { name: "Häggviks gymnasium – entré" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Rotebro station, cykelgaraget" })).toBeVisible();
  const [{ description }] = (await sql<{ description: string }>(`SELECT description FROM incident WHERE "externalId" = 'FX-2'`)) as [{ description: string }];
  expect(description).toBe("Högljudd grupp vid kiosken – ”störde”");

  // An old .xls is refused with what to save it as; nothing is stored.
  await page.goto("/incidents/import");
  await page.getByLabel("Fil (.xlsx eller .csv)").setInputFiles(fixture("libreoffice.xls", "application/vnd.ms-excel"));
  await page.getByRole("button", { name: "Kontrollera filen" }).click();
  await expect(page.locator(".alert-error")).toContainText("Filen är en äldre Excel-fil (.xls). Öppna den i Excel eller LibreOffice och spara som Excel-arbetsbok (.xlsx)");
}

test("the template and the xlsx export are workbooks the import reads back; the export's rows carry id and status", async ({ page }) => {
  await signInAndWait(page, USERS.coordinator);
  await page.goto("/incidents/import");
  const template = page.waitForEvent("download");
  await page.getByRole("link", { name: "Excel (.xlsx)" }).click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(await (await (await template).createReadStream()).toArray()) as unknown as ArrayBuffer);
  expect((book.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual(["occurred_at", "area", "place", "category", "reporter_org", "description", "latitude", "longitude", "external_id"]);
  expect(book.worksheets.map((w) => w.name)).toEqual(["Händelser", "Giltiga värden"]);

  const week = (await sql<{ week: string }>(
    `SELECT "isoWeek" AS week FROM incident WHERE "municipalityId" = (SELECT id FROM municipality WHERE slug = 'sollentuna') AND status = 'ACTIVE' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  ))[0]!.week;
  await page.goto(`/incidents?period=${week}`);
  await page.getByLabel("Format").selectOption("xlsx");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exportera", exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("handelser-sollentuna.xlsx");
  await expect(page.getByRole("status").filter({ hasText: "Exporten är klar." })).toBeVisible();
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.load(Buffer.concat(await (await file.createReadStream()).toArray()) as unknown as ArrayBuffer);
  const sheet = exported.worksheets[0]!;
  expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(["id", "occurred_at", "area", "place", "category", "reporter_org", "description", "latitude", "longitude", "external_id", "status"]);
  const [{ n }] = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident i JOIN municipality m ON m.id = i."municipalityId" WHERE m.slug = 'sollentuna' AND i."isoWeek" = $1 AND i.status = 'ACTIVE'`, [week])) as [{ n: number }];
  expect(sheet.actualRowCount).toBe(n + 1);
  // A real date in the workbook, and the incident's own id.
  const first = sheet.getRow(2);
  expect(first.getCell(2).value).toBeInstanceOf(Date);
  const [{ found }] = (await sql<{ found: number }>(`SELECT count(*)::int AS found FROM incident WHERE id = $1`, [String(first.getCell(1).value)])) as [{ found: number }];
  expect(found).toBe(1);
});
