import { periodRange, shiftPeriod, weekKey } from "../lib/time/periods";
import { expect, insertBurst, openMenu, signInAndWait, signOut, sollentunaGroupId, sql, test, USERS, waitForMail } from "./fixtures";

const TITLE = "Klottersanering inom 24 timmar i Tureberg";

test("the owner organisation follows up its action; the coordinator marks it done and judges its effect; the owner is told", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  await page.getByRole("link", { name: "Åtgärder" }).click();
  await page.getByRole("link", { name: "Min organisations" }).click();
  await page.getByTestId("measure-table").getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText("Åtgärden har inte startat än.")).toBeVisible();
  await page.getByRole("textbox", { name: `Uppföljning av ${TITLE}` }).fill("Sanerat vid skolan och busshållplatsen.");
  await page.getByRole("button", { name: "Lägg till uppföljning" }).click();
  await expect(page.getByText("Sanerat vid skolan och busshållplatsen.")).toBeVisible();
  await expect(page.getByTestId("judgement-form")).toHaveCount(0);
  await signOut(page);

  await signInAndWait(page, USERS.coordinator);
  await page.goto("/atgarder?view=all&status=OPEN");
  await page.getByTestId("measure-table").getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("button", { name: "Ändra status" })).toBeEnabled();
  await page.getByLabel("Status").selectOption({ label: "Avbruten" });
  await page.getByRole("button", { name: "Ändra status" }).click();
  await expect(page.locator("#m-reason-error")).toHaveText("Skriv varför åtgärden avbryts.");
  await page.getByLabel("Status").selectOption({ label: "Genomförd" });
  await page.getByRole("button", { name: "Ändra status" }).click();
  await expect(page.locator("#m-done-verdict-error")).toHaveText("Bedöm effekten, eller välj ”Bedöms senare”.");
  await page.getByLabel("Hjälpte åtgärden?").selectOption({ label: "Bedöms senare" });
  await page.getByRole("button", { name: "Ändra status" }).click();
  await expect(page.locator(".lead").getByText("Genomförd")).toBeVisible();
  await expect(page.getByTestId("verdict")).toContainText("Bedöms senare");
  await page.getByRole("button", { name: "Spara bedömningen" }).click();
  await expect(page.locator("#m-verdict-error")).toHaveText("Välj en bedömning.");
  await page.getByLabel("Bedömning", { exact: true }).selectOption({ label: "Gav effekt" });
  await page.getByLabel("Motivering").fill("Mindre klotter kvar efter helgerna.");
  await page.getByRole("button", { name: "Spara bedömningen" }).click();
  await expect(page.getByTestId("verdict")).toContainText("Gav effekt – Mindre klotter kvar efter helgerna.");

  const mail = await waitForMail(USERS.reporter, `Åtgärden ”${TITLE}” är genomförd`);
  expect(mail.text).toContain("/atgarder/");

  // An action that has run for two months gets its before/after evaluation.
  await page.goto("/atgarder");
  await page.getByTestId("measure-table").getByRole("link", { name: "Förstärkt belysning vid Edsbergs torg" }).click();
  await expect(page.getByTestId("effect-sentence")).toContainText("Edsbergs torg: ");
  await expect(page.getByTestId("effect-sentence")).toContainText("under 56 dagar före");
  await page.getByLabel("Veckor före och efter").fill("4");
  await page.getByRole("button", { name: "Räkna om" }).click();
  await expect(page.getByTestId("effect-sentence")).toContainText("under 28 dagar före");
});

test("EST Ledning sees which nämnder lack indicators and the unmet agreement commitments; the coordinator records a value, and a wrong unit is refused", async ({ page }) => {
  await signInAndWait(page, USERS.ledning);
  await openMenu(page, "Uppföljning");
  await page.getByRole("link", { name: "Indikatorer" }).click();
  await expect(page.getByTestId("boards-without")).toContainText("Stadsbyggnadsnämnden");
  await expect(page.getByTestId("value-form")).toHaveCount(0);
  await openMenu(page, "Uppföljning");
  await page.getByRole("link", { name: "Samverkan", exact: true }).click();
  await expect(page.getByTestId("unmet")).toContainText("Utveckla avhopparverksamheten");
  await expect(page.getByTestId("unmet")).toContainText("Inte uppfyllt");
  await signOut(page);

  await signInAndWait(page, USERS.coordinator);
  await page.goto("/indikatorer");
  const missingBefore = Number(await page.getByTestId("missing-count").textContent());
  await page.getByRole("link", { name: "Andel som känner sig trygga i sitt område kvällstid" }).click();
  await expect(page.getByRole("button", { name: "Registrera värdet" })).toBeEnabled();
  await page.getByLabel("Värde (%)").fill("142");
  await page.getByRole("button", { name: "Registrera värdet" }).click();
  await expect(page.locator("#v-value-error")).toHaveText("Värdet är en andel i procent och ska ligga mellan 0 och 100.");
  await expect(page.getByLabel("Värde (%)")).toHaveValue("142");
  await page.getByLabel("Värde (%)").fill("41,5");
  await page.getByRole("button", { name: "Registrera värdet" }).click();
  await expect(page.getByTestId("value-table")).toContainText("41,5 %");
  await page.goto("/indikatorer");
  await expect(page.getByTestId("missing-count")).toHaveText(String(missingBefore - 1));

  // The nämnd without an indicator gets one.
  await page.getByTestId("boards-without").getByRole("link", { name: "lägg till indikator" }).click();
  await expect(page.locator("#i-board")).toHaveValue("Stadsbyggnadsnämnden");
  await page.getByLabel("Indikator", { exact: true }).fill("Andel trygga längs nya gång- och cykelstråk");
  await page.getByLabel("Utgångsvärde").fill("48,5");
  await page.getByLabel("Delmål").fill("2025 blir 52");
  await page.getByRole("button", { name: "Spara indikatorn" }).click();
  await expect(page.locator("#i-miles-error")).toHaveText("Skriv delmål som ”2025: 40; 2030: 50”.");
  await page.getByLabel("Delmål").fill("2025: 52; 2030: 60");
  await page.getByRole("button", { name: "Spara indikatorn" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Andel trygga längs nya gång- och cykelstråk" })).toBeVisible();
  await page.goto("/indikatorer");
  await expect(page.getByTestId("boards-without")).toContainText("Alla");
});

test("a coordinator imports survey values; a bad file is refused row by row and saves nothing", async ({ page }) => {
  await signInAndWait(page, USERS.coordinator);
  await openMenu(page, "Uppföljning");
  await page.getByRole("link", { name: "Trygghetsmätningar" }).click();
  const header = "kalla;serie;enhet;period;omrade;grupp;varde;svarande";
  await expect(page.getByRole("button", { name: "Importera" })).toBeEnabled();
  await page.getByLabel("CSV-fil").setInputFiles({ name: "ntu.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\nBrå NTU;Andel otrygga;%;2024;Atlantis;;12;\n`) });
  await page.getByRole("button", { name: "Importera" }).click();
  await expect(page.getByTestId("context-errors")).toContainText("Rad 2, omrade");
  await expect(page.getByTestId("context-series")).toHaveCount(0);
  await page.getByLabel("CSV-fil").setInputFiles({ name: "ntu.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\nBrå NTU;Andel otrygga;%;2024;Edsberg;;21,5;14\nBrå NTU;Andel otrygga;%;2025;Edsberg;;19;120\n`) });
  await page.getByRole("button", { name: "Importera" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 värden i 1 serier importerade." })).toBeVisible();
  const series = page.getByTestId("context-series");
  await expect(series).toContainText("Andel otrygga");
  // 21,5 % of 14 respondents could be anything from 8 to 48 %: marked, with its interval.
  await expect(series.getByTitle("95 % osäkerhetsintervall 8–48 % (14 svarande)")).toBeVisible();
  await expect(series.getByRole("row", { name: /^2025/ }).locator("abbr.uncertain")).toHaveCount(0);

  // Kolada's indicator JSON through the same form: the municipality's values, with the county's
  // and the country's kept as reference groups beside them.
  const kolada = { values: [2024, 2025].flatMap((period) => [["0163", 12.5], ["0001", 14], ["0000", 15.5]].map(([municipality, value]) => ({ kpi: "N07403", municipality, period, values: [{ gender: "T", status: "", count: 1, value }] }))) };
  await page.getByLabel("CSV-fil").setInputFiles({ name: "kolada.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(kolada)) });
  await page.getByRole("button", { name: "Importera" }).click();
  await expect(page.getByRole("status").filter({ hasText: "6 värden i 1 serier importerade." })).toBeVisible();
  await expect(page.getByTestId("context-series").filter({ hasText: "N07403" })).toContainText("Kolada");
});

test("from a lägesbild decision to a judged action: the coordinator decides, the owner follows up and marks it done with its effect", async ({ page }) => {
  const week = shiftPeriod(weekKey(new Date()), -3);
  const vecko = await sollentunaGroupId("est-vecko");
  const title = "Tätare städning vid Helenelunds station";
  await insertBurst({ week, area: "helenelund", category: "skadegorelse", organisation: "sollentunahem", place: "Helenelunds pendeltågsstation", count: 3, startIso: new Date(periodRange(week).start.getTime() + 30 * 3_600_000).toISOString() });
  await signInAndWait(page, USERS.coordinator);
  await page.goto(`/groups/${vecko}/lagesbild/${week}`);
  await page.getByLabel("Åtgärd", { exact: true }).fill(title);
  await page.getByLabel("Ansvarig organisation").selectOption({ label: "Sollentunahem AB" });
  await page.getByLabel("Kommundel (valfritt)").selectOption({ label: "Helenelund" });
  await page.getByRole("button", { name: "Lägg till åtgärd" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Åtgärden ”${title}” är skapad.` })).toBeVisible();
  await signOut(page);

  await signInAndWait(page, USERS.reporter);
  await page.goto("/atgarder?view=mine");
  await page.getByTestId("measure-table").getByRole("link", { name: title }).click();
  await expect(page.getByText(`beslut i lägesbild`)).toBeVisible();
  // The week's incidents in Helenelund are the decision's evidence, the burst at the station among them.
  await expect(page.getByRole("region", { name: "Underlag" })).toContainText("Helenelunds pendeltågsstation");
  await page.getByRole("textbox", { name: `Uppföljning av ${title}` }).fill("Städning varje morgon sedan måndag.");
  await page.getByRole("button", { name: "Lägg till uppföljning" }).click();
  await expect(page.getByText("Städning varje morgon sedan måndag.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ändra status" })).toBeEnabled();
  await page.getByLabel("Status").selectOption({ label: "Genomförd" });
  await page.getByLabel("Hjälpte åtgärden?").selectOption({ label: "Delvis effekt" });
  await page.getByRole("button", { name: "Ändra status" }).click();
  await expect(page.locator(".lead").getByText("Genomförd")).toBeVisible();
  await expect(page.getByTestId("verdict")).toContainText("Delvis effekt");
});

test("the coordinator records how an action's effect will be judged: target categories, comparison and windows; overlapping windows are refused at the field", async ({ page }) => {
  // An action starting in a week: its plan is recorded before the after window begins.
  const start = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
  const [row] = await sql<{ id: string }>(
    `INSERT INTO measure ("municipalityId", title, "ownerOrgId", "areaId", place, status, "startDate", "dueDate", origin, "updatedAt")
     SELECT m.id, 'Väktare vid Edsbergs torg kvällstid', o.id, a.id, 'Edsbergs torg', 'PLANNED', $1::date, $1::date + 60, 'OTHER', now()
     FROM municipality m JOIN organisation o ON o."municipalityId" = m.id AND o.code = 'trygghetsvardar' JOIN area a ON a."municipalityId" = m.id AND a.code = 'edsberg'
     WHERE m.slug = 'sollentuna' RETURNING measure.id`,
    [start],
  );
  await signInAndWait(page, USERS.coordinator);
  await page.goto(`/atgarder/${row!.id}`);
  const form = page.getByRole("form", { name: "Utvärderingsplan" });
  await expect(form.getByRole("button", { name: "Spara planen" })).toBeEnabled();
  // Eight weeks on either side of the start are offered.
  await expect(form.getByLabel("Efter: första dag")).toHaveValue(start);
  await form.getByRole("button", { name: "Spara planen" }).click();
  await expect(form.locator("#ev-categories-error")).toHaveText("Välj minst en kategori som åtgärden ska påverka.");
  await form.getByLabel("Skadegörelse").check();
  await form.getByLabel("Otrygghetsskapande samling av personer").check();
  await form.getByLabel("Valda kommundelar").check();
  await form.getByLabel("Helenelund").check();
  await form.getByLabel("Tureberg").check();
  const beforeLast = await form.getByLabel("Före: sista dag").inputValue();
  await form.getByLabel("Efter: första dag").fill(beforeLast);
  await form.getByRole("button", { name: "Spara planen" }).click();
  await expect(form.locator("#ev-after-first-error")).toContainText(`Fönstren överlappar: perioden efter börjar ${beforeLast}`);
  await expect(form.getByLabel("Skadegörelse")).toBeChecked();
  await form.getByLabel("Efter: första dag").fill(start);
  await form.getByRole("button", { name: "Spara planen" }).click();
  await expect(form.getByRole("status")).toHaveText("Planen är sparad.");
  await expect(page.getByTestId("effect-waiting")).toContainText("Utvärderingsplanen är sparad: perioden efter börjar");
  const [saved] = await sql<{ categories: number; control: number; first: string }>(
    `SELECT cardinality("categoryIds") AS categories, cardinality("controlAreaIds") AS control, to_char("afterFirst", 'YYYY-MM-DD') AS first FROM measure_evaluation WHERE "measureId" = $1`,
    [row!.id],
  );
  expect(saved).toEqual({ categories: 2, control: 2, first: start });
});
