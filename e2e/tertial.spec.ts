import { periodRange, shiftPeriod, tertialKey } from "../lib/time/periods";
import { createHash } from "node:crypto";
import { downloadPdf, expect, openMenu, signInAndWait, signOut, sql, test, USERS } from "./fixtures";

const tertial = shiftPeriod(tertialKey(new Date()), -1);
const previous = shiftPeriod(tertial, -1);

/** Edsberg's events in a tertial (reports that begin one, ADR 018), counted straight from the table,
 * or its reports. */
async function edsbergCount(key: string, of: "events" | "reports" = "events") {
  const { start, end } = periodRange(key);
  const [row] = await sql<{ n: number }>(
    `SELECT count(*) FILTER (WHERE ${of === "events" ? `i."eventStart"` : "true"})::int AS n FROM incident i JOIN area a ON a.id = i."areaId" JOIN municipality m ON m.id = i."municipalityId"
     WHERE m.slug = 'sollentuna' AND a.code = 'edsberg' AND i.status = 'ACTIVE' AND i."occurredAt" >= $1 AND i."occurredAt" < $2`,
    [start, end],
  );
  return row!.n;
}

test("EST Strategisk drafts the tertial analysis; EST Ledning compares Edsberg with the previous tertial, drills down and approves", async ({ page }) => {
  // EST Strategisk (the coordinator) writes the assessment and hands it to review.
  await signInAndWait(page, USERS.coordinator);
  await page.goto(`/tertial/${tertial}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tertialanalys");
  await page.getByLabel("Övergripande bedömning för kommunen").fill("Fler händelser i Edsberg, främst skadegörelse kvällstid.");
  await page.getByLabel("Bedömning Edsberg").fill("Centrum och torget kvällstid; följ upp belysningen.");
  await page.getByLabel("Förslag till beslut").fill("EST Ledning godkänner analysen och ger säkerhetsenheten i uppdrag att följa upp belysningen i Edsberg.");
  await page.getByRole("button", { name: "Spara texten" }).click();
  await expect(page.getByText("Sparat.")).toBeVisible();
  await page.getByRole("button", { name: "Skicka till granskning" }).click();
  await expect(page.getByText("Under granskning").first()).toBeVisible();
  await signOut(page);

  // EST Ledning is told on its start page, and its group page leads there too.
  await signInAndWait(page, USERS.ledning);
  const label = new RegExp(`^Tertialanalys T${tertial.slice(-1)} ${tertial.slice(0, 4)} \\(.+\\) – väntar på ert godkännande$`);
  await expect(page.getByTestId("tertial-tasks").getByRole("link", { name: label })).toHaveAttribute("href", `/tertial/${tertial}`);
  await page.getByTestId("my-groups").getByRole("link", { name: /EST Ledning/ }).first().click();
  await page.getByRole("link", { name: new RegExp(`^Tertialanalys T${tertial.slice(-1)} ${tertial.slice(0, 4)}`) }).click();
  await expect(page.getByText("Under granskning").first()).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/tertial/${tertial}$`));

  // It compares Edsberg with the previous tertial and opens the incidents behind it.
  await openMenu(page, "Uppföljning");
  await page.getByRole("link", { name: "Tertialanalys" }).click();
  await page.getByTestId("tertial-list").getByRole("link", { name: new RegExp(`^T${tertial.slice(-1)} ${tertial.slice(0, 4)}`) }).click();
  const edsberg = page.getByTestId("area-section").filter({ has: page.getByRole("heading", { name: /^Edsberg/ }) });
  const [now, before] = [await edsbergCount(tertial), await edsbergCount(previous)];
  await expect(edsberg.getByTestId("area-summary")).toContainText(`${now} händelser`);
  await expect(edsberg.getByTestId("change-previous")).toContainText(`(${before} → ${now})`);
  await expect(edsberg).toContainText("Centrum och torget kvällstid");
  await edsberg.getByRole("link", { name: /händelser$/ }).first().click();
  await expect(page.getByRole("heading", { name: "Händelser bakom siffran" })).toBeVisible();
  await expect(page.getByTestId("drill-count")).toContainText(`${now} händelser`);
  await expect(page.getByTestId("drill-what")).toContainText("Edsberg");
  await page.getByRole("link", { name: /Till analysen/ }).click();

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Godkänn analysen" }).click();
  await expect(page.getByText(/godkänd av Lars Holm/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Spara texten" })).toHaveCount(0);

  // The approved analysis was archived as a PDF at approval; the page shows its hash, and the
  // download is that very file: every category and the total in the area × category table, a
  // summary with the proposed decision first, page numbers on every page.
  await expect(page.getByTestId("archive-note")).toContainText(/SHA-256: [0-9a-f]{64}/);
  const shownHash = (await page.getByTestId("archive-note").textContent())!.match(/[0-9a-f]{64}/)![0];
  const approvedPdf = await downloadPdf(page);
  expect(createHash("sha256").update(approvedPdf.bytes).digest("hex")).toBe(shownHash);
  const categories = await sql<{ label: string }>(`SELECT c.label FROM incident_category c JOIN municipality m ON m.id = c."municipalityId" WHERE m.slug = 'sollentuna' AND c."parentId" IS NULL`);
  expect(categories.length).toBeGreaterThan(5);
  // A long category name may wrap inside its column head: compare with white space folded.
  const pages = approvedPdf.pages.map((p) => p.replace(/\s+/g, " "));
  const matrixPage = pages.find((p) => p.includes("Kommundel × kategori"))!;
  expect(matrixPage).toContain("Totalt");
  for (const { label } of categories) expect(matrixPage).toContain(label);
  pages.forEach((text, i) => expect(text).toContain(`Sida ${i + 1} av ${pages.length}`));
  expect(pages[0]).toContain("Sammanfattning");
  expect(pages[0]).toContain("Förslag till beslut EST Ledning godkänner analysen och ger säkerhetsenheten i uppdrag");
  expect(pages[0]).toMatch(/Godkänd \d{4}-\d{2}-\d{2} av Lars Holm/);
  expect(pages[0]).toContain("Rapporteringstäckning");
  // The summary has its page: the analysis itself begins on the next.
  expect(pages[0]).not.toContain("Kommunen som helhet");

  // A late report changes nothing in what was approved, and the drill-down still shows the approved set.
  const reportsBefore = await edsbergCount(tertial, "reports");
  await sql(
    `INSERT INTO incident ("municipalityId", "areaId", "categoryId", "reporterOrgId", place, "occurredAt", "isoWeek", "updatedAt")
     SELECT m.id, a.id, c.id, o.id, 'Edsbergs torg', $1::timestamptz, 'x', now() FROM municipality m
     JOIN area a ON a."municipalityId" = m.id AND a.code = 'edsberg' JOIN incident_category c ON c."municipalityId" = m.id AND c.code = 'skadegorelse'
     JOIN organisation o ON o."municipalityId" = m.id AND o.code = 'polis' WHERE m.slug = 'sollentuna'`.replace("'x'", "to_char($1::timestamptz AT TIME ZONE 'Europe/Stockholm', 'IYYY-\"W\"IW')"),
    [new Date(periodRange(tertial).start.getTime() + 10 * 86_400_000)],
  );
  expect(await edsbergCount(tertial, "reports")).toBe(reportsBefore + 1);
  await page.reload();
  await expect(edsberg.getByTestId("area-summary")).toContainText(`${now} händelser`);
  await edsberg.getByRole("link", { name: /händelser$/ }).first().click();
  await expect(page.getByTestId("drill-count")).toContainText(`${now} händelser`);
  await expect(page.getByTestId("drill-count")).toContainText("godkända analysens ögonblicksbild");

  // The archived PDF is served unchanged after the later report: byte for byte the same file.
  await page.getByRole("link", { name: /Till analysen/ }).click();
  const again = await downloadPdf(page);
  expect(again.bytes.equals(approvedPdf.bytes)).toBe(true);

  // Approved: nothing waits for Ledning on its start page any more.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Mina grupper" })).toBeVisible();
  await expect(page.getByRole("link", { name: label })).toHaveCount(0);
});

test("a reporter has no tertial analysis", async ({ page }) => {
  await signInAndWait(page, USERS.reporter);
  await expect(page.getByRole("link", { name: "Tertialanalys", includeHidden: true })).toHaveCount(0);
  expect((await page.goto(`/tertial/${tertial}`))?.status()).toBe(404);
  expect((await page.goto(`/tertial/${tertial}/incidents?slot=${tertial}`))?.status()).toBe(404);
  expect((await page.request.get(`/tertial/${tertial}/pdf`)).status()).toBe(404);
});

test("a police officer of a lokalpolisområde sees her three municipalities side by side", async ({ page }) => {
  await signInAndWait(page, USERS.police);
  await page.getByRole("link", { name: "Flera kommuner" }).click();
  const rows = page.getByTestId("across-table").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "Sollentuna" })).toBeVisible();
  await page.getByLabel("Annan period").fill("2026-Q9");
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("är ingen period");
  await expect(page.getByLabel("Annan period")).toHaveValue("2026-Q9");
});

test("the lägesbild och åtgärdsplan under law 2023:196: Strategisk writes the analysis, Ledning adopts it as version 1", async ({ page }) => {
  const period = shiftPeriod(tertial, -1);
  // The Police's open events, as `sources:import polisen-handelser` stores them: the first and the
  // last day of the period, so that the import covers it.
  const { start, end } = periodRange(period);
  const at = (ms: number) => new Date(ms).toISOString();
  for (const [id, when, type] of [[9_000_001, start.getTime() + 3_600_000, "Rån"], [9_000_002, start.getTime() + 86_400_000 * 40, "Rån"], [9_000_003, end.getTime() - 3_600_000, "Brand"]] as const) {
    await sql(
      `INSERT INTO police_event ("municipalityId", "policeId", "occurredAt", "publishedAt", type, name, "locationName")
       SELECT id, $1, $2, $2, $3, $3 || ', Sollentuna', 'Sollentuna' FROM municipality WHERE slug = 'sollentuna' ON CONFLICT DO NOTHING`,
      [id, at(when), type],
    );
  }
  await signInAndWait(page, USERS.coordinator);
  await page.goto(`/lag/${period}`);
  await expect(page.getByRole("heading", { name: "1. Kartläggning" })).toBeVisible();
  const police = page.getByTestId("police-events");
  await expect(police).toContainText("3 händelser på Polisens webbplats (polisen.se), räknade efter när de hände – en egen källa bredvid EST-rapporterna");
  await expect(police).not.toContainText("täcker inte hela perioden");
  await expect(police.getByRole("row", { name: "Rån 2" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "4. Åtgärdsplan" })).toBeVisible();
  await page.getByLabel("3. Analys").fill("Ring 070-123 45 67 om torget.");
  await page.getByRole("button", { name: "Spara utkastet" }).click();
  await expect(page.locator("#law-analysis-error")).toContainText("telefonnummer");
  await expect(page.getByLabel("3. Analys")).toHaveValue("Ring 070-123 45 67 om torget.");
  await page.getByLabel("3. Analys").fill("Skadegörelsen har flyttat från centrum till torget.");
  await page.getByLabel("Förslag till beslut").fill("Kommunstyrelsen fastställer lägesbilden och åtgärdsplanen.");
  await page.getByRole("button", { name: "Spara utkastet" }).click();
  await expect(page.getByText("Sparat.")).toBeVisible();
  await signOut(page);

  await signInAndWait(page, USERS.ledning);
  await page.goto(`/lag/${period}`);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Fastställ versionen" }).click();
  await expect(page.getByText("Fastställd", { exact: true })).toBeVisible();
  await expect(page.getByTestId("law-analysis")).toHaveText("Skadegörelsen har flyttat från centrum till torget.");
  await expect(page.getByRole("link", { name: /^version 1 / })).toBeVisible();

  // The adopted version is archived; its PDF opens with the summary and the proposed decision.
  await expect(page.getByTestId("archive-note")).toContainText(/SHA-256: [0-9a-f]{64}/);
  const { bytes, pages } = await downloadPdf(page);
  expect(createHash("sha256").update(bytes).digest("hex")).toBe((await page.getByTestId("archive-note").textContent())!.match(/[0-9a-f]{64}/)![0]);
  const first = pages[0]!.replace(/\s+/g, " ");
  expect(first).toContain("Förslag till beslut Kommunstyrelsen fastställer lägesbilden och åtgärdsplanen.");
  // The adopted version keeps the Police's events beside the EST reports.
  expect(pages.join(" ").replace(/\s+/g, " ")).toContain("Polisens öppna händelser under perioden");
  expect(first).toMatch(/Fastställd \d{4}-\d{2}-\d{2} av Lars Holm/);
  expect(first).toContain(`Sida 1 av ${pages.length}`);
  expect(pages.join(" ")).toContain("Skadegörelsen har flyttat från centrum till torget.");
});

test("a long text saves itself: the tertial analysis's assessment is kept without pressing save", async ({ page }) => {
  // The ongoing tertial, which the other tests here leave alone.
  const current = tertialKey(new Date());
  await signInAndWait(page, USERS.coordinator);
  await page.goto(`/tertial/${current}`);
  const text = `Autosparat utkast ${Date.now()}`;
  await page.getByLabel("Övergripande bedömning för kommunen").fill(text);
  await expect(page.getByTestId("narrative-form")).toContainText("Ändringar sparas automatiskt");
  await expect(page.getByTestId("narrative-form")).toContainText("Sparat.", { timeout: 15_000 });
  await page.reload();
  await expect(page.getByLabel("Övergripande bedömning för kommunen")).toHaveValue(text);
});

test("a tertial that reporting began in shows its coverage, and counts with the reason instead of a percentage against periods nobody reported in (issue 25)", async ({ page }) => {
  // The demo's reporting began 104 weeks ago: a week later lies in the tertial it began in.
  const first = tertialKey(new Date(Date.now() - 103 * 7 * 86_400_000));
  await signInAndWait(page, USERS.coordinator);
  await page.goto(`/tertial/${first}`);
  const total = page.getByTestId("total");
  await expect(total).toContainText("ingen rapportering då");
  await expect(total).not.toContainText("%");
  await expect(page.getByTestId("coverage")).toContainText(/Rapporteringstäckning \d+ %/);
  // The periods before it are drawn as gaps, not as 0.
  await expect(page.getByTestId("trend-marks").first()).toContainText(`${shiftPeriod(first, -1).replace("-", " ")}: ingen rapportering`);
  // Per area the same rule: no area compares itself with the empty tertial before.
  await expect(page.getByTestId("area-table")).not.toContainText("%");

  // The coordinator sees who is expected to report and since when.
  await page.goto("/incidents/completeness");
  await expect(page.getByTestId("reporting-coverage")).toContainText(/Täckningen i T\d \d{4} \(.+\) hittills: \d+ %/);
  const police = page.getByTestId("reporting-days").getByRole("row", { name: /Polisen/ });
  await expect(police).toContainText("första rapport v.");
  // A pause over weeks the police reported in is refused with the dates; what was typed stays.
  await police.getByText("Ändra").click();
  const pause = police.getByRole("form", { name: /Lägg till paus/ });
  const [from, to] = [new Date(Date.now() - 28 * 86_400_000), new Date(Date.now() - 86_400_000)].map((d) => d.toISOString().slice(0, 10));
  await pause.getByLabel("Första dag").fill(from!);
  await pause.getByLabel("Sista dag").fill(to!);
  await pause.getByRole("button", { name: "Lägg till paus" }).click();
  await expect(pause.getByText(/Organisationen har rapporterat under pausen \(antal: \d+, \d{4}-\d{2}-\d{2}–\d{4}-\d{2}-\d{2}\)/)).toBeVisible();
  await expect(pause.getByLabel("Första dag")).toHaveValue(from!);
  await expect(police.getByText("inga")).toBeVisible();
});
