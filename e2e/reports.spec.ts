import { expect, openMenu, signInAndWait, test, USERS } from "./fixtures";

test("EST Ledning opens the monthly area report; every area has its section and figures link to incidents", async ({ page }) => {
  await signInAndWait(page, USERS.ledning);
  await openMenu(page, "Uppföljning");
  await page.getByRole("link", { name: "Månadsrapport" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Månadsrapport /);
  const sections = page.getByTestId("area-section");
  await expect(sections).toHaveCount(8);
  await expect(sections.first().getByRole("heading")).toContainText("(fokusområde)");
  const edsberg = sections.filter({ has: page.getByRole("heading", { name: /^Edsberg/ }) });
  await edsberg.getByRole("link", { name: /händelser$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Händelser" })).toBeVisible();
  await expect(page.getByLabel("Kommundel")).toHaveValue(/.+/);
});

test("a reporter has no monthly report", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  await expect(page.getByRole("link", { name: "Månadsrapport", includeHidden: true })).toHaveCount(0);
  expect((await page.goto("/reports/month/2026-10"))?.status()).toBe(404);
});
