import { expect, menuPages, signInAndWait, test, USERS } from "./fixtures";

// Upplands Väsby has started with EST but has no incidents, actions or meetings held yet. Every
// page its coordinator can reach must then say what is missing and what to do, never show an
// empty table, list or chart.
test("a municipality without data: no page shows an empty table, list or chart", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAndWait(page, USERS.vasby);
  const seen = new Set<string>();
  // One page of each kind: ids and period keys stand for any, query strings are left out.
  const shapes = new Set<string>();
  const shape = (href: string) => href.split(/[?#]/)[0]!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id").replace(/\d{4}-(W\d{2}|T\d|Q\d|\d{2})/g, ":period");
  const problems: string[] = [];
  const queue = await menuPages(page);
  for (const href of queue) shapes.add(shape(href));
  // From the menu on through every kind of page they link to: a group, its lägesbild, quarter
  // pack and meetings, the tertial drill-down, the month report, …
  for (let i = 0; i < queue.length && seen.size < 80; i++) {
    const path = queue[i]!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await page.goto(path);
    expect(res?.status(), path).toBeLessThan(400);
    const empty = await page.locator("main").evaluate((main) => {
      const out: string[] = [];
      for (const t of main.querySelectorAll("table")) if (!t.querySelector("tbody tr")) out.push(`table ${t.getAttribute("data-testid") ?? t.querySelector("caption")?.textContent ?? ""}`);
      for (const l of main.querySelectorAll("ul, ol")) if (!l.querySelector("li")) out.push(`list ${l.getAttribute("data-testid") ?? l.className}`);
      for (const s of main.querySelectorAll("svg[role='img']")) if (!s.querySelector("rect, path, circle, polyline")) out.push(`chart ${s.getAttribute("aria-label") ?? ""}`);
      return out;
    });
    problems.push(...empty.map((e) => `${path}: ${e}`));
    const links = await page.locator("main a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    for (const href of links) {
      if (/export|\/template|\/pdf(\?|$)|\.ics|\/api\//.test(href) || shapes.has(shape(href))) continue;
      shapes.add(shape(href));
      queue.push(href);
    }
  }
  expect(seen.size).toBeGreaterThan(10);
  expect(problems, "pages that show something empty").toEqual([]);
});
