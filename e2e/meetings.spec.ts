import { createHash } from "node:crypto";
import ICAL from "ical.js";
import { request as playwrightRequest } from "@playwright/test";
import { holidayOn } from "../lib/meetings/holidays";
import { formatDate, formatMeetingTime } from "../lib/time/format";
import { fromStockholmWall, stockholmDay } from "../lib/time/zone";
import { downloadPdf, expect, signInAndWait, signOut, sql, test, USERS, waitForMail } from "./fixtures";

const DECISION = "Polisen och Sollentunahem går en gemensam kvällsrunda vid Edsbergs torg";

test("a coordinator runs an EST Vecko meeting from its agenda: attendance, minutes, a decision that becomes an action, approved minutes", async ({ page }) => {
  await signInAndWait(page, USERS.coordinator);
  await page.getByRole("link", { name: "EST Vecko", exact: true }).first().click();
  await page.getByRole("link", { name: /Hela mötesplanen/ }).click();
  await expect(page.getByRole("heading", { name: "Mötesplan: EST Vecko" })).toBeVisible();
  await page.getByTestId("calendar").first().getByRole("link").first().click();

  // The agenda is built from the week's data.
  const agenda = page.getByTestId("agenda");
  await expect(agenda.getByRole("heading", { name: "Veckans lägesbild" })).toBeVisible();
  await expect(agenda.getByRole("heading", { name: "Organisationer som inte rapporterat" })).toBeVisible();
  await expect(agenda.getByText(/^\d+ händelser \(\d+ veckan innan\)$/)).toBeVisible();
  await expect(agenda.getByRole("link", { name: /Öppna lägesbilden för v\. \d+/ })).toBeVisible();

  // The coordinator adds an item and moves it up one step.
  await expect(page.getByRole("button", { name: "Lägg till punkt" })).toBeEnabled();
  await page.getByRole("textbox", { name: "Ny punkt" }).fill("Nattvandring i Edsberg");
  await page.getByRole("button", { name: "Lägg till punkt" }).click();
  await expect(agenda.getByRole("heading", { name: "Nattvandring i Edsberg" })).toBeVisible();
  await page.getByRole("button", { name: "Flytta upp Nattvandring i Edsberg" }).click();
  await expect(agenda.locator("h3").nth(4)).toHaveText("Nattvandring i Edsberg");

  // Attendance and minutes.
  const minutes = page.getByRole("form", { name: "Närvaro och protokoll" });
  await minutes.getByRole("checkbox", { name: /Karin Berg/ }).check();
  await minutes.getByRole("checkbox", { name: /Sara Ek/ }).check();
  await minutes.getByLabel("§ 1 Veckans lägesbild").fill("Lugn vecka utom skadegörelse vid Edsbergs torg.");
  await minutes.getByRole("button", { name: "Spara protokollet" }).click();
  await expect(minutes.getByRole("status")).toHaveText("Protokollet är sparat.");
  await expect(agenda.getByTestId("item-minutes").first()).toHaveText("Lugn vecka utom skadegörelse vid Edsbergs torg.");
  // Written on during the meeting, the minutes save themselves after a pause in typing.
  await minutes.getByLabel("Övrigt att protokollföra (valfritt)").fill("Nästa möte hålls i Edsbergs skola.");
  await expect(minutes.getByRole("status")).toHaveText("Ändringar sparas automatiskt …");
  await expect(minutes.getByRole("status")).toHaveText("Protokollet är sparat.", { timeout: 15_000 });
  const meetingId = page.url().split("/moten/")[1]!.split(/[?#]/)[0]!;
  expect((await sql<{ minutes: string }>(`SELECT minutes FROM meeting WHERE id = $1`, [meetingId]))[0]!.minutes).toBe("Nästa möte hålls i Edsbergs skola.");

  // A decision that becomes an action on the spot: a missing owner is explained first.
  const decide = page.getByRole("form", { name: "Nytt beslut" });
  await decide.getByLabel("Under punkt").selectOption({ label: "§ 1 Veckans lägesbild" });
  await decide.getByLabel("Beslut", { exact: true }).fill(DECISION);
  await decide.getByLabel(/Beslutet blir en åtgärd/).check();
  await decide.getByRole("button", { name: "Spara beslutet" }).click();
  await expect(page.locator("#d-owner-error")).toHaveText("Välj ansvarig organisation för åtgärden.");
  await expect(decide.getByLabel("Beslut", { exact: true })).toHaveValue(DECISION);
  await decide.getByLabel("Ansvarig organisation").selectOption({ label: "Polisen – lokalpolisområde Sollentuna" });
  await decide.getByLabel("Kommundel (valfritt)").selectOption({ label: "Edsberg" });
  await decide.getByRole("button", { name: "Spara beslutet" }).click();
  await expect(decide.getByRole("status")).toHaveText("Beslutet är sparat och har blivit en åtgärd.");
  const decisions = agenda.getByTestId("decisions").first();
  await expect(decisions).toContainText(DECISION);
  await expect(decisions.getByRole("link", { name: /Åtgärd: Polisen/ })).toBeVisible();

  // Draft → sent → approved.
  await page.getByRole("button", { name: "Skicka protokollet till medlemmarna" }).click();
  await expect(page.locator(".lead").getByText("Protokoll: skickat för granskning")).toBeVisible();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Justera protokollet" }).click();
  await expect(page.getByText(/Protokollet justerades .* och kan inte längre ändras\./)).toBeVisible();
  await expect(page.getByRole("form", { name: "Närvaro och protokoll" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Lägg till punkt" })).toHaveCount(0);
  await expect(page.getByTestId("attendance")).toHaveText("Karin Berg, Sara Ek");
  await expect(page.getByTestId("meeting-history")).toContainText("Protokollet skickades till medlemmarna");
  await expect(page.getByTestId("meeting-history")).toContainText("Protokollet justerades");
  const meetingUrl = page.url();
  // The approved minutes were archived as a PDF; the file served is the one whose hash the page shows.
  await expect(page.getByTestId("archive-note")).toContainText(/SHA-256: [0-9a-f]{64}/);
  const minutesPdf = await downloadPdf(page);
  expect(createHash("sha256").update(minutesPdf.bytes).digest("hex")).toBe((await page.getByTestId("archive-note").textContent())!.match(/[0-9a-f]{64}/)![0]);
  const minutesText = minutesPdf.pages.join(" ").replace(/\s+/g, " ");
  expect(minutesText).toContain(DECISION);
  expect(minutesText).toMatch(/Justerat \d{4}-\d{2}-\d{2} av /);

  // The action links back to the meeting and carries the decision.
  await decisions.getByRole("link", { name: /Åtgärd: Polisen/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: DECISION })).toBeVisible();
  await page.getByRole("link", { name: /EST Vecko .* kl\. 09:00/ }).click();
  await expect(page).toHaveURL(meetingUrl);
  await signOut(page);

  // The members were sent the minutes for review, with a link to the meeting.
  const [meeting] = await sql<{ startsAt: Date }>(`SELECT "startsAt" FROM meeting WHERE id = $1`, [new URL(meetingUrl).pathname.split("/").at(-1)]);
  const mail = await waitForMail(USERS.reporter, `Protokoll för granskning: EST Vecko ${formatDate(meeting!.startsAt)}`);
  expect(mail.text).toContain(new URL(meetingUrl).pathname);
});

test("a member opens the meeting from the calendar and reads the approved minutes without editing them", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  await page.getByRole("link", { name: "Kalender" }).click();
  await expect(page.getByRole("heading", { name: "Kalender" })).toBeVisible();
  await page.getByTestId("my-meetings").getByRole("link").first().click();
  await expect(page.getByTestId("agenda").getByTestId("item-minutes").first()).toHaveText("Lugn vecka utom skadegörelse vid Edsbergs torg.");
  await expect(page.getByTestId("attendance")).toHaveText("Karin Berg, Sara Ek");
  await expect(page.getByRole("form", { name: "Närvaro och protokoll" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Justera protokollet" })).toHaveCount(0);
});

test("a personal calendar feed parses as iCalendar in Stockholm time, and stops when revoked", async ({ page, baseURL }) => {
  await signInAndWait(page, USERS.police);
  await page.goto("/kalender");
  await expect(page.getByRole("button", { name: "Skapa kalenderlänk" })).toBeEnabled();
  await page.getByRole("button", { name: "Skapa kalenderlänk" }).click();
  const url = await page.getByLabel("Alla mina grupper").inputValue();
  expect(url).toMatch(/\/api\/kalender\/cal_/);

  // A calendar client has no session: the secret link is all it has.
  const client = await playwrightRequest.newContext({ baseURL });
  const response = await client.get(new URL(url).pathname);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/calendar");
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  // The police officer sits in three municipalities' EST Vecko; Sollentuna's meets Tuesdays 09:00.
  const vecko = events.filter((e) => e.summary.startsWith("EST Vecko") && e.description.includes("Sollentuna kommun"));
  expect(events.filter((e) => e.summary.startsWith("EST Vecko")).length).toBeGreaterThan(vecko.length);
  expect(vecko.length).toBeGreaterThan(40);
  // Every EST Vecko meeting is a Tuesday at 09:00 in Stockholm, winter and summer alike (unless moved).
  const local = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", weekday: "long", hour: "2-digit", minute: "2-digit" });
  const typical = vecko.filter((e) => local.format(e.startDate.toJSDate()) === "tisdag 09:00");
  expect(typical.length).toBeGreaterThan(vecko.length - 3);
  expect(events.some((e) => e.summary.startsWith("EST Strategisk"))).toBe(true);

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Återkalla länken" }).click();
  await expect(page.getByText("Du har ingen kalenderlänk ännu.")).toBeVisible();
  expect((await client.get(new URL(url).pathname)).status()).toBe(404);
  await client.dispose();
});

/** ISO weekday (1 = Monday) of an instant's day in Stockholm. */
const isoWeekday = (d: Date) => new Date(`${stockholmDay(d)}T12:00:00Z`).getUTCDay() || 7;
/** 10:00 Stockholm time on an instant's day. */
const atTen = (d: Date) => {
  const [y, m, day] = stockholmDay(d).split("-").map(Number) as [number, number, number];
  return fromStockholmWall(y, m, day, 10, 0);
};

test("a weekly meeting that falls on a holiday is moved to the next working day, and the plan names the holiday", async ({ page }) => {
  // The first holiday on a weekday at least two days ahead (from today, any day the suite runs).
  const ahead = Array.from({ length: 360 }, (_, n) => new Date(Date.now() + (n + 2) * 86_400_000));
  const day = ahead.find((d) => [1, 2, 3, 4, 5].includes(isoWeekday(d)) && holidayOn(stockholmDay(d)))!;
  const holiday = holidayOn(stockholmDay(day))!;
  const [group] = await sql<{ id: string }>(`SELECT id FROM est_group WHERE name = 'EST Fördjupning Tureberg'`);
  await signInAndWait(page, USERS.coordinator);
  await page.goto(`/groups/${group!.id}/moten`);
  const form = page.getByRole("form", { name: "Ändra mötesrytm" });
  await form.getByLabel("Mötesrytm").selectOption({ label: "Varje vecka" });
  await form.getByLabel("Veckodag", { exact: true }).selectOption({ value: String(isoWeekday(day)) });
  await form.getByLabel("Tid (svensk tid)").fill("10:00");
  await form.getByRole("button", { name: "Ändra mötesrytm" }).click();
  await expect(form.getByRole("status")).toContainText("Mötesrytmen är ändrad");
  // The meeting planned on the holiday is now on a later working day, with the holiday beside it.
  const moved = page.getByTestId("calendar").getByRole("listitem").filter({ hasText: `flyttat från ${formatMeetingTime(atTen(day))} (${holiday})` });
  await expect(moved).toHaveCount(1);
  const [row] = await sql<{ startsAt: Date }>(`SELECT "startsAt" FROM meeting WHERE "groupId" = $1 AND "plannedStartsAt" = $2`, [group!.id, atTen(day)]);
  expect(row!.startsAt.getTime()).toBeGreaterThan(atTen(day).getTime());
  expect(holidayOn(stockholmDay(row!.startsAt))).toBeNull();
});

test("a group keeps a summer break: its weeks get no meetings, every year, and half a break is refused at the field", async ({ page }) => {
  const [group] = await sql<{ id: string }>(`SELECT g.id FROM est_group g JOIN municipality m ON m.id = g."municipalityId" WHERE m.slug = 'upplands-vasby' AND g.slug = 'est-vecko'`);
  await signInAndWait(page, USERS.vasby);
  await page.goto(`/groups/${group!.id}/moten`);
  const form = page.getByRole("form", { name: "Ändra mötesrytm" });
  await form.getByLabel("Från vecka").fill("27");
  await form.getByRole("button", { name: "Ändra mötesrytm" }).click();
  await expect(form.getByText("Ange både första och sista veckan för uppehållet, eller ingen av dem.")).toBeVisible();
  await expect(form.getByLabel("Från vecka")).toHaveValue("27");
  await form.getByLabel("Till och med vecka").fill("32");
  await form.getByRole("button", { name: "Ändra mötesrytm" }).click();
  await expect(form.getByRole("status")).toContainText("Mötesrytmen är ändrad");
  const weeks = await sql<{ week: number }>(
    `SELECT DISTINCT extract(week FROM "startsAt" AT TIME ZONE 'Europe/Stockholm')::int AS week FROM meeting WHERE "groupId" = $1 AND status = 'PLANNED' AND "startsAt" > now()`,
    [group!.id],
  );
  const held = new Set(weeks.map((w) => w.week));
  for (let w = 27; w <= 32; w++) expect(held.has(w), `week ${w}`).toBe(false);
  expect(held.has(26) && held.has(33)).toBe(true);
  await page.reload();
  await expect(page.getByRole("form", { name: "Ändra mötesrytm" }).getByLabel("Till och med vecka")).toHaveValue("32");
});
