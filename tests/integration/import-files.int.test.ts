// Issue 28: the files a municipality really has, in and out. The inputs are made by LibreOffice
// headless and ExcelJS (tests/fixtures/import/make.mjs); the exports are the app's own.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { buffer } from "node:stream/consumers";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { db, disconnectDb } from "@/lib/db";
import { importIncidentsCsv } from "@/lib/incidents/import/run";
import { EXPORT_FORMATS, type ExportFormat, incidentExport } from "@/lib/incidents/export";
import { iterateMunicipalityIncidents } from "@/lib/incidents/queries";
import { periodRange } from "@/lib/time/periods";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const fixture = (name: string) => readFileSync(path.join(process.cwd(), "tests/fixtures/import", name));
const sollentuna = () => db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" }, select: { id: true } });
const exportFile = async (format: ExportFormat, period: string) => buffer(incidentExport(format, iterateMunicipalityIncidents((await sollentuna()).id, periodRange(period))));
const stored = (externalId: string) =>
  db().incident.findFirstOrThrow({ where: { externalId }, select: { id: true, place: true, description: true, occurredAt: true, latitude: true, status: true, withdrawnAt: true, version: true } });

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0 });
});
after(() => disconnectDb());

test("a semicolon file in Windows-1252 keeps å, ä and ö; the same table as UTF-8, UTF-16 and xlsx changes nothing", async () => {
  const first = await importIncidentsCsv(fixture("libreoffice-semikolon-1252.csv"), "sollentuna");
  assert.equal(first.format, "CSV, semikolonavgränsad, Windows-1252");
  assert.deepEqual([first.committed, first.inserted, first.invalid], [true, 3, 0], JSON.stringify(first.errors));
  const one = await stored("FX-1");
  assert.equal(one.place, "Häggviks gymnasium – entré");
  assert.equal(one.description, "Krossad ruta, glas på marken");
  // LibreOffice's "2015-03-05 09:27:00" is Stockholm wall time (UTC+1 in March).
  assert.equal(one.occurredAt.toISOString(), "2015-03-05T08:27:00.000Z");
  assert.equal((await stored("FX-2")).occurredAt.toISOString(), "2015-03-05T21:14:30.000Z");
  assert.equal((await stored("FX-3")).description, "Trasig belysning; mörkt i gången");
  // No replacement character anywhere.
  const [{ n }] = await db().$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM incident WHERE place LIKE '%' || chr(65533) || '%' OR description LIKE '%' || chr(65533) || '%'`;
  assert.equal(n, 0);
  for (const name of ["libreoffice-semikolon-utf8.csv", "libreoffice-tabb-utf16.txt", "libreoffice.xlsx", "exceljs.xlsx"]) {
    const again = await importIncidentsCsv(fixture(name), "sollentuna", { dryRun: true });
    assert.deepEqual([again.inserted, again.updated, again.unchanged, again.invalid], [0, 0, 3, 0], `${name}: ${JSON.stringify(again.errors)}`);
  }
  assert.equal((await stored("FX-1")).version, 1);
});

test("an .xls or an encoding that is neither UTF-8 nor Windows-1252 is refused and stores nothing", async () => {
  const before = await db().incident.count();
  await assert.rejects(importIncidentsCsv(fixture("libreoffice.xls"), "sollentuna"), /äldre Excel-fil \(\.xls\)/);
  await assert.rejects(importIncidentsCsv(fixture("macroman.csv"), "sollentuna"), /teckenkodning känns inte igen/);
  assert.equal(await db().incident.count(), before);
});

test("an export imported again – xlsx, CSV for Swedish Excel, comma CSV – changes nothing; edits and withdrawals in it are carried out", async () => {
  const rows = [
    // The second 02:30 of the night summer time ends (UTC+1), a guarded description, a GIS point.
    "2022-10-30T02:30+01:00;Edsberg;Edsbergs torg;skadegorelse;polis;-kl 02 krossad ruta;;;RT-1",
    "2022-10-30 02:30;Edsberg;Edsbergs torg;skadegorelse;Sollentunahem AB;=första halvtimmen;;;RT-2",
    "2022-10-12 18:05:45;Häggvik;Häggviks gymnasium – entré;otrygg_plats;Sollentunahem AB;Trasig belysning;6590742,5;667280,25;RT-3",
    "2022-10-13 07:00;Rotebro;Rotebro station;samling;polis;Grupp vid trappan;59,4791;17,9132;",
  ];
  const created = await importIncidentsCsv(`occurred_at;area;place;category;reporter_org;description;latitude;longitude;external_id\n${rows.join("\n")}\n`, "sollentuna");
  assert.deepEqual([created.committed, created.inserted], [true, 4], JSON.stringify(created.errors));
  const withdrawn = await stored("RT-2");
  await db().incident.update({ where: { id: withdrawn.id }, data: { status: "WITHDRAWN", withdrawnAt: new Date(), withdrawReason: "Fel kommundel" } });
  const versions = await db().incidentVersion.count();

  for (const format of EXPORT_FORMATS) {
    const file = await exportFile(format, "2022-10");
    const preview = await importIncidentsCsv(file, "sollentuna", { dryRun: true });
    assert.deepEqual([preview.rows, preview.inserted, preview.updated, preview.unchanged, preview.invalid], [4, 0, 0, 4, 0], `${format}: ${JSON.stringify(preview.errors)}`);
    const imported = await importIncidentsCsv(file, "sollentuna");
    assert.deepEqual([imported.committed, imported.inserted, imported.updated], [false, 0, 0], format);
  }
  assert.equal(await db().incident.count({ where: { occurredAt: { gte: periodRange("2022-10").start, lt: periodRange("2022-10").end } } }), 4);
  assert.equal(await db().incidentVersion.count(), versions);
  // Both 02:30s of that night came out with their offsets and went back as themselves.
  const csv = (await exportFile("csv-sv", "2022-10")).toString("utf8");
  assert.match(csv, /;2022-10-30T02:30\+01:00;Edsberg;Edsbergs torg;Skadegörelse;Polisen[^;]*;'-kl 02 krossad ruta;;;RT-1;aktiv\r\n/);
  assert.match(csv, /;2022-10-30T02:30\+02:00;Edsberg;[^\r]*;RT-2;tillbakadragen\r\n/);
  assert.match(csv, /;2022-10-12 18:05:45;Häggvik;/);
  assert.match(csv, /;"59,4791";"17,9132";;aktiv\r\n/);

  // Edit the workbook as a user would: move one place, withdraw one, restore the withdrawn one.
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await exportFile("xlsx", "2022-10") as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as string[]).slice(1);
  const col = (name: string) => header.indexOf(name) + 1;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const ext = row.getCell(col("external_id")).value;
    if (ext === "RT-1") row.getCell(col("status")).value = "tillbakadragen";
    if (ext === "RT-2") row.getCell(col("status")).value = "aktiv";
    if (ext === "RT-3") row.getCell(col("place")).value = "Häggviks gymnasium, norra entrén";
  });
  const edited = Buffer.from(await book.xlsx.writeBuffer());
  const plan = await importIncidentsCsv(edited, "sollentuna", { dryRun: true });
  assert.deepEqual([plan.inserted, plan.updated, plan.unchanged], [0, 3, 1]);
  const done = await importIncidentsCsv(edited, "sollentuna");
  assert.deepEqual([done.committed, done.inserted, done.updated, done.unchanged], [true, 0, 3, 1]);
  const [one, two, three] = [await stored("RT-1"), await stored("RT-2"), await stored("RT-3")];
  assert.equal(one.status, "WITHDRAWN");
  assert.ok(one.withdrawnAt);
  assert.deepEqual([two.status, two.withdrawnAt], ["ACTIVE", null]);
  assert.equal(three.place, "Häggviks gymnasium, norra entrén");
  assert.equal(three.version, 2);
  assert.equal(one.description, "-kl 02 krossad ruta");
  assert.equal(one.occurredAt.toISOString(), "2022-10-30T01:30:00.000Z");
  assert.equal(two.occurredAt.toISOString(), "2022-10-30T00:30:00.000Z");
});

test("an id of another municipality, or of none, is refused at its row and nothing is stored", async () => {
  const vasby = await db().municipality.findUniqueOrThrow({ where: { slug: "upplands-vasby" }, select: { id: true } });
  const foreign = await db().incident.create({
    data: {
      municipalityId: vasby.id, occurredAt: new Date("2022-10-05T10:00:00Z"), isoWeek: "2022-W40", place: "Väsby centrum",
      areaId: (await db().area.findFirstOrThrow({ where: { municipalityId: vasby.id } })).id,
      categoryId: (await db().incidentCategory.findFirstOrThrow({ where: { municipalityId: vasby.id, parentId: null } })).id,
      reporterOrgId: (await db().organisation.findFirstOrThrow({ where: { municipalityId: vasby.id } })).id,
    },
  });
  const before = await db().incident.count();
  const file = `id,occurred_at,area,place,category,reporter_org\n${foreign.id},2022-10-05 12:00,Edsberg,Torget,skadegorelse,polis\n`;
  const report = await importIncidentsCsv(file, "sollentuna");
  assert.equal(report.committed, false);
  assert.deepEqual(report.errors.map((e) => [e.row, e.column]), [[2, "id"]]);
  assert.match(report.errors[0]!.reason, /ingen händelse med detta id i kommunen/);
  assert.equal(await db().incident.count(), before);
  assert.equal((await db().incident.findUniqueOrThrow({ where: { id: foreign.id } })).place, "Väsby centrum");
});

test("the command line exports a period in each format, and its export imports back unchanged", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "est-export-"));
  const est = (...args: string[]) => spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/est.ts", ...args], { encoding: "utf8", env: process.env });
  for (const format of EXPORT_FORMATS) {
    const file = path.join(dir, `handelser.${format}`);
    const out = est("export", "--municipality", "sollentuna", "--period", "2022-10", "--format", format, "--file", file);
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /4 händelser \(Sollentuna kommun, 2022-10\) skrivna till/);
    const back = est("import", file, "--municipality", "sollentuna", "--dry-run");
    assert.equal(back.status, 0, back.stdout + back.stderr);
    assert.match(back.stdout, /Provkörning: 0 nya, 0 uppdateras, 4 oförändrade\. Inget sparades\./);
  }
  const bad = est("export", "--municipality", "sollentuna", "--period", "oktober", "--file", path.join(dir, "x.csv"));
  assert.equal(bad.status, 2);
});

test("the GeoJSON export holds the incidents with a map pin as points, longitude first, and says how many had none", async () => {
  const file = JSON.parse((await exportFile("geojson", "2022-10")).toString("utf8")) as {
    type: string; excluded: number; features: { geometry: { type: string; coordinates: [number, number] }; properties: Record<string, string> }[];
  };
  assert.equal(file.type, "FeatureCollection");
  assert.equal(file.excluded, 2);
  const rotebro = file.features.find((f) => f.properties.place === "Rotebro station")!;
  assert.deepEqual(rotebro.geometry, { type: "Point", coordinates: [17.9132, 59.4791] });
  assert.equal(rotebro.properties.area, "Rotebro");
  // The point given in SWEREF 99 TM comes out in degrees.
  const [lon, lat] = file.features.find((f) => f.properties.place === "Häggviks gymnasium, norra entrén")!.geometry.coordinates;
  assert.ok(lat > 59.4 && lat < 59.5 && lon > 17.9 && lon < 18.0, `${lat},${lon}`);
});

test("a GIS file without kommundel takes it from each pin, given the areas' outlines", async () => {
  const { loadViewer } = await import("@/lib/auth/load-viewer");
  const { uploadAreaOutlines } = await import("@/lib/areas/outlines");
  const admin = (await loadViewer((await db().user.findUniqueOrThrow({ where: { email: "admin@sollentuna.example" } })).id))!;
  const square = [[17.98, 59.44], [17.995, 59.44], [17.995, 59.45], [17.98, 59.45], [17.98, 59.44]];
  await uploadAreaOutlines(admin, (await sollentuna()).id, JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { name: "Edsberg" }, geometry: { type: "Polygon", coordinates: [square] } }] }));
  const file = "occurred_at;place;category;reporter_org;latitude;longitude;external_id\n2022-11-02 21:30;Edsbergs torg;skadegorelse;polis;59,445;17,99;PIN-1\n2022-11-02 22:30;Långt bort;skadegorelse;polis;59,5;17,9;PIN-2\n";
  const report = await importIncidentsCsv(file, "sollentuna", { skipInvalid: true });
  assert.deepEqual([report.committed, report.inserted, report.invalid], [true, 1, 1]);
  assert.deepEqual(report.warnings.map((w) => [w.row, w.column, w.reason]), [[2, "area", "kommundel ”Edsberg” efter kartnålen"]]);
  assert.deepEqual(report.errors.map((e) => [e.row, e.column]), [[3, "area"]]);
  const pinned = await db().incident.findFirstOrThrow({ where: { externalId: "PIN-1" }, select: { area: { select: { name: true } } } });
  assert.equal(pinned.area.name, "Edsberg");
});
