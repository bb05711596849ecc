import { expect, openMenu, signInAndWait, test, USERS } from "./fixtures";

test("an admin creates an API token, a system reports with it, and revoking it shuts the system out", async ({ page, request }) => {
  await signInAndWait(page, USERS.admin);
  await openMenu(page, "Administration");
  await page.getByRole("link", { name: "API-nycklar" }).click();
  await expect(page.getByRole("button", { name: "Skapa API-nyckel" })).toBeEnabled();
  await page.getByLabel("Namn").fill("Bevakningssystemet");
  await page.getByLabel("Organisation").selectOption({ label: "Trygghetsvärdar (bevakningsföretag)" });
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
