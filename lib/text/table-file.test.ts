import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { decodeText, describeTable, detectDelimiter, openTableFile, type TableRow } from "./table-file";

// Files made by LibreOffice headless and ExcelJS (tests/fixtures/import/make.mjs), not by hand.
const fixture = (name: string) => readFileSync(path.join(process.cwd(), "tests/fixtures/import", name));
const COLUMNS = ["occurred_at", "area", "place", "category", "reporter_org", "description", "latitude", "longitude", "external_id"];

async function readAll(bytes: Buffer) {
  const table = await openTableFile(bytes, COLUMNS);
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { table, rows };
}

// What every one of the fixtures holds: Swedish letters, typographic quotes and dashes, a
// separator inside a quoted cell, times with seconds – and blank rows below the table.
const EXPECTED = [
  { occurred_at: "2015-03-05 09:27:00", area: "Häggvik", place: "Häggviks gymnasium – entré", category: "Skadegörelse", description: "Krossad ruta, glas på marken", external_id: "FX-1" },
  { occurred_at: "2015-03-05 22:14:30", area: "Edsberg", place: "Edsbergs torg", category: "Annat otrygghetsskapande eller ordningsstörande", description: "Högljudd grupp vid kiosken – ”störde”", external_id: "FX-2" },
  { occurred_at: "2015-03-06 07:05:00", area: "Rotebro", place: "Rotebro station, cykelgaraget", category: "Otrygg plats", description: "Trasig belysning; mörkt i gången", external_id: "FX-3" },
];

for (const [name, how] of [
  ["libreoffice-semikolon-1252.csv", "CSV, semikolonavgränsad, Windows-1252"],
  ["libreoffice-semikolon-utf8.csv", "CSV, semikolonavgränsad, UTF-8"],
  ["libreoffice-tabb-utf16.txt", "CSV, tabbavgränsad, UTF-16"],
  ["libreoffice.xlsx", "Excel-arbetsbok (.xlsx)"],
  ["exceljs.xlsx", "Excel-arbetsbok (.xlsx)"],
] as const) {
  test(`${name} is read as ${how}, every letter intact and blank rows skipped`, async () => {
    const { table, rows } = await readAll(fixture(name));
    assert.equal(describeTable(table), how);
    assert.deepEqual(table.header, COLUMNS);
    assert.equal(rows.length, 3);
    for (const [i, expected] of EXPECTED.entries()) {
      const cells = rows[i]!.cells;
      assert.deepEqual(Object.fromEntries(Object.keys(expected).map((k) => [k, cells[k]])), expected);
      assert.equal(Number(cells.latitude!.replace(",", ".")).toFixed(4), ["59.4415", "59.4419", "59.4791"][i]);
      assert.equal(rows[i]!.problem, undefined);
    }
    // Lines as the user's program numbers them: the header is line 1.
    assert.deepEqual(rows.map((r) => r.line), [2, 3, 4]);
  });
}

test("an .xls, an .ods and a PDF are refused with what to save them as", async () => {
  await assert.rejects(openTableFile(fixture("libreoffice.xls"), COLUMNS), /äldre Excel-fil \(\.xls\).*spara som Excel-arbetsbok \(\.xlsx\) eller som CSV/);
  await assert.rejects(openTableFile(fixture("libreoffice.ods"), COLUMNS), /OpenDocument-kalkylblad \(\.ods\).*spara som Excel-arbetsbok/);
  await assert.rejects(openTableFile(fixture("libreoffice.pdf"), COLUMNS), /Filen är en PDF/);
  await assert.rejects(openTableFile(Buffer.alloc(0), COLUMNS), /Filen är tom/);
});

test("an encoding that is neither UTF-8 nor plausible Windows-1252 is refused, never read with replacement characters", async () => {
  // Mac Roman: "Häggvik" would read as "HŠggvik" in Windows-1252.
  assert.throws(() => decodeText(fixture("macroman.csv")), /teckenkodning känns inte igen.*rad 2/);
  // A UTF-8 file with a BOM and a broken byte says where.
  const broken = Buffer.concat([Buffer.from("\uFEFFa;b\r\nH", "utf8"), Buffer.from([0xe4]), Buffer.from("ggvik;1\r\n")]);
  assert.throws(() => decodeText(broken), /UTF-8 men innehåller ogiltiga tecken på rad 2/);
  // Windows-1252 without a BOM is decoded as such.
  assert.deepEqual(decodeText(Buffer.from([0x48, 0xe4, 0x67, 0x67, 0x76, 0x69, 0x6b])), { text: "Häggvik", encoding: "windows-1252" });
  // A byte Windows-1252 does not define (0x81) is no Windows-1252 file either.
  assert.throws(() => decodeText(Buffer.from([0x48, 0x81, 0x67, 0x67])), /teckenkodning känns inte igen/);
  // UTF-8 that happens to be valid is never taken for 1252.
  assert.equal(decodeText(Buffer.from("Häggvik", "utf8")).encoding, "utf-8");
});

test("the separator is the one that splits the header into known columns", () => {
  assert.equal(detectDelimiter("occurred_at;area;place;category;reporter_org", COLUMNS), ";");
  assert.equal(detectDelimiter("occurred_at,area,place,category,reporter_org", COLUMNS), ",");
  assert.equal(detectDelimiter("occurred_at\tarea\tplace", COLUMNS), "\t");
  // A header with commas inside quoted names still splits on its semicolons.
  assert.equal(detectDelimiter('"occurred_at";"area";"place, gata";"category"', COLUMNS), ";");
});

test("a row with more fields than the header, or with another separator, is named with its line", async () => {
  const file = Buffer.from("occurred_at,area,place,category,reporter_org\r\n2026-01-05 10:00,Edsberg,Torget, vid kiosken,Skadegörelse,polis\r\n\r\n2026-01-05 11:00;Edsberg;Torget;Skadegörelse;polis\r\n", "utf8");
  const { rows } = await readAll(file);
  assert.equal(rows.length, 2);
  assert.equal(rows[0]!.line, 2);
  assert.match(rows[0]!.problem!, /raden har 6 fält men rubrikraden 5 – ett fält innehåller troligen , utan citattecken/);
  assert.equal(rows[1]!.line, 4);
  assert.match(rows[1]!.problem!, /raden verkar vara semikolonavgränsad men rubrikraden är kommaavgränsad/);
});

test("a quote problem is told in Swedish with its line and the likely cause", async () => {
  const opening = Buffer.from('occurred_at;area;place\r\n2026-01-05 10:00;Edsberg;Torget "norra"\r\n', "utf8");
  await assert.rejects(readAll(opening), /Rad 2: ett citattecken står mitt i ett fält/);
  const unclosed = Buffer.from('occurred_at;area;place\r\n2026-01-05 10:00;Edsberg;"Torget\r\n2026-01-05 11:00;Edsberg;Torget\r\n', "utf8");
  await assert.rejects(readAll(unclosed), /öppnas men stängs aldrig/);
});

test("a workbook's cells are read as text: dates as wall time, numbers with a point, formulas by their result, rich text joined", async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Blad1");
  sheet.addRow([]);
  sheet.addRow(["Occurred_at ", "area", "latitude", "external_id", "", "description"]);
  sheet.addRow([new Date(Date.UTC(2016, 9, 30, 2, 29, 59, 999)), { richText: [{ text: "Häg" }, { text: "gvik" }] }, 59.5, { formula: "1+1", result: 2 }, "", "Text"]);
  const { table, rows } = await readAll(Buffer.from(await book.xlsx.writeBuffer()));
  assert.deepEqual(table.header, ["occurred_at", "area", "latitude", "external_id", "", "description"]);
  assert.deepEqual(rows, [{ line: 3, cells: { occurred_at: "2016-10-30 02:30:00", area: "Häggvik", latitude: "59.5", external_id: "2", description: "Text" } }]);
});
