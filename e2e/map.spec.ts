import { shiftPeriod, weekKey } from "../lib/time/periods";
import { expect, openMenu, signInAndWait, sollentunaGroupId, sql, test, USERS } from "./fixtures";

const outline = (name: string, lng: number, lat: number) => ({
  type: "Feature",
  properties: { name },
  geometry: { type: "Polygon", coordinates: [[[lng - 0.01, lat - 0.005], [lng + 0.01, lat - 0.005], [lng + 0.01, lat + 0.005], [lng - 0.01, lat + 0.005], [lng - 0.01, lat - 0.005]]] },
});

test("the map shows the period's incidents and the uploaded outlines without any outside request", async ({ page }) => {
  const outside: string[] = [];
  page.on("request", (r) => {
    const host = new URL(r.url()).hostname;
    if (!["localhost", "127.0.0.1"].includes(host) && !r.url().startsWith("data:")) outside.push(r.url());
  });
  await signInAndWait(page, USERS.admin);
  await openMenu(page, "Administration");
  await page.getByRole("link", { name: "Kommundelar" }).click();
  await expect(page.getByRole("button", { name: "Ladda upp" })).toBeDisabled();
  const geojson = { type: "FeatureCollection", features: [outline("Edsberg", 17.986, 59.445), outline("tureberg", 17.937, 59.429), outline("Narnia", 10, 50)] };
  await page.getByLabel("GeoJSON med kommundelarnas avgränsningar").setInputFiles({ name: "omraden.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify(geojson)) });
  await page.getByRole("button", { name: "Ladda upp" }).click();
  await expect(page.getByRole("status")).toContainText("2 kommundelar fick en avgränsning. Okända i filen: Narnia.");
  await expect(page.getByTestId("areas").getByRole("row", { name: /^Edsberg/ })).toContainText("Finns");
  // The kommundelar not in the file keep the seed's approximate outlines, and the page says so.
  await expect(page.getByTestId("areas").getByRole("row", { name: /^Helenelund/ })).toContainText("Ungefärlig");

  // A broken file is refused at the field and changes nothing.
  await page.getByLabel("GeoJSON med kommundelarnas avgränsningar").setInputFiles({ name: "trasig.geojson", mimeType: "application/json", buffer: Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feature"}]}') });
  await page.getByRole("button", { name: "Ladda upp" }).click();
  await expect(page.locator("#file-error")).toContainText("Ogiltig GeoJSON");
  // Over 5 MB: refused by the upload's own route, which counts the bytes (the actions keep 1 MB).
  await page.getByLabel("GeoJSON med kommundelarnas avgränsningar").setInputFiles({ name: "stor.geojson", mimeType: "application/geo+json", buffer: Buffer.alloc(5 * 1024 * 1024 + 1, " ") });
  await page.getByRole("button", { name: "Ladda upp" }).click();
  await expect(page.locator("#file-error")).toContainText("Filen är större än 5 MB.");

  const week = (await sql<{ w: string }>(`SELECT "isoWeek" AS w FROM incident WHERE latitude IS NOT NULL ORDER BY "occurredAt" DESC LIMIT 1`))[0]!.w;
  await page.goto("/incidents/map?period=" + week);
  await expect(page.getByTestId("incident-map")).toHaveClass(/leaflet-container/);
  // The newest week with a pinned report may hold only one (early in a week): "1 händelse".
  await expect(page.locator(".lead")).toContainText(/[1-9]\d* händelser? med plats/);
  // The map as a table, one click away: its places, counted, the busiest first.
  await page.getByText("Visa som tabell").click();
  const busiest = (await sql<{ place: string; n: number }>(
    `SELECT place, count(*)::int AS n FROM incident WHERE latitude IS NOT NULL AND "isoWeek" = $1 AND status = 'ACTIVE'
     AND "municipalityId" = (SELECT id FROM municipality WHERE slug = 'sollentuna') GROUP BY place, "categoryId" ORDER BY n DESC LIMIT 1`, [week]))[0]!;
  await expect(page.getByTestId("map-table").locator("tbody tr").first().locator("td").last()).toHaveText(String(busiest.n));
  // Drawn with the kommundelar's outlines – the seed's approximate ones among them, which the page states.
  await expect(page.getByTestId("approximate-outlines")).toContainText("ungefärliga");
  await page.getByRole("link", { name: "Värmekarta" }).click();
  await expect(page.locator(".leaflet-heatmap-layer")).toHaveCount(1);
  expect(outside).toEqual([]);
});

test("a reporter drops a map pin on the incident", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  await page.goto("/incidents/new");
  await expect(page.getByRole("button", { name: "Spara händelse" })).toBeEnabled();
  await page.getByLabel("Kommundel").selectOption({ label: "Helenelund" });
  await page.getByLabel("Plats", { exact: true }).fill("Helenelunds station, gångbron");
  await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Otrygg plats" });
  await page.getByRole("button", { name: "Markera på karta" }).click();
  const map = page.getByTestId("pin-picker");
  await expect(map).toHaveClass(/leaflet-container/);
  await map.click({ position: { x: 120, y: 90 } });
  await expect(page.getByText(/Kartnål \(valfritt\): 59\.\d+, 17\.\d+/)).toBeVisible();
  await page.getByRole("button", { name: "Spara händelse" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Händelsen är sparad" })).toBeVisible();
  const [row] = await sql<{ latitude: number; longitude: number }>(`SELECT latitude, longitude FROM incident WHERE place = 'Helenelunds station, gångbron'`);
  expect(row!.latitude).toBeGreaterThan(59);
  expect(row!.longitude).toBeGreaterThan(17);
});

test("a pin inside a kommundel's outline chooses that kommundel, and says so", async ({ page }) => {
  // Edsberg's outline as the admin uploads it (the first test in this file does so through the page).
  const edsberg = outline("Edsberg", 17.986, 59.445).geometry;
  await sql(`UPDATE area SET outline = $1::jsonb WHERE code = 'edsberg' AND "municipalityId" = (SELECT id FROM municipality WHERE slug = 'sollentuna')`, [JSON.stringify(edsberg)]);
  await page.context().grantPermissions(["geolocation"]);
  await page.context().setGeolocation({ latitude: 59.4452, longitude: 17.9861 });
  await signInAndWait(page, USERS.reporter);
  await page.goto("/incidents/new");
  await expect(page.getByRole("button", { name: "Spara händelse" })).toBeEnabled();
  await page.getByLabel("Kommundel").selectOption({ label: "Helenelund" });
  await page.getByRole("button", { name: "Min position" }).click();
  await expect(page.getByTestId("area-from-pin")).toHaveText("Kommundelen blev Edsberg efter kartnålen.");
  await expect(page.getByLabel("Kommundel")).toHaveValue(await page.getByLabel("Kommundel").locator("option", { hasText: "Edsberg" }).getAttribute("value") as string);
  // Outside every outline nothing is chosen for the reporter.
  await page.getByRole("button", { name: "Ta bort kartnålen" }).click();
  await page.context().setGeolocation({ latitude: 59.40, longitude: 17.80 });
  await page.getByRole("button", { name: "Min position" }).click();
  await expect(page.getByText(/Kartnål \(valfritt\): 59\.4, 17\.8/)).toBeVisible();
  await expect(page.getByTestId("area-from-pin")).toHaveText("");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("the lägesbild's map is drawn when scrolled to, not with the page", async ({ page }) => {
    const vecko = await sollentunaGroupId("est-vecko");
    await signInAndWait(page, USERS.coordinator);
    await page.goto(`/groups/${vecko}/lagesbild/${shiftPeriod(weekKey(new Date()), -1)}`);
    await page.waitForLoadState("networkidle");
    const map = page.getByTestId("incident-map");
    await expect(map).not.toHaveClass(/leaflet-container/);
    await map.scrollIntoViewIfNeeded();
    await expect(map).toHaveClass(/leaflet-container/);
    await expect(map.locator("canvas.leaflet-zoom-animated")).toBeVisible();
  });
});
