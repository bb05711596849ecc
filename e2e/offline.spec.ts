import { weekKey } from "../lib/time/periods";
import { expect, signInAndWait, sql, test, USERS } from "./fixtures";

const count = async (description: string) => Number((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM incident WHERE description = $1`, [description]))[0]!.n);

test.describe("on a phone without coverage", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test.setTimeout(60_000);

  test("a report made offline waits on the device, survives a reload, and is stored exactly once when the network is back", async ({ page, context }) => {
    await signInAndWait(page, USERS.reporter);
    await page.goto("/incidents/new");
    const save = page.getByRole("button", { name: "Spara händelse" });
    await expect(save).toBeEnabled();
    // Once the service worker is active, the next load of the page goes through it and it keeps a copy.
    const worker = await page.evaluate(async () => {
      const ready = await Promise.race([navigator.serviceWorker.ready, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
      return ready ? "active" : `not active after 20 s (${(await navigator.serviceWorker.getRegistrations()).length} registrations)`;
    });
    expect(worker).toBe("active");
    await page.reload();
    await expect(save).toBeEnabled();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    const description = `Trasig belysning i garaget ${Date.now()}`;
    await context.setOffline(true);
    await page.getByLabel("Kommundel").selectOption({ label: "Edsberg" });
    await page.getByLabel("Plats", { exact: true }).fill("Fågelsångens garage");
    await page.getByLabel("Kategori", { exact: true }).selectOption({ label: "Otrygg plats" });
    await page.getByLabel("Beskrivning").fill(description);
    await save.click();
    const panel = page.getByRole("region", { name: "Rapporter på den här enheten" });
    await expect(panel.getByRole("heading", { name: "Väntar på nätverk (1)" })).toBeVisible();
    await expect(panel).toContainText("Fågelsångens garage");
    expect(await count(description)).toBe(0);

    // Still offline: the page opens from the device, with the report still waiting.
    await page.reload();
    await expect(save).toBeEnabled();
    await expect(panel.getByRole("heading", { name: "Väntar på nätverk (1)" })).toBeVisible();

    await context.setOffline(false);
    await expect(panel.getByRole("status")).toContainText("Skickat nu");
    await expect.poll(() => count(description)).toBe(1);

    // Nothing is left to resend: another visit sends nothing and stores nothing twice.
    await page.reload();
    await expect(save).toBeEnabled();
    await expect(panel).toHaveCount(0);
    expect(await count(description)).toBe(1);
    const stored = await sql<{ place: string; reporter: string }>(
      `SELECT i.place, u.email AS reporter FROM incident i JOIN "user" u ON u.id = i."reportedById" WHERE i.description = $1`,
      [description],
    );
    expect(stored).toEqual([{ place: "Fågelsångens garage", reporter: USERS.reporter }]);
  });
  test("when the session has ended, the worker itself drops its copy of the report form (issue 26)", async ({ page, context }) => {
    const form = `/incidents/week/${weekKey(new Date())}`;
    const cachedForms = () => page.evaluate(async () => {
      if (!(await caches.has("est-offline-v1"))) return 0;
      return (await (await caches.open("est-offline-v1")).keys()).filter((r) => new URL(r.url).pathname.startsWith("/incidents/week/")).length;
    });
    await signInAndWait(page, USERS.reporter);
    await page.goto(form);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await expect.poll(cachedForms).toBe(1);
    // The sign-in page also asks the worker to empty its cache; a page without script stands in for
    // it here, so that what is tested is the worker seeing the form sent to sign-in.
    await context.route("**/login**", (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: "<!doctype html><title>Utloggad</title><p>Utloggad</p>" }));
    await context.clearCookies();
    await page.goto(form);
    await expect(page).toHaveURL(/\/login/);
    await expect.poll(cachedForms).toBe(0);
  });
});
