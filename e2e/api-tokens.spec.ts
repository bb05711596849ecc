import { expect, openMenu, signInAndWait, test, USERS } from "./fixtures";

test("an admin creates an API token, a system reports with it, and revoking it shuts the system out", async ({ page, request }) => {
  await signInAndWait(page, USERS.admin);
  await openMenu(page, "Administration");
  await page.getByRole("link", { name: "API-nycklar" }).click();
  await expect(page.getByRole("button", { name: "Skapa API-nyckel" })).toBeEnabled();
  await page.getByLabel("Namn").fill("Bevakningssystemet");
  await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Trygghetsvärdar (bevakningsföretag)" });
  await page.getByRole("button", { name: "Skapa API-nyckel" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^est_/);

  const body = { occurred_at: "2026-11-20 22:10", area: "Rotebro", place: "Rotebro station", category: "samling", external_id: "VAKT-77" };
  const res = await request.post("/api/v1/incidents", { data: body, headers: { Authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(201);
  // JSON with a policy that allows nothing, and the headers every response carries.
  const h = res.headers();
  expect(h["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  expect(h["strict-transport-security"]).toContain("max-age=");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["cache-control"]).toContain("no-store");

  await page.reload();
  await expect(page.getByTestId("api-tokens").getByRole("row", { name: /Bevakningssystemet/ })).not.toContainText("Senast använd –");
  await page.getByRole("button", { name: "Återkalla Bevakningssystemet" }).click();
  await expect(page.getByTestId("api-tokens").getByRole("row", { name: /Bevakningssystemet/ })).toContainText("Återkallad");
  const after = await request.post("/api/v1/incidents", { data: { ...body, external_id: "VAKT-78" }, headers: { Authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});

test("only admins reach the token page", async ({ page }) => {
  await signInAndWait(page, USERS.coordinator);
  await expect(page.getByRole("link", { name: "API-nycklar", includeHidden: true })).toHaveCount(0);
  expect((await page.goto("/admin/api-tokens"))?.status()).toBe(404);
});

test("an admin makes a BI key that reads counts and reports but sends nothing, and finds the API described", async ({ page, request }) => {
  await signInAndWait(page, USERS.admin);
  await page.goto("/admin/api-tokens");
  await expect(page.getByRole("button", { name: "Skapa API-nyckel" })).toBeEnabled();
  await page.getByLabel("Namn").fill("Power BI");
  await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Kommunledningskontoret" });
  await page.getByLabel(/Läsning för BI/).check();
  await page.getByRole("button", { name: "Skapa API-nyckel" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  await expect(page.getByTestId("api-tokens").getByRole("row", { name: /Power BI/ })).toContainText("läsa antal, läsa alla organisationers rapporter");
  const headers = { Authorization: `Bearer ${token}` };

  const year = new Date().getFullYear();
  const series = await request.get(`/api/v1/rollups/series?municipality=sollentuna&from=${year - 1}-01&to=${year}-01&by=area`, { headers });
  expect(series.status()).toBe(200);
  const body = (await series.json()) as { periods: { period: string; total: number }[] };
  expect(body.periods).toHaveLength(13);
  expect(body.periods.reduce((s, p) => s + p.total, 0)).toBeGreaterThan(0);
  const incidents = await request.get("/api/v1/incidents?limit=5", { headers });
  expect(incidents.status()).toBe(200);
  const page1 = (await incidents.json()) as { incidents: Record<string, unknown>[]; next_cursor: string | null };
  expect(page1.incidents).toHaveLength(5);
  expect(page1.incidents[0]).not.toHaveProperty("description");
  expect(page1.next_cursor).not.toBeNull();
  const send = await request.post("/api/v1/incidents", { data: { occurred_at: "2026-11-20 22:10", area: "Rotebro", place: "Rotebro station", category: "samling" }, headers });
  expect(send.status()).toBe(403);

  // The reference is made from the same document the routes are tested against.
  await page.getByRole("link", { name: "API-referens" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "API-referens" })).toBeVisible();
  await expect(page.getByTestId("api-operation")).toHaveCount(5);
  await expect(page.getByRole("heading", { name: "GET /api/v1/rollups/series" })).toBeVisible();
  const doc = await request.get("/api/v1/openapi.json");
  expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
});
