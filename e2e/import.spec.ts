import { expect, signInAndWait, sql, test, USERS } from "./fixtures";

const HEADER = "occurred_at,area,place,category,reporter_org,description,latitude,longitude,external_id";
const file = (rows: string[]) => ({ name: "handelser.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${HEADER}\n${rows.join("\n")}\n`) });

test("the coordinator previews an import, sees each bad row, then imports the valid ones", async ({ page }) => {
  await signInAndWait(page, USERS.coordinator);
  await page.goto("/incidents");
  await page.getByRole("link", { name: "Importera CSV" }).click();
  await expect(page.getByRole("heading", { name: "Importera händelser" })).toBeVisible();
  const count = async () => Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident WHERE "externalId" LIKE 'E2E-%'`))[0]!.n);

  await page.getByLabel("CSV-fil").setInputFiles(
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
  await expect(page.getByTestId("import-report")).toContainText("Klart: 2 nya och 0 uppdaterade händelser.");
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
