import type { Locator, Page } from "@playwright/test";
import { shiftPeriod, tertialKey, weekKey } from "../lib/time/periods";
import { stockholmDay } from "../lib/time/zone";
import { expect, signInAndWait, sql, test, USERS } from "./fixtures";

// The three main journeys by keyboard alone: Tab to each control (it must be reachable, in an
// order that gets there), see where the focus is (a visible focus ring), type, and press Enter
// or Space. No clicks. Page loads stand for typing an address or following a bookmark.

/** Tabs forward until `target` has focus, checking on the way that focus is always visible. */
async function tabTo(page: Page, target: Locator, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return "none";
      const style = getComputedStyle(el);
      return style.boxShadow !== "none" || (style.outlineStyle !== "none" && style.outlineWidth !== "0px") ? "visible" : `${el.outerHTML.slice(0, 160)} box-shadow=${style.boxShadow} outline=${style.outlineStyle}`;
    });
    expect(ring === "none" || ring === "visible", `focus is visible (${ring})`).toBe(true);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`could not reach ${target} with Tab`);
}

test("a reporter logs an incident with the keyboard alone", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  await page.goto("/incidents/new");
  const save = page.getByRole("button", { name: "Spara händelse" });
  await expect(save).toBeEnabled();
  const place = `Tangentbordstorget ${Math.random().toString(36).replace(/[^a-z]/g, "").slice(0, 6)}`;
  await tabTo(page, page.getByLabel("Kommundel"));
  await page.keyboard.type("Edsberg");
  await expect(page.getByLabel("Kommundel")).not.toHaveValue("");
  await tabTo(page, page.getByLabel("Plats", { exact: true }));
  await page.keyboard.type(place);
  await tabTo(page, page.getByLabel("Kategori", { exact: true }));
  // A select's type-ahead takes key presses; letters like "ö" arrive as text input, so stop before it.
  await page.keyboard.type("Skadeg");
  await expect(page.getByLabel("Kategori", { exact: true })).not.toHaveValue("");
  await tabTo(page, page.getByLabel("Beskrivning"));
  await page.keyboard.type("Klotter på skylten, anmält med tangentbordet.");
  await tabTo(page, save);
  await page.keyboard.press("Enter");
  const banner = page.getByRole("status").filter({ hasText: "Händelsen är sparad" });
  await expect(banner).toBeVisible();
  expect(await sql(`SELECT 1 FROM incident WHERE place = $1`, [place])).toHaveLength(1);

  // The next one starts at the first field, with where and what kind kept from this one.
  await expect(page.getByLabel("Datum")).toBeFocused();
  await expect(page.getByLabel("Plats", { exact: true })).toHaveValue(place);
  await expect(page.getByLabel("Kommundel")).not.toHaveValue("");
  await expect(page.getByLabel("Kategori", { exact: true })).not.toHaveValue("");
  await expect(page.getByLabel("Beskrivning")).toHaveValue("");
  // A date typed as digits only (yesterday, Stockholm time) is read as ÅÅÅÅ-MM-DD.
  const yesterday = stockholmDay(Date.now() - 86_400_000);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(yesterday.replaceAll("-", ""));
  // A blocked attempt clears the last save's banner: the place emptied, then Enter.
  await tabTo(page, page.getByLabel("Plats", { exact: true }));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  await tabTo(page, save);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Plats", { exact: true })).toBeFocused();
  await expect(banner).toHaveCount(0);
  await page.keyboard.type(`${place} norra`);
  await tabTo(page, save);
  await page.keyboard.press("Enter");
  await expect(banner).toBeVisible();
  const [second] = await sql<{ day: string; same: boolean }>(
    `SELECT to_char(i."occurredAt" AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS day, i."categoryId" = f."categoryId" AND i."areaId" = f."areaId" AS same
     FROM incident i JOIN incident f ON f.place = $1 WHERE i.place = $2`, [place, `${place} norra`]);
  expect(second).toEqual({ day: yesterday, same: true });
});

test("a reporter enters a week's five incidents in the quick-entry table by keyboard alone, well inside three minutes", async ({ page }) => {
  // Last week: every time of day is in the past, whatever the clock says now.
  const week = shiftPeriod(weekKey(new Date()), -1);
  await signInAndWait(page, USERS.reporter);
  await page.goto(`/incidents/week/${week}`);
  await page.getByRole("link", { name: "Flera händelser på en gång (snabbregistrering)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Flera händelser");
  await expect(page.getByRole("button", { name: /^Spara alla/ })).toBeEnabled();
  const tag = Math.random().toString(36).replace(/[^a-z]/g, "").slice(0, 5);
  // Per row what a reporter types; empty: the value the row took from the row above.
  const incidents = [
    { time: "1830", area: "Eds", place: `Edsbergs torg ${tag}`, category: "Skadeg", text: "Klotter på väggen." },
    { time: "2015", area: "", place: `Edsbergs skola ${tag}`, category: "", text: "" },
    { time: "2140", area: "Rot", place: `Rotebro station ${tag}`, category: "Otrygghetsskap", text: "Grupp vid spärrarna." },
    { time: "2205", area: "", place: `Rotebro centrum ${tag}`, category: "", text: "" },
    // A select's type-ahead takes key presses; "ä" arrives as text input, so no "Häg" here.
    { time: "2230", area: "Norr", place: `Norrvikens station ${tag}`, category: "Otrygg p", text: "" },
  ];
  let keys = 0;
  let fields = 0;
  const type = async (text: string) => {
    if (!text) return;
    await page.keyboard.type(text);
    keys += text.length;
    fields++;
  };
  const tab = async () => {
    await page.keyboard.press("Tab");
    keys++;
  };
  await page.getByLabel("Datum, rad 1").focus();
  for (const [i, row] of incidents.entries()) {
    // Datum was filled with the week's Monday, and each row takes it from the one above.
    await expect(page.getByLabel(`Datum, rad ${i + 1}`)).toBeFocused();
    await tab();
    await type(row.time);
    await tab();
    await type(row.area);
    await tab();
    await type(row.place);
    await tab();
    await type(row.category);
    await tab();
    await type(row.text);
    if (i < incidents.length - 1) await tab();
  }
  await page.keyboard.press("Enter");
  keys++;
  await expect(page.getByRole("status").filter({ hasText: "Sparat: 5 st." })).toBeVisible();
  await expect(page.getByLabel("Datum, rad 1")).toBeFocused();
  const saved = await sql<{ place: string; area: string; category: string; week: string }>(
    `SELECT i.place, a.name AS area, c.code AS category, i."isoWeek" AS week FROM incident i JOIN area a ON a.id = i."areaId" JOIN incident_category c ON c.id = i."categoryId" WHERE i.place LIKE $1 ORDER BY i."occurredAt"`,
    [`% ${tag}`],
  );
  expect(saved.map((r) => [r.place.split(" ").slice(0, -1).join(" "), r.area, r.category, r.week])).toEqual([
    ["Edsbergs torg", "Edsberg", "skadegorelse", week], ["Edsbergs skola", "Edsberg", "skadegorelse", week],
    ["Rotebro station", "Rotebro", "samling", week], ["Rotebro centrum", "Rotebro", "samling", week], ["Norrvikens station", "Norrviken", "otrygg_plats", week],
  ]);
  // The keystroke-level model (Card, Moran & Newell): 0.28 s a key press for an average typist,
  // 1.35 s to think before each field filled in. A count, not a stopwatch.
  const seconds = keys * 0.28 + fields * 1.35;
  console.log(`quick entry, 5 incidents: ${fields} fields filled, ${keys} key presses, about ${Math.round(seconds)} s by the keystroke-level model`);
  expect(seconds).toBeLessThan(180);
});

test("a coordinator adds an action and publishes the week's lägesbild with the keyboard alone", async ({ page }) => {
  // Upplands Väsby's group and an older week: the lägesbild journey in lagesbild.spec.ts owns Sollentuna's last week.
  const [group] = await sql<{ id: string }>(`SELECT g.id FROM est_group g JOIN municipality m ON m.id = g."municipalityId" WHERE m.slug = 'upplands-vasby' AND g.slug = 'est-vecko'`);
  const week = shiftPeriod(weekKey(new Date()), -3);
  await signInAndWait(page, USERS.vasby);
  await page.goto(`/groups/${group!.id}/lagesbild/${week}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Lägesbild v\. \d+ \d{4}$/);
  // Fields take input once the page is ready; until then Tab passes them by.
  await expect(page.getByRole("button", { name: "Lägg till åtgärd" })).toBeEnabled();

  // In the meeting's order: the assessment, the decision beside it, publishing last.
  await tabTo(page, page.getByLabel("Bedömning", { exact: true }));
  await page.keyboard.type("Lugn vecka; belysningen vid stationen åtgärdas.");
  const title = "Belysning ses över vid stationen";
  await tabTo(page, page.getByLabel("Åtgärd", { exact: true }));
  await page.keyboard.type(title);
  await tabTo(page, page.getByLabel("Ansvarig organisation"));
  await page.keyboard.type("Kommunledning");
  await expect(page.getByLabel("Ansvarig organisation")).not.toHaveValue("");
  await tabTo(page, page.getByRole("button", { name: "Lägg till åtgärd" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Åtgärden ”${title}” är skapad.` })).toBeVisible();

  await expect(page.getByTestId("save-state")).toHaveText("Alla ändringar är sparade.", { timeout: 15_000 });
  await tabTo(page, page.getByRole("button", { name: "Publicera lägesbilden" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Publicera ändå" }));
  await page.keyboard.press("Space");
  await expect(page.locator(".lead .badge")).toContainText("Publicerad");
  await expect(page.getByTestId("measures")).toContainText(title);
});

test("EST Ledning opens the tertial analysis and drills down to the incidents with the keyboard alone", async ({ page }) => {
  const tertial = shiftPeriod(tertialKey(new Date()), -1);
  await signInAndWait(page, USERS.ledning);
  await page.goto("/tertial");
  await tabTo(page, page.getByTestId("tertial-list").getByRole("link", { name: new RegExp(`^T${tertial.slice(-1)} ${tertial.slice(0, 4)}`) }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tertialanalys");
  const edsberg = page.getByTestId("area-section").filter({ has: page.getByRole("heading", { name: /^Edsberg/ }) });
  await tabTo(page, edsberg.getByRole("link", { name: /händelser$/ }).first(), 400);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Händelser bakom siffran" })).toBeVisible();
});
