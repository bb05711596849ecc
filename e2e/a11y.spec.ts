import AxeBuilder from "@axe-core/playwright";
import { expect, menuPages, signInAndWait, test, USERS } from "./fixtures";
import type { Page } from "@playwright/test";

// Every page a role reaches from its menus passes axe (WCAG 2.1 A and AA), plus the deep pages
// the main journeys go through. The pages are found by following the role's own navigation, so a
// new menu entry is checked without touching this file. Roles are swept from the widest access
// to the narrowest; a page another role's sweep already ran axe on is only opened (for console
// errors and failed loads), since the same template is checked – axe costs ~1.5 s a page here,
// and the roles share most pages. Each role's start page, which differs by role, is always checked.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Console errors and failed loads (a missing icon, a broken script) on the pages a test visits. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${new URL(page.url()).pathname}: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${new URL(page.url()).pathname}: ${r.status()} ${r.url()}`);
  });
  return errors;
}

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(result.violations.map((v) => `${path}: ${v.id} – ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
}

const WIDEST_FIRST = ["admin", "coordinator", "ledning", "police", "reporter", "nightWalker", "vasby"] as const satisfies (keyof typeof USERS)[];
/** Pages axe has run on in this worker; a retried test starts a new worker and checks all again. */
const checked = new Set<string>();
if (new Set(WIDEST_FIRST).size !== Object.keys(USERS).length) throw new Error("a role in USERS is missing from WIDEST_FIRST");

for (const role of WIDEST_FIRST) {
  test(`every page in the ${role}'s menus passes axe, without console errors or failed loads`, async ({ page }) => {
    test.setTimeout(180_000);
    const errors = watchForErrors(page);
    await signInAndWait(page, USERS[role]);
    const pages = await menuPages(page);
    expect(pages.length).toBeGreaterThan(1);
    for (const path of pages) {
      if (path === "/" || !checked.has(path)) await expectNoViolations(page, path);
      else {
        await page.goto(path);
        await expect(page.locator("main")).toBeVisible();
      }
      checked.add(path);
    }
    expect(errors).toEqual([]);
  });
}

test("the deep pages of the main journeys pass axe: week report, lägesbild, tertial drill-down", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAndWait(page, USERS.coordinator);
  const deep: string[] = [];
  for (const [from, link] of [
    ["/", /EST Vecko/],
    ["/tertial", /T[123]/],
  ] as const) {
    await page.goto(from);
    const href = await page.locator("main").getByRole("link", { name: link }).first().getAttribute("href");
    expect(href, `a link matching ${link} on ${from}`).toBeTruthy();
    deep.push(href!);
  }
  for (const path of deep) {
    await expectNoViolations(page, path);
    // One level further: the first link into a lägesbild or a tertial area, where there is one.
    const further = page.locator("main a[href*='/lagesbild/'], main a[href*='/tertial/'][href*='area']");
    const next = (await further.count()) ? await further.first().getAttribute("href") : null;
    if (next) await expectNoViolations(page, next);
  }
  await expectNoViolations(page, "/tillganglighet");
  // The weekly report's quick-entry table, reached from the week report.
  await page.goto("/incidents/week");
  const quick = await page.getByRole("link", { name: /snabbregistrering/ }).getAttribute("href");
  expect(quick).toMatch(/\/snabb$/);
  await expectNoViolations(page, quick!);
});
