import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { csvCell } from "./csv";

// What the probe stored, and its cousins: a formula after a semicolon, after a comma, at the start.
const EVIL = ["Torget;=HYPERLINK(\"http://evil.example\";\"klicka\")", "Torget;+1+1", "Torget;-2", "Torget;@SUM(A1)", "Gata,=1+1", "=cmd|' /C calc'!A0", "\tTAB", "Vanlig text, med \"citat\""];

test("no cell starts a formula whether the spreadsheet splits on commas or semicolons (issue 26)", () => {
  const line = EVIL.map(csvCell).join(",");
  for (const delimiter of [",", ";"]) {
    // csv-parse reads quotes as Excel and LibreOffice do; relax_quotes lets a semicolon reading
    // see the comma-quoted cells as the spreadsheet would.
    const [cells] = parse(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
    // A spreadsheet drops the quotes and spaces before a cell's text when it decides what it is.
    for (const cell of cells!) assert.doesNotMatch(cell.replace(/^["\s]+/, ""), /^[=+\-@]/, `${delimiter}: ${cell}`);
  }
  // Read with the separator it was written with, every value comes back as written but for the 's.
  const [back] = parse(line, { delimiter: "," }) as string[][];
  assert.deepEqual(back!.map((c) => c.replace(/'/g, "")), EVIL.map((e) => e.replace(/'/g, "")));
  assert.equal(csvCell(-12.5), "-12.5", "numbers stay numbers");
  assert.equal(csvCell(null), "");
});
