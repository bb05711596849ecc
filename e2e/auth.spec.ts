import type { Page } from "@playwright/test";
// Sign-in is what these tests are about: they sign in through the form, not with a prepared session.
import { expect, signInWithForm as signIn, signInWithFormAndWait as signInAndWait, signOut, sql, test, USERS } from "./fixtures";
import { DEMO_PASSWORD } from "../playwright.config";

const myGroups = (page: Page) => page.getByTestId("my-groups").getByRole("heading", { level: 3 });

test("each demo role signs in and sees its own groups", async ({ page }) => {
  const expected: [string, string[]][] = [
    [USERS.reporter, ["EST Vecko"]],
    [USERS.police, ["EST Vecko", "EST Fördjupning Edsberg", "EST Strategisk", "EST Insats Rotebro"]],
    [USERS.coordinator, ["EST Vecko", "EST Fördjupning Edsberg", "EST Fördjupning Tureberg", "EST Strategisk", "EST Insats Rotebro"]],
    [USERS.ledning, ["EST Ledning", "Styrgrupp Inga utsatta områden 2030"]],
  ];
  for (const [email, groups] of expected) {
    await signInAndWait(page, email);
    await expect(myGroups(page)).toHaveCount(groups.length);
    expect((await myGroups(page).allInnerTexts()).sort()).toEqual([...groups].sort());
    await signOut(page);
  }
});

test("EST Ledning follows the Insats read-only, the coordinator sees every group, the admin has none of their own", async ({ page }) => {
  await signInAndWait(page, USERS.ledning);
  await expect(page.getByTestId("other-groups")).toContainText("EST Insats Rotebro");
  await signOut(page);

  await signInAndWait(page, USERS.coordinator);
  await expect(page.getByTestId("other-groups")).toContainText("EST Ledning");
  await expect(page.getByText(/Alla organisationer: \d+ har rapporterat/)).toBeVisible();
  await signOut(page);

  await signInAndWait(page, USERS.admin);
  await expect(page.getByText("Du är inte med i någon EST-grupp")).toBeVisible();
});

test("the police officer switches between the three municipalities of the local police area", async ({ page }) => {
  await signInAndWait(page, USERS.police);
  const switcher = page.getByLabel("Kommun");
  await expect(switcher.locator("option")).toHaveText(["Sigtuna kommun", "Sollentuna kommun", "Upplands Väsby kommun"]);
  await switcher.selectOption({ label: "Upplands Väsby kommun" });
  await expect(page.locator(".lead")).toContainText("Upplands Väsby kommun");
  await expect(myGroups(page)).toHaveText(["EST Vecko"]);
  await switcher.selectOption({ label: "Sollentuna kommun" });
  await expect(page.locator(".lead")).toContainText("Sollentuna kommun");
});

test("a wrong password gives a clear message that does not tell whether the user exists", async ({ page }) => {
  await signIn(page, USERS.reporter, "fel-losenord");
  const message = page.locator(".alert-error");
  await expect(message).toHaveText("Fel e-postadress eller lösenord.");
  await expect(page.getByLabel("E-postadress")).toHaveValue(USERS.reporter);
  await signIn(page, "finns.inte@example.se", "fel-losenord");
  await expect(message).toHaveText("Fel e-postadress eller lösenord.");
  // Empty fields are caught at the field, in Swedish.
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Logga in", exact: true })).toBeEnabled();
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page.locator("#email-error")).toHaveText("Ange din e-postadress.");
  await expect(page.locator("#password-error")).toHaveText("Ange ditt lösenord.");
});

test("a member of one group cannot open another group's page", async ({ page }) => {
  const [ledning] = await sql<{ id: string }>(`SELECT g.id FROM est_group g JOIN municipality m ON m.id = g."municipalityId" WHERE m.slug = 'sollentuna' AND g.slug = 'est-ledning'`);
  const [vecko] = await sql<{ id: string }>(`SELECT g.id FROM est_group g JOIN municipality m ON m.id = g."municipalityId" WHERE m.slug = 'sollentuna' AND g.slug = 'est-vecko'`);
  await signInAndWait(page, USERS.reporter);

  await page.getByRole("link", { name: "EST Vecko" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "EST Vecko" })).toBeVisible();
  expect(page.url()).toContain(vecko!.id);

  const response = await page.goto(`/groups/${ledning!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
  await expect(page.getByText("EST Ledning")).toHaveCount(0);
  const garbage = await page.goto("/groups/not-a-group");
  expect(garbage?.status()).toBe(404);
});

test("signing out ends the session on the server; a disabled user is locked out on the next request", async ({ page, browser }) => {
  await signInAndWait(page, USERS.ledning);
  const cookies = await page.context().cookies();
  await signOut(page);

  // Replaying the old session cookie does not get back in.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayPage = await replay.newPage();
  await replayPage.goto("/");
  await expect(replayPage.getByRole("heading", { name: "Logga in i EST" })).toBeVisible();
  await replay.close();

  await signInAndWait(page, USERS.ledning);
  try {
    await sql(`UPDATE "user" SET "disabledAt" = now() WHERE email = $1`, [USERS.ledning]);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Logga in i EST" })).toBeVisible();
    await signIn(page, USERS.ledning);
    await expect(page.locator(".alert-error")).toHaveText("Fel e-postadress eller lösenord.");
  } finally {
    await sql(`UPDATE "user" SET "disabledAt" = NULL WHERE email = $1`, [USERS.ledning]);
  }
});

test("pages need a session: a signed-out visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  const [vecko] = await sql<{ id: string }>(`SELECT id FROM est_group WHERE slug = 'est-vecko' LIMIT 1`);
  await page.goto(`/groups/${vecko!.id}`);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("EST Vecko")).toHaveCount(0);
});

test("health endpoint reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});

test("after signing in, a crafted callbackUrl never leaves the site (issue 26)", async ({ page, baseURL }) => {
  for (const evil of ["/\\evil.example/x", "/%09/evil.example/x", "/.//evil.example/x"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(evil)}`);
    const submit = page.getByRole("button", { name: "Logga in", exact: true });
    await expect(submit).toBeEnabled();
    await page.getByLabel("E-postadress").fill(USERS.reporter);
    await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
    await submit.click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    expect(new URL(page.url()).origin, evil).toBe(new URL(baseURL!).origin);
  }
});

test("past its limit an address gets 429 and a clear message instead of another guess (issue 26)", async ({ page }) => {
  // An account of its own (unknown users are counted too), so no other test's sign-in is held up.
  const email = `gissning-${Date.now()}@example.se`;
  // Ten wrong guesses as a script in the page sends them, all at once (from the browser, so from the
  // address the form's guess comes from): one after the other they would take about 30 s, each
  // answered more slowly than the last by design (signInDelayMs) – and each counts.
  await page.goto("/login");
  const statuses = await page.evaluate(async (email) => {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const guess = (i: number) =>
      fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, email, password: `fel-${i}`, json: "true" }),
        redirect: "manual",
      }).then((r) => r.status);
    return Promise.all(Array.from({ length: 10 }, (_, i) => guess(i)));
  }, email);
  expect(statuses).toEqual(Array(10).fill(401));
  // The eleventh, through the form, is refused before the password is looked at, and says so.
  const message = page.locator(".alert-error");
  const answer = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await signIn(page, email, "fel-10");
  expect((await answer).status()).toBe(429);
  await expect(message).toHaveText("För många försök. Vänta en stund och försök igen.");
});
