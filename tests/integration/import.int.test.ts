import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { importIncidentsCsv } from "@/lib/incidents/import/run";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const HEADER = "occurred_at,area,place,category,reporter_org,description,latitude,longitude,external_id";
const csv = (...rows: string[]) => `\uFEFF${HEADER}\r\n${rows.join("\r\n")}\r\n`;
const good = (id: string, place = "Edsbergs torg") => `2026-11-20 21:30,Edsberg,${place},skadegorelse,Sollentunahem AB,"Klotter, ""stort""",59.44,17.98,${id}`;
const bad = "2026-03-29 02:30,Atlantis,Torget,skadegorelse,Sollentunahem AB,,,,B-1";
const count = () => db().incident.count();

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0 });
});
after(() => disconnectDb());

test("one invalid row means nothing is imported, and the report names row, column and reason", async () => {
  const before = await count();
  const report = await importIncidentsCsv(csv(good("A-1"), bad, good("A-2")), "sollentuna");
  assert.equal(report.committed, false);
  assert.equal(await count(), before);
  assert.deepEqual(report.errors.map((e) => [e.row, e.column]), [[3, "occurred_at"], [3, "area"]]);
});

test("an invalid row after rows were already written rolls the whole import back", async () => {
  // Rows are written batch by batch while the file is read; the bad row comes after the first batch.
  const before = await count();
  const versions = await db().incidentVersion.count();
  const rows = Array.from({ length: 6000 }, (_, i) => good(`L-${i}`));
  const report = await importIncidentsCsv(csv(...rows, bad, good("L-late")), "sollentuna");
  assert.deepEqual([report.committed, report.valid, report.invalid, report.inserted], [false, 6001, 1, 0]);
  assert.deepEqual(report.errors.map((e) => e.row), [6002, 6002]);
  assert.equal(await count(), before);
  assert.equal(await db().incidentVersion.count(), versions);
  // The same file with invalid rows skipped stores every valid row, the late one too.
  const skipped = await importIncidentsCsv(csv(...rows, bad, good("L-late")), "sollentuna", { skipInvalid: true });
  assert.deepEqual([skipped.committed, skipped.inserted], [true, 6001]);
  assert.equal(await count(), before + 6001);
});

test("--skip-invalid imports the valid rows; --dry-run imports nothing", async () => {
  const before = await count();
  const dry = await importIncidentsCsv(csv(good("S-1"), bad), "sollentuna", { dryRun: true, skipInvalid: true });
  assert.equal(dry.committed, false);
  assert.equal(await count(), before);
  const report = await importIncidentsCsv(csv(good("S-1"), bad, good("S-2")), "sollentuna", { skipInvalid: true });
  assert.deepEqual([report.valid, report.invalid, report.inserted], [2, 1, 2]);
  assert.equal(await count(), before + 2);
});

test("re-running an import updates instead of duplicating", async () => {
  const first = await importIncidentsCsv(csv(good("R-1"), good("R-2")), "sollentuna");
  assert.deepEqual([first.inserted, first.updated], [2, 0]);
  const before = await count();
  const again = await importIncidentsCsv(csv(good("R-1", "Edsbergs centrum"), good("R-2")), "sollentuna");
  // The changed row updates its incident; the same row again changes nothing, not even its version.
  assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 1, 1]);
  assert.equal((await db().incident.findFirstOrThrow({ where: { externalId: "R-2" }, select: { version: true } })).version, 1);
  assert.equal(await count(), before);
  const row = await db().incident.findFirstOrThrow({ where: { externalId: "R-1" }, select: { place: true, description: true, version: true, versions: { select: { version: true } } } });
  assert.deepEqual({ place: row.place, description: row.description, version: row.version }, { place: "Edsbergs centrum", description: 'Klotter, "stort"', version: 2 });
  assert.equal(row.versions.length, 2);
  const dup = await importIncidentsCsv(csv(good("D-1"), good("D-1")), "sollentuna");
  assert.equal(dup.committed, false);
  assert.match(dup.errors[0]!.reason, /samma external_id och organisation som rad 2/);
});

test("a failure while writing leaves the database exactly as it was", async () => {
  await db().$executeRawUnsafe(`CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.place = 'BOOM' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
  await db().$executeRawUnsafe(`CREATE TRIGGER boom BEFORE INSERT ON incident FOR EACH ROW EXECUTE FUNCTION boom()`);
  try {
    const before = await count();
    const versions = await db().incidentVersion.count();
    const rows = Array.from({ length: 6000 }, (_, i) => good(`F-${i}`, i === 5500 ? "BOOM" : "Torget"));
    await assert.rejects(importIncidentsCsv(csv(...rows), "sollentuna"), /injected failure/);
    assert.equal(await count(), before);
    assert.equal(await db().incidentVersion.count(), versions);
  } finally {
    await db().$executeRawUnsafe(`DROP TRIGGER boom ON incident`);
    await db().$executeRawUnsafe(`DROP FUNCTION boom()`);
  }
});

test("a file that is not CSV or lacks columns is refused with a clear message", async () => {
  await assert.rejects(importIncidentsCsv("place,area\nx,y\n", "sollentuna"), /Rubrikraden saknar kolumnerna occurred_at, category, reporter_org/);
  await assert.rejects(importIncidentsCsv(`${HEADER}\n"unterminated,a,b\n`, "sollentuna"), /citattecken öppnas men stängs aldrig \(filen tar slut på rad 2\)/);
  await assert.rejects(importIncidentsCsv(csv(good("N-1")), "atlantis"), /finns inte/);
});

test("the command line reports bad rows and exits non-zero; --dry-run and --skip-invalid behave", async () => {
  const { spawnSync } = await import("node:child_process");
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "est-cli-")), "handelser.csv");
  writeFileSync(file, csv(good("CLI-1"), bad));
  const est = (...args: string[]) => spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/est.ts", ...args], { encoding: "utf8", env: process.env });
  const before = await count();
  const strict = est("import", file, "--municipality", "sollentuna");
  assert.equal(strict.status, 1);
  assert.match(strict.stdout, /rad 3, occurred_at: tiden finns inte/);
  assert.match(strict.stdout, /rad 3, area: okänd kommundel ”Atlantis”/);
  assert.match(strict.stdout, /Inget importerades/);
  assert.equal(await count(), before);
  const skip = est("import", file, "--municipality", "sollentuna", "--skip-invalid");
  assert.equal(skip.status, 0, skip.stderr);
  assert.match(skip.stdout, /Importerat: 1 nya, 0 uppdaterade/);
  assert.equal(await count(), before + 1);
  assert.equal(est("import", "/nonexistent.csv", "--municipality", "sollentuna").status, 2);
});

test("an upload past its size cap fails at the cap, in a preview and in an import, and saves nothing (issue 26)", async () => {
  const { Readable } = await import("node:stream");
  const { BodyTooLarge, capStream } = await import("@/lib/http/body");
  const before = await db().incident.count();
  // A valid file that goes on and on: the cap (64 KiB here) stops it, whatever the rows say.
  const rows = function* () {
    yield "occurred_at,area,place,category,reporter_org,description,latitude,longitude,external_id\n";
    for (let i = 0; i < 5000; i++) yield `2026-11-02 21:30,Edsberg,Edsbergs torg,skadegorelse,polis,,,,CAP-${i}\n`;
  };
  for (const dryRun of [true, false]) {
    await assert.rejects(importIncidentsCsv(Readable.from(rows()).pipe(capStream(64 * 1024)), "sollentuna", { dryRun }), BodyTooLarge, `dryRun ${dryRun}`);
  }
  assert.equal(await db().incident.count(), before);
});

test("rows of the same place, category and hour are flagged as possible duplicates in the preview, and imported as the file says (issue 25)", async () => {
  const row = (id: string, at: string, place: string, category = "skadegorelse") => `${at},Edsberg,${place},${category},Sollentunahem AB,,,,${id}`;
  const report = await importIncidentsCsv(
    csv(
      row("P-1", "2026-11-10 21:00", "Tingvalla torg"),
      row("P-2", "2026-11-10 21:40", " tingvalla TORG"),
      row("P-3", "2026-11-10 23:00", "Tingvalla torg"),
      row("P-4", "2026-11-10 21:10", "Tingvalla torg", "samling"),
    ),
    "sollentuna",
    { dryRun: true },
  );
  assert.equal(report.valid, 4);
  assert.deepEqual(report.warnings.map((w) => [w.row, w.column, w.reason]), [[3, "place", "möjlig dubblett av rad 2: samma plats och kategori inom en timme"]]);
});
