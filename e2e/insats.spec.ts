import { periodRange, shiftPeriod, weekKey } from "../lib/time/periods";
import { expect, insertBurst, openMenu, signInAndWait, signOut, sollentunaGroupId, test, USERS, waitForMail } from "./fixtures";

test("a coordinator goes from a flagged hotspot to an opened, staffed EST Insats; the invited police officer is told and sees it", async ({ page }) => {
  const week = shiftPeriod(weekKey(new Date()), -1);
  await insertBurst({ week, area: "norrviken", category: "otrygg_plats", organisation: "sollentunahem", place: "Norrvikens strandbad", count: 9, startIso: new Date(periodRange(week).start.getTime() + 40 * 3_600_000).toISOString() });
  const vecko = await sollentunaGroupId("est-vecko");

  await signInAndWait(page, USERS.coordinator);
  await page.goto(`/groups/${vecko}/lagesbild/${week}`);
  const flag = page.getByTestId("flags").getByRole("listitem").filter({ hasText: "Norrviken: Otrygg plats" });
  await flag.getByRole("link", { name: /Starta EST Insats/ }).click();

  await expect(page.getByRole("heading", { name: "Starta EST Insats" })).toBeVisible();
  await expect(page.getByLabel("Namn")).toHaveValue("EST Insats Norrviken");
  await expect(page.getByLabel("Problembild")).toHaveValue(/^Otrygg plats i Norrviken, v\. \d+ \d{4}: \d+ händelser mot i snitt/);
  await expect(page.getByLabel("Platser (valfritt)")).toHaveValue(/Norrvikens strandbad/);
  await expect(page.getByRole("checkbox", { name: "Norrviken" })).toBeChecked();
  await page.getByRole("checkbox", { name: /Karin Berg/ }).check();
  await page.getByRole("button", { name: "Starta EST Insats" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "EST Insats Norrviken" })).toBeVisible();
  const insatsUrl = page.url();
  // A decision in the Insats's own lägesbild becomes an action.
  await page.getByRole("link", { name: "Veckans lägesbild" }).click();
  await page.getByLabel("Åtgärd", { exact: true }).fill("Bättre belysning vid strandbadet");
  await page.getByLabel("Ansvarig organisation").selectOption({ label: "Samhällsbyggnadsavdelningen" });
  await page.getByRole("button", { name: "Lägg till åtgärd" }).click();
  await expect(page.getByRole("status").filter({ hasText: "är skapad" })).toBeVisible();
  await page.goto(insatsUrl);
  await expect(page.getByRole("table").filter({ hasText: "Karin Berg" })).toContainText("Medlem");
  await expect(page.getByText("Två gånger i veckan, måndagar kl. 15:00")).toBeVisible();

  const mail = await waitForMail("polis@polisen.example", "Du är inbjuden till EST Insats Norrviken");
  expect(mail.text).toContain("Sara Ek har startat EST Insats Norrviken");
  await signOut(page);
  await signInAndWait(page, USERS.police);
  await expect(page.getByTestId("my-groups")).toContainText("EST Insats Norrviken");
  await page.getByRole("link", { name: "EST Insats Norrviken" }).click();
  await expect(page.getByTestId("insats-scope")).toContainText("Under insatsen");
  await expect(page.getByRole("button", { name: "Avsluta insatsen med slutrapport" })).toHaveCount(0);
  // The invited officer follows up the action.
  await page.getByRole("textbox", { name: "Uppföljning av Bättre belysning vid strandbadet" }).fill("Två nya lampor uppe sedan i tisdags.");
  await page.getByRole("button", { name: "Lägg till uppföljning" }).click();
  await expect(page.getByTestId("insats-measures")).toContainText("Två nya lampor uppe sedan i tisdags. (Karin Berg)");

  // The coordinator closes it with a report; EST Ledning sees it in the list of Insatser.
  await signOut(page);
  await signInAndWait(page, USERS.coordinator);
  await page.goto(insatsUrl);
  await page.getByLabel("Beslut för Bättre belysning vid strandbadet").selectOption("HAND_OVER");
  await page.getByLabel("Vad ledde insatsen till?").fill("Bättre belysning och fler nattvandringar; inga nya händelser sista veckan.");
  await page.getByRole("button", { name: "Avsluta insatsen med slutrapport" }).click();
  await expect(page.getByTestId("closing-report")).toContainText("Bättre belysning och fler nattvandringar");
  await expect(page.getByTestId("closing-report")).toContainText("Bättre belysning vid strandbadet – lämnad till EST Vecko");
  await signOut(page);
  await signInAndWait(page, USERS.ledning);
  await openMenu(page, "Uppföljning");
  await page.getByRole("link", { name: "Insatser" }).click();
  await expect(page.getByTestId("insatser").getByRole("row", { name: /EST Insats Norrviken/ })).toContainText("Avslutad");
});

test("a reporter cannot open an Insats", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  expect((await page.goto("/insats/new"))?.status()).toBe(404);
});

test("a coordinator invites someone without an account by e-mail; the link creates the account and opens the Insats", async ({ page }) => {
  await signInAndWait(page, USERS.coordinator);
  await page.goto("/insats/new");
  await page.getByLabel("Namn").fill("EST Insats Tureberg centrum");
  await page.getByLabel("Problembild").fill("Samlingar och skadegörelse vid centrumets entréer kvällstid.");
  await page.getByRole("checkbox", { name: "Tureberg" }).check();
  await page.getByLabel("Bjud in via e-post (personer utan konto)").fill("centrumvard@example.se");
  await page.getByRole("button", { name: "Starta EST Insats" }).click();
  await expect(page.locator("#i-invite-org-error")).toHaveText("Välj vilken organisation de inbjudna kommer från.");
  await page.getByLabel("De inbjudnas organisation").selectOption({ label: "Sollentunahem AB" });
  await page.getByRole("button", { name: "Starta EST Insats" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "EST Insats Tureberg centrum" })).toBeVisible();
  await signOut(page);

  const mail = await waitForMail("centrumvard@example.se", "Inbjudan till EST Insats Tureberg centrum");
  const link = /\/invite\/[A-Za-z0-9_-]+/.exec(mail.text)![0];
  await page.goto(link);
  await expect(page.getByText(/Du är inbjuden till EST Insats Tureberg centrum/)).toBeVisible();
  await expect(page.getByLabel("E-postadress")).toHaveValue("centrumvard@example.se");
  await page.getByLabel("Ditt namn").fill("Cecilia Centrumvärd");
  await page.getByLabel("Välj lösenord").fill("kort");
  await page.getByRole("button", { name: "Skapa konto och gå med" }).click();
  await expect(page.locator("#inv-password-error")).toHaveText("Lösenordet måste ha minst 12 tecken.");
  await page.getByLabel("Välj lösenord").fill("centrum-kvall-2026");
  await page.getByRole("button", { name: "Skapa konto och gå med" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "EST Insats Tureberg centrum" })).toBeVisible();
  await expect(page.getByRole("main").getByText("Cecilia Centrumvärd")).toBeVisible();
  await signOut(page);
  await page.goto(link);
  await expect(page.locator("main").getByRole("alert")).toContainText("redan använd");
});

test("an Insats meets on its own cycle: the coordinator writes the lägesbild for the next meeting and publishes it", async ({ page }) => {
  await signInAndWait(page, USERS.coordinator);
  await page.goto("/insats/new");
  await page.getByLabel("Namn").fill("EST Insats Bagarby gärde");
  await page.getByLabel("Problembild").fill("Återkommande samlingar på gärdet efter skoltid.");
  await page.getByRole("checkbox", { name: "Bagarby" }).check();
  // The seeded EST Insats Rotebro works in Bagarby too: the coordinator confirms that another is needed.
  await page.getByTestId("running-insats").getByRole("checkbox", { name: "Ja, starta en ny insats ändå" }).check();
  await page.getByRole("button", { name: "Starta EST Insats" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "EST Insats Bagarby gärde" })).toBeVisible();

  await page.getByRole("link", { name: "Lägesbild inför nästa möte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Lägesbild inför mötet / })).toBeVisible();
  await expect(page.getByTestId("meeting-total")).toContainText("händelser");
  await page.getByLabel("Bedömning", { exact: true }).fill("Lugnt sedan starten; fortsatt närvaro vid gärdet.");
  await page.getByRole("button", { name: "Spara nu" }).click();
  await expect(page.getByTestId("save-state")).toHaveText("Alla ändringar är sparade.");
  await page.getByRole("button", { name: "Publicera lägesbilden" }).click();
  await expect(page.getByText("Publicerad", { exact: true })).toBeVisible();
  await expect(page.getByTestId("published-judgement")).toContainText("Lugnt sedan starten");
  await expect(page.getByRole("button", { name: "Publicera lägesbilden" })).toHaveCount(0);
});

test("a flag where an Insats is already running leads to it, and a second Insats there is asked about first", async ({ page }) => {
  const week = shiftPeriod(weekKey(new Date()), -1);
  await insertBurst({ week, area: "rotebro", category: "otrygg_plats", organisation: "sollentunahem", place: "Rotebro station, norra uppgången", count: 9, startIso: new Date(periodRange(week).start.getTime() + 44 * 3_600_000).toISOString() });
  const vecko = await sollentunaGroupId("est-vecko");
  await signInAndWait(page, USERS.coordinator);
  await page.goto(`/groups/${vecko}/lagesbild/${week}`);
  const flag = page.getByTestId("flags").getByRole("listitem").filter({ hasText: "Rotebro: Otrygg plats" });
  await expect(flag.getByTestId("running-insats")).toHaveText(/^Öppna EST Insats Rotebro \(sedan .+\)$/);

  // Starting one anyway: the form names the running Insats before anything is sent.
  await flag.getByRole("link", { name: /starta EST Insats/i }).click();
  const warning = page.getByTestId("running-insats");
  await expect(warning.getByRole("link", { name: /^Öppna EST Insats Rotebro \(sedan / })).toBeVisible();
  await page.getByRole("button", { name: "Starta EST Insats" }).click();
  await expect(warning).toContainText("En EST Insats arbetar redan i samma kommundel: EST Insats Rotebro");
  await expect(page.getByRole("heading", { level: 1, name: "Starta EST Insats" })).toBeVisible();
  await expect(page.getByLabel("Namn")).toHaveValue("EST Insats Rotebro");

  // The coordinator joins the running one instead.
  await warning.getByRole("link", { name: /^Öppna EST Insats Rotebro/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "EST Insats Rotebro" })).toBeVisible();
});
