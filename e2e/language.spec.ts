import { randomUUID } from "node:crypto";
import { expect, signIn, sollentunaGroupId, sql, test, USERS, placeOfItsOwn } from "./fixtures";

// A user of their own with the role of `like`, so switching the language does not change what
// other tests see.
async function newUser(like: string, name: string, locale = "sv"): Promise<string> {
  const email = `english-${randomUUID().slice(0, 8)}@sollentunahem.example`;
  await sql(
    `WITH u AS (INSERT INTO "user" (email, name, "passwordHash", locale) SELECT $1, $3, "passwordHash", $4 FROM "user" WHERE email = $2 RETURNING id)
     INSERT INTO membership ("userId", "municipalityId", "organisationId", role)
     SELECT u.id, ms."municipalityId", ms."organisationId", ms.role FROM u, membership ms JOIN "user" r ON r.id = ms."userId" WHERE r.email = $2`,
    [email, like, name, locale],
  );
  return email;
}

async function newReporter(): Promise<string> {
  const email = await newUser(USERS.reporter, "Alex Reporter");
  // A member of EST Vecko, to read the week's lägesbild.
  await sql(`INSERT INTO group_member ("groupId", "userId") SELECT $1, id FROM "user" WHERE email = $2`, [await sollentunaGroupId("est-vecko"), email]);
  return email;
}

test("a user switches the app to English: menus, the report form, dates and counts follow; Swedish again on switching back", async ({ page }) => {
  const email = await newReporter();
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Mina grupper" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");

  await page.getByRole("link", { name: /Alex Reporter/ }).click();
  await expect(page.getByRole("heading", { name: "Mitt konto" })).toBeVisible();
  await page.getByRole("combobox", { name: "Språk" }).selectOption("en");
  await page.getByRole("button", { name: "Spara språk" }).click();
  await expect(page.getByRole("status")).toHaveText("The language is saved.");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const menu = page.getByRole("navigation", { name: "Main menu" });
  await expect(menu.getByRole("link", { name: "Incidents", exact: true })).toBeVisible();

  // The weekly report in English, including the client-side form and its confirmation.
  await menu.getByRole("link", { name: "Report", exact: true }).click();
  await expect(page.getByRole("heading", { name: /^Weekly report week \d+ \d{4}$/ })).toBeVisible();
  // Validation messages, written in Swedish in the schemas, reach the user in English.
  await page.getByRole("button", { name: "Save incident" }).click();
  await expect(page.locator("#place-error")).toHaveText("Enter the place, e.g. “Edsbergs torg”.");
  await expect(page.locator("#areaId-error")).toHaveText("Choose an area.");
  await page.getByLabel("Description").fill("Ring 070-123 45 67");
  await expect(page.locator("#description-error")).toContainText("The text contains a phone number.");
  await page.getByLabel("Area (kommundel)").selectOption({ label: "Edsberg" });
  await page.getByLabel("Place", { exact: true }).fill(placeOfItsOwn("Edsbergs torg"));
  await page.getByLabel("Category", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Description").fill("Broken lamp by the entrance");
  await page.getByRole("button", { name: "Save incident" }).click();
  await expect(page.getByRole("status")).toContainText(/The incident is saved \(week \d+ \d{4}\)/);

  // Counts are pluralised and dates spelled the English way (14 Feb 2026, 21:30).
  const table = page.getByTestId("week-incidents");
  await expect(table.getByRole("columnheader", { name: "When" })).toBeVisible();
  await expect(table.getByRole("link").first()).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  await expect(page.getByTestId("week-status")).toHaveText(/^(1 incident reported|\d+ incidents reported)$/);

  // The week's lägesbild: headings, the matrix, the weekday × hour table and the judgement form.
  await menu.getByRole("link", { name: "My groups", exact: true }).click();
  await page.getByRole("main").getByRole("link", { name: /EST Vecko/ }).first().click();
  await page.getByRole("link", { name: /lägesbild/i }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Lägesbild \(situation picture\) week \d+ \d{4}$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Incidents by area and category" })).toBeVisible();
  await expect(page.getByTestId("count-matrix").getByRole("columnheader", { name: "Total" })).toBeVisible();
  await expect(page.getByTestId("weekday-hour").getByRole("rowheader", { name: "Mon" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "The group's assessment" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download PDF" })).toBeVisible();

  // Back to Swedish.
  await page.getByRole("link", { name: /Alex Reporter/ }).click();
  await page.getByRole("combobox", { name: "Language" }).selectOption("sv");
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("status")).toHaveText("Språket är sparat.");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Händelser", exact: true })).toBeVisible();
});

test("refusals raised on the server reach an English-speaking coordinator in English, with their details", async ({ page }) => {
  await signIn(page, await newUser(USERS.coordinator, "Robin Coordinator", "en"));
  await expect(page.getByRole("heading", { name: "My groups" })).toBeVisible();
  await page.goto("/incidents/import");
  await expect(page.getByRole("heading", { name: "Import incidents" })).toBeVisible();
  const csv = (text: string) => ({ name: "incidents.csv", mimeType: "text/csv", buffer: Buffer.from(text) });

  // A domain error with values: the header lacks columns.
  await page.getByLabel("File (.xlsx or .csv)").setInputFiles(csv("place,area\nTorget,Edsberg\n"));
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.locator(".alert-error")).toContainText("The header row lacks the columns occurred_at, category, reporter_org. Expected: occurred_at,area,");

  // Each row's problem, with the value that was wrong.
  await page.getByLabel("File (.xlsx or .csv)").setInputFiles(csv("occurred_at,area,place,category,reporter_org\n2026-11-02 21:30,Atlantis,Torget,Skadegörelse,Sollentunahem AB\n"));
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("import-report")).toContainText("Rows: 1; valid: 0, invalid: 1.");
  await expect(page.getByTestId("import-issues").getByRole("row", { name: /^2 area/ })).toContainText("unknown area “Atlantis”");

  // The accessibility statement, too, is in the reader's language.
  await page.goto("/tillganglighet");
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement for EST" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
