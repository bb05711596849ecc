import { expect, menuPages, signInAndWait, sql, test, USERS } from "./fixtures";
import type { Page } from "@playwright/test";

// Works on a phone: at 360 px no page scrolls sideways. Wide tables scroll inside their own region
// instead. The pages are found by following each role's own menus, as in the axe test.
test.use({ viewport: { width: 360, height: 740 } });

async function widePages(page: Page, paths: string[]): Promise<string[]> {
  const wide: string[] = [];
  for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      const { scroll, client, culprit } = await page.evaluate(() => {
        const client = document.documentElement.clientWidth;
        // The innermost element that sticks out, to name in the failure.
        const out = [...document.querySelectorAll("main *")].filter((e) => e.getBoundingClientRect().right > client + 1 && !e.closest(".table-wrap, .scroll-region"));
        const el = out.find((e) => ![...e.children].some((c) => out.includes(c)));
        return { scroll: document.documentElement.scrollWidth, client, culprit: el ? `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? "").slice(0, 40)}”` : "" };
      });
      if (scroll > client + 1) wide.push(`${path}: ${scroll} px (${culprit})`);
  }
  return wide;
}

for (const role of ["reporter", "coordinator", "ledning", "admin"] as const) {
  test(`no page in the ${role}'s menus is wider than a 360 px phone`, async ({ page }) => {
    test.setTimeout(180_000);
    // Unread feedback with a long unbroken line (a pasted link): the badge and the text must fit too.
    await sql(
      `INSERT INTO notification ("userId", "municipalityId", title, body)
       SELECT u.id, ms."municipalityId", 'Återkoppling: lång länk', 'Se https://est.example.se/groups/0b5c1f7e-6a3d-4f7e-9a51-3c2d1e0f9a8b/lagesbild/2026-W47?utskrift=1 för detaljer'
       FROM "user" u JOIN membership ms ON ms."userId" = u.id WHERE u.email = $1 LIMIT 1`,
      [USERS[role]],
    );
    await signInAndWait(page, USERS[role]);
    expect(await widePages(page, await menuPages(page))).toEqual([]);
  });
}

test("the deep pages of the main journeys fit a 360 px phone: week report, group, lägesbild, tertial analysis and drill-down", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAndWait(page, USERS.coordinator);
  const deep = ["/incidents/week"];
  for (const [from, link] of [["/", /EST Vecko/], ["/tertial", /T[123]/]] as const) {
    await page.goto(from);
    deep.push((await page.locator("main").getByRole("link", { name: link }).first().getAttribute("href"))!);
  }
  await page.goto(deep[1]!);
  deep.push((await page.locator("main a[href*='/lagesbild/']").first().getAttribute("href"))!);
  await page.goto(deep[2]!);
  deep.push((await page.locator("main a[href*='/incidents?slot']").first().getAttribute("href"))!);
  expect(await widePages(page, deep)).toEqual([]);
});
