import { periodRange, shiftPeriod, weekKey } from "../lib/time/periods";
import { expect, placeOfItsOwn, signInAndWait, sql, test, USERS } from "./fixtures";

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("a reporter logs a week of incidents, one blocked by the PII guard and then redacted", async ({ page }) => {
    await signInAndWait(page, USERS.reporter);
    await page.getByRole("link", { name: "Rapportera" }).click();
    await expect(page.getByRole("heading", { name: /^Veckorapport v\. \d+ \d{4}$/ })).toBeVisible();
    const save = page.getByRole("button", { name: "Spara händelse" });
    await expect(save).toBeEnabled();
    // No horizontal scrolling at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const before = Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident`))[0]!.n);
    const week = await page.evaluate(() => location.pathname.split("/").pop()!);
    const rows = page.getByTestId("week-incidents").locator("tbody tr");
    const listed = await rows.count();

    // 1: an ordinary report.
    const [square, stairs, school] = [placeOfItsOwn("Edsbergs torg"), placeOfItsOwn("Tureberg centrum, vid trappan"), placeOfItsOwn("Edsbergsskolan")];
    await page.getByLabel("Kommundel").selectOption({ label: "Edsberg" });
    await page.getByLabel("Plats", { exact: true }).fill(square);
    await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Skadegörelse" });
    await page.getByLabel("Underkategori (valfritt)").selectOption({ label: "Klotter" });
    await page.getByLabel("Beskrivning").fill("Nytt klotter på fasaden vid entrén.");
    await save.click();
    await expect(page.getByRole("status").filter({ hasText: "Händelsen är sparad" })).toBeVisible();

    // 2: a description with a personnummer is blocked at the field, nothing is saved...
    await page.getByLabel("Plats", { exact: true }).fill(stairs);
    await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Otrygghetsskapande samling av personer" });
    await page.getByLabel("Beskrivning").fill("Grupp på ca 15 personer, en uppgav 19121212-1212 och ringde 070-123 45 67.");
    await expect(page.locator("#description-error")).toContainText("personnummer");
    await save.click();
    await expect(page.locator("#description-error")).toContainText("personnummer");
    const afterBlocked = Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident`))[0]!.n);
    expect(afterBlocked).toBe(before + 1);

    // ...then redacted with one click, keeping the rest of what was typed, and saved.
    await page.getByRole("button", { name: "Ta bort personuppgifter" }).click();
    await expect(page.getByLabel("Beskrivning")).toHaveValue("Grupp på ca 15 personer, en uppgav [personnummer borttaget] och ringde [telefonnummer borttaget].");
    await expect(page.getByLabel("Plats", { exact: true })).toHaveValue(stairs);
    await expect(page.locator("#description-error")).toHaveText("");
    await save.click();
    await expect(page.getByRole("status").filter({ hasText: "Händelsen är sparad" })).toBeVisible();

    // 3: a third one in the same sitting.
    await page.getByLabel("Plats", { exact: true }).fill(school);
    await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Otrygg plats" });
    await save.click();
    await expect(page.getByRole("status").filter({ hasText: "Händelsen är sparad" })).toBeVisible();

    await expect(rows).toHaveCount(listed + 3);
    expect(Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident`))[0]!.n)).toBe(before + 3);
    await expect(page.getByTestId("week-status")).toContainText(`${listed + 3} händelser rapporterade`);
    const stored = await sql<{ description: string }>(`SELECT description FROM incident WHERE "isoWeek" = $1 AND description LIKE '%borttaget%'`, [week]);
    expect(stored).toHaveLength(1);
    const leaked = await sql(`SELECT 1 FROM incident WHERE description LIKE '%1212%' OR place LIKE '%1212%'`);
    expect(leaked).toHaveLength(0);
  });
});

test("a reporter edits and withdraws an incident; the history shows each change", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  await page.goto("/incidents/new");
  await expect(page.getByRole("button", { name: "Spara händelse" })).toBeEnabled();
  await page.getByLabel("Kommundel").selectOption({ label: "Rotebro" });
  await page.getByLabel("Plats", { exact: true }).fill(placeOfItsOwn("Rotebro station"));
  await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Skadegörelse" });
  await page.getByRole("button", { name: "Spara händelse" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Händelsen är sparad" })).toBeVisible();
  await page.getByTestId("week-incidents").getByRole("link").first().click();

  await expect(page.getByRole("button", { name: "Spara ändringar" })).toBeEnabled();
  await page.getByLabel("Plats", { exact: true }).fill("Rotebro station, norra uppgången");
  await page.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ändringarna är sparade" })).toBeVisible();
  await expect(page.getByTestId("incident-history")).toContainText("Version 2: plats");

  await page.getByLabel("Varför dras händelsen tillbaka?").fill("Felrapporterad");
  await page.getByRole("button", { name: "Dra tillbaka händelsen" }).click();
  await expect(page.locator(".page-header .badge")).toHaveText("Tillbakadragen");
  await expect(page.getByTestId("incident-history")).toContainText("Version 3: anledning, status");
});

test("a user from another organisation cannot open or change an incident it may not see", async ({ page }) => {
  const [row] = await sql<{ id: string }>(`SELECT i.id FROM incident i JOIN municipality m ON m.id = i."municipalityId" WHERE m.slug = 'sollentuna' LIMIT 1`);
  await signInAndWait(page, USERS.vasby);
  const res = await page.goto(`/incidents/${row!.id}`);
  expect(res?.status()).toBe(404);
});

test("the coordinator sees the week's completeness and exports the list", async ({ page }) => {
  // A recent week in which Sollentunahem had nothing to report, and Kultur- och fritidskontoret
  // sent nothing at all: the seeded weeks alone leave it to the date whether anyone was silent.
  const week = shiftPeriod(weekKey(new Date()), -2);
  const orgOf = (code: string) => `(SELECT o.id FROM organisation o JOIN municipality m ON m.id = o."municipalityId" WHERE m.slug = 'sollentuna' AND o.code = '${code}')`;
  for (const code of ["sollentunahem", "kfk"]) await sql(`UPDATE incident SET status = 'WITHDRAWN' WHERE "isoWeek" = $1 AND "reporterOrgId" = ${orgOf(code)}`, [week]);
  await sql(`DELETE FROM weekly_report WHERE "isoWeek" = $1 AND "organisationId" = ${orgOf("kfk")}`, [week]);
  await signInAndWait(page, USERS.reporter);
  await page.goto(`/incidents/week/${week}`);
  await page.getByRole("button", { name: "Inget att rapportera denna vecka" }).click();
  await expect(page.getByTestId("week-status")).toContainText("Inget att rapportera");
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page.getByRole("heading", { name: "Logga in i EST" })).toBeVisible();

  await signInAndWait(page, USERS.coordinator);
  await page.goto("/incidents/completeness");
  const table = page.getByTestId("completeness");
  const hem = table.getByRole("row", { name: /Sollentunahem AB/ });
  await expect(hem.locator("td").nth(5)).toContainText("inget att rapportera");
  await expect(hem.locator("td").nth(7)).toContainText("rapporterat");
  await expect(table.getByRole("rowheader")).toHaveCount(6);
  const silent = table.getByRole("row", { name: /Kultur- och fritidskontoret/ }).locator("td").nth(5);
  await expect(silent).toHaveClass(/state-silent/);
  await expect(silent).toContainText("ej hörts av");

  await page.goto(`/incidents?period=${shiftPeriod(week, -1)}`);
  await expect(page.getByTestId("incident-total")).toContainText("händelser");
  const download = page.waitForEvent("download");
  await page.getByLabel("Format").selectOption("csv");
  await page.getByRole("link", { name: "Exportera", exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("handelser-sollentuna.csv");
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(text.startsWith("\uFEFFid,occurred_at,area,place,category,reporter_org,description")).toBe(true);
  const [{ n }] = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident i JOIN municipality m ON m.id = i."municipalityId" WHERE m.slug = 'sollentuna' AND i."isoWeek" = $1 AND i.status = 'ACTIVE'`, [shiftPeriod(week, -1)])) as [{ n: number }];
  expect(text.trim().split("\r\n")).toHaveLength(n + 1);
  // The export counted its rows as they arrived and says when it is done.
  await expect(page.getByRole("status").filter({ hasText: "Exporten är klar" })).toHaveText(`Exporten är klar: ${n.toLocaleString("sv-SE")} rader.`);
  // The reporter cannot see the completeness page.
  const reporterView = await page.context().browser()!.newContext();
  const p2 = await reporterView.newPage();
  await signInAndWait(p2, USERS.reporter);
  expect((await p2.goto("/incidents/completeness"))?.status()).toBe(404);
  await reporterView.close();
});

test("the incident list prefetches its menu but not a page per row", async ({ page }) => {
  await signInAndWait(page, USERS.coordinator);
  const prefetched: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"]) prefetched.push(new URL(r.url()).pathname);
  });
  const week = (await sql<{ week: string }>(
    `SELECT "isoWeek" AS week FROM incident WHERE "municipalityId" = (SELECT id FROM municipality WHERE slug = 'sollentuna') GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  ))[0]!.week;
  await page.goto(`/incidents?period=${week}`);
  await expect(page.locator("tbody tr").nth(5)).toBeVisible();
  await page.waitForLoadState("networkidle");
  // Prefetching runs (the menu's pages), so no row link being fetched is the rows' own doing.
  await expect.poll(() => prefetched.filter((p) => p === "/atgarder").length).toBeGreaterThan(0);
  expect(prefetched.filter((p) => /^\/incidents\/[0-9a-f-]{36}$/.test(p))).toEqual([]);

  // A row's link is a plain link, but a click on it still navigates inside the app (the page is
  // not loaded again), and a click with Ctrl stays the browser's own.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const first = page.locator("tbody tr").first().getByRole("link").first();
  const href = await first.getAttribute("href");
  await first.click();
  await expect(page).toHaveURL(href!);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await page.goBack();
  const [tab] = await Promise.all([page.context().waitForEvent("page"), page.locator("tbody tr").first().getByRole("link").first().click({ modifiers: ["ControlOrMeta"] })]);
  await expect(tab).toHaveURL(href!);
  await tab.close();
});

test("the report form comes without its validation library, which follows the page and then checks as before", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  const response = await page.goto("/incidents/new");
  const html = await response!.text();
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  // zod's core names its types "$ZodType"; none of the scripts the page starts with holds it.
  for (const src of scripts) expect(await (await page.request.get(src)).text(), src).not.toContain("$ZodType");
  // Nothing chosen: zod's messages appear at their fields, and nothing is sent.
  const before = Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident`))[0]!.n);
  await page.getByRole("button", { name: "Spara händelse" }).click();
  await expect(page.locator("#areaId-error")).toHaveText("Välj kommundel.");
  await expect(page.locator("#categoryId-error")).toHaveText("Välj kategori.");
  expect(Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident`))[0]!.n)).toBe(before);
});

test("the report form checks a field once it is left, focuses the first error on saving, and shows the server's refusal at its field", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  await page.goto("/incidents/new");
  const save = page.getByRole("button", { name: "Spara händelse" });
  await expect(save).toBeEnabled();
  const place = page.getByLabel("Plats", { exact: true });
  const placeError = page.locator("#place-error");

  // Untouched fields say nothing; a field left too short says why, and stops as soon as it is fixed.
  await place.fill("E");
  await expect(placeError).toHaveText("");
  await place.blur();
  await expect(placeError).toHaveText("Ange platsen, t.ex. ”Edsbergs torg”.");
  await expect(place).toHaveAttribute("aria-invalid", "true");
  await place.fill("Edsbergs torg");
  await expect(placeError).toHaveText("");

  // Saving with the area missing: the message at the area, the cursor moved there, nothing sent.
  const before = Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident`))[0]!.n);
  await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Skadegörelse" });
  await save.click();
  await expect(page.locator("#areaId-error")).toHaveText("Välj kommundel.");
  await expect(page.getByLabel("Kommundel")).toBeFocused();
  // After a save was tried, every field is checked as it changes.
  await page.getByLabel("Kommundel").selectOption({ label: "Edsberg" });
  await expect(page.locator("#areaId-error")).toHaveText("");

  // A date in the future passes the form's checks; the server refuses it at the date field and
  // what was typed stays.
  await page.getByLabel("Datum").fill("2099-01-01");
  await save.click();
  await expect(page.locator("#date-error")).toHaveText("Tidpunkten ligger i framtiden.");
  await expect(place).toHaveValue("Edsbergs torg");
  expect(Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident`))[0]!.n)).toBe(before);
  // The subcategory follows the category: a new category clears it.
  await page.getByLabel("Underkategori (valfritt)").selectOption({ label: "Klotter" });
  await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Otrygg plats" });
  await expect(page.getByLabel("Underkategori (valfritt)")).toHaveValue("");
});

test("a reporter entering a report of the same place, category and hour is asked about a possible duplicate: skip saves nothing, save anyway saves it (issue 25)", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  await page.goto("/incidents/new");
  const save = page.getByRole("button", { name: "Spara händelse" });
  await expect(save).toBeEnabled();
  const place = placeOfItsOwn("Helenelunds centrum, cykelstället");
  const count = async () => Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident WHERE place ILIKE $1`, [place]))[0]!.n);
  const enter = async (typed: string) => {
    await page.getByLabel("Kommundel").selectOption({ label: "Helenelund" });
    await page.getByLabel("Plats", { exact: true }).fill(typed);
    await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Otrygg plats" });
    await page.getByLabel("Beskrivning").fill("Trasig belysning vid cykelstället.");
    await save.click();
  };
  await enter(place);
  await expect(page.getByRole("status").filter({ hasText: "Händelsen är sparad" })).toBeVisible();

  // The same broken light again, a colleague typing the place in capitals: asked, not saved.
  await enter(place.toUpperCase());
  const prompt = page.getByTestId("duplicate");
  await expect(prompt).toContainText(`Möjlig dubblett: en rapport om ${place} i samma kategori finns redan kl.`);
  expect(await count()).toBe(1);
  await expect(page.getByLabel("Beskrivning")).toHaveValue("Trasig belysning vid cykelstället.");
  await prompt.getByRole("button", { name: "Hoppa över" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rapporten sparades inte – händelsen finns redan." })).toBeVisible();
  expect(await count()).toBe(1);

  // A second one the reporter knows to be new is saved on "Spara ändå".
  await enter(place);
  await prompt.getByRole("button", { name: "Spara ändå" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Händelsen är sparad" })).toBeVisible();
  expect(await count()).toBe(2);
});

test("a name, an age and a sensitive fact in the text are a warning: the reporter rewrites, or confirms and it is saved and counted (issue 30)", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  await page.goto("/incidents/new");
  const save = page.getByRole("button", { name: "Spara händelse" });
  await expect(save).toBeEnabled();
  const place = placeOfItsOwn("Rotebro station, perrongen");
  const saved = async () => sql<{ id: string; description: string }>(`SELECT id, description FROM incident WHERE place = $1`, [place]);
  await page.getByLabel("Kommundel").selectOption({ label: "Rotebro" });
  await page.getByLabel("Plats", { exact: true }).fill(place);
  await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Otrygg plats" });
  const description = page.getByLabel("Beskrivning");
  await description.fill("Kalle Svensson (15) verkade påverkad av narkotika. Mamman är känd av socialtjänsten.");
  // Said while typing, quoting what it is about.
  await expect(page.getByTestId("sensitive-hint")).toContainText("Texten verkar innehålla namn (”Kalle Svensson”), en ålder (”(15)”) och känsliga uppgifter");
  await save.click();
  const ask = page.getByTestId("sensitive");
  await expect(ask).toContainText("känsliga uppgifter om någon (”påverkad av narkotika”, ”känd av socialtjänsten”)");
  expect(await saved()).toEqual([]);

  // "Skriv om": back to the text, which is kept; rewritten about the place, it saves without asking.
  await ask.getByRole("button", { name: "Skriv om" }).click();
  await expect(description).toBeFocused();
  await expect(description).toHaveValue(/^Kalle Svensson/);
  await description.fill("Ungdomar samlas på perrongen kvällstid, en verkade påverkad.");
  await expect(page.getByTestId("sensitive-hint")).toHaveCount(0);
  await save.click();
  await expect(page.getByRole("status").filter({ hasText: "Händelsen är sparad" })).toBeVisible();
  expect((await saved()).map((r) => r.description)).toEqual(["Ungdomar samlas på perrongen kvällstid, en verkade påverkad."]);

  // Confirmed with one click: saved as written, and counted for the DPO – the kind, never the text.
  const hall = placeOfItsOwn("Rotebro station, väntsalen");
  await page.getByLabel("Plats", { exact: true }).fill(hall);
  await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Otrygg plats" });
  await description.fill("En 15-åring sov i väntsalen.");
  await save.click();
  await ask.getByRole("button", { name: "Texten kan sparas så" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Händelsen är sparad" })).toBeVisible();
  const [confirmed] = await sql<{ id: string; description: string }>(`SELECT id, description FROM incident WHERE place = $1`, [hall]);
  expect(confirmed!.description).toBe("En 15-åring sov i väntsalen.");
  const [audit] = await sql<{ details: { kinds: string[]; organisationId: string } }>(
    `SELECT details FROM audit_event WHERE action = 'incident:sensitive-confirmed' AND "entityId" = $1`, [confirmed!.id]);
  expect(audit!.details.kinds).toEqual(["ålder"]);
  const [org] = await sql<{ id: string }>(`SELECT "reporterOrgId" AS id FROM incident WHERE id = $1`, [confirmed!.id]);
  expect(audit!.details.organisationId).toBe(org!.id);
});

test("the list counts events: three reports of one broken light are '1 händelse – 3 rapporter', the copies marked", async ({ page }) => {
  // A week well back, in an area and category of its own, so that nothing else is in the filter.
  const week = shiftPeriod(weekKey(new Date()), -30);
  const [ids] = await sql<{ area: string; category: string }>(
    `SELECT a.id AS area, c.id AS category FROM municipality m JOIN area a ON a."municipalityId" = m.id AND a.code = 'ovriga'
     JOIN incident_category c ON c."municipalityId" = m.id AND c.code = 'otrygg_plats' WHERE m.slug = 'sollentuna'`,
  );
  await sql(`DELETE FROM incident WHERE "areaId" = $1 AND "categoryId" = $2 AND "isoWeek" = $3`, [ids!.area, ids!.category, week]);
  // Three spellings within 16 minutes on Wednesday evening; the same place again two hours later.
  const wednesday = periodRange(week).start.getTime() + 2 * 86_400_000 + 19 * 3_600_000;
  const reports: [string, number][] = [
    ["Trasig belysning vid Väsjöbacken", 0], ["TRASIG BELYSNING VID VÄSJÖBACKEN", 9], ["trasig belysning  vid Väsjöbacken", 16], ["Trasig belysning vid Väsjöbacken", 136],
  ];
  for (const [place, minutes] of reports) {
    await sql(
      `INSERT INTO incident ("municipalityId", "areaId", "categoryId", "reporterOrgId", place, "occurredAt", "isoWeek", "updatedAt")
       SELECT a."municipalityId", a.id, $2, o.id, $3, $4, $5, now()
       FROM area a JOIN organisation o ON o."municipalityId" = a."municipalityId" AND o.code = 'sollentunahem' WHERE a.id = $1`,
      [ids!.area, ids!.category, place, new Date(wednesday + minutes * 60_000), week],
    );
  }
  await signInAndWait(page, USERS.coordinator);
  await page.goto(`/incidents?period=${week}&areaId=${ids!.area}&categoryId=${ids!.category}`);
  await expect(page.getByTestId("incident-total")).toHaveText(`2 händelser – 4 rapporter (${week})`);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: "samma händelse" })).toHaveCount(2);
  // Newest first: the later report begins an event of its own, the first of the three is unmarked.
  await expect(rows.first()).not.toContainText("samma händelse");
  await expect(rows.last()).not.toContainText("samma händelse");
});

test("the quick-entry table saves nothing while a row is refused, says which row and why, and keeps what was typed", async ({ page }) => {
  const week = shiftPeriod(weekKey(new Date()), -1);
  const tag = Math.random().toString(36).replace(/[^a-z]/g, "").slice(0, 5);
  await signInAndWait(page, USERS.reporter);
  await page.goto(`/incidents/week/${week}/snabb`);
  await expect(page.getByRole("button", { name: /^Spara alla/ })).toBeEnabled();
  await page.getByLabel("Klockslag, rad 1").fill("1900");
  await page.getByLabel("Kommundel, rad 1").selectOption({ label: "Edsberg" });
  await page.getByLabel("Plats, rad 1").fill(`Edsbergs park ${tag}`);
  await page.getByLabel("Kategori, rad 1", { exact: true }).selectOption({ label: "Skadegörelse" });
  await page.getByLabel("Klockslag, rad 2").fill("2000");
  await page.getByLabel("Plats, rad 2").fill(`Edsbergs torg ${tag} 19121212-1212`);
  await expect(page.getByLabel("Kommundel, rad 2")).toHaveValue(await page.getByLabel("Kommundel, rad 1").inputValue());
  await page.getByRole("button", { name: "Spara alla (2)" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Inget sparades" })).toBeVisible();
  await expect(page.getByLabel("Plats, rad 2")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Plats, rad 2")).toBeFocused();
  await expect(page.getByTestId("quick-entry")).toContainText("personnummer");
  await expect(page.getByLabel("Plats, rad 1")).toHaveValue(`Edsbergs park ${tag}`);
  expect(await sql(`SELECT 1 FROM incident WHERE place LIKE $1`, [`% ${tag}%`])).toHaveLength(0);

  await page.getByLabel("Plats, rad 2").fill(`Edsbergs torg ${tag}`);
  await page.getByRole("button", { name: "Spara alla (2)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sparat: 2 st." })).toBeVisible();
  expect(await sql(`SELECT 1 FROM incident WHERE place LIKE $1 AND "isoWeek" = $2`, [`% ${tag}`, week])).toHaveLength(2);
});
