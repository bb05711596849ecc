// One CSV cell, safe in both separators a municipality's spreadsheet uses. Swedish Excel opens a
// comma-separated file by splitting on semicolons, quotes or not, so a cell may start after any
// comma or semicolon inside a value as well as at the value's start:
//  - a value starting with =, +, -, @, tab or carriage return gets a leading ', and so does the
//    part after a comma or semicolon inside it (after any quotes or spaces), so no spreadsheet
//    runs either as a formula ("Torget;=HYPERLINK(…)" → "Torget;'=HYPERLINK(…)");
//  - it is quoted (RFC 4180) when it holds a comma, semicolon, quote or line break.
const TRIGGER = /^[=+\-@\t\r]/;
const TRIGGER_AFTER_SEPARATOR = /([,;]["\s]*)(?=[=+\-@\t\r])/g;

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string") {
    s = s.replace(TRIGGER_AFTER_SEPARATOR, "$1'");
    if (TRIGGER.test(s)) s = `'${s}`;
  }
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (RFC 4180, CRLF) of cells that no spreadsheet runs as formulas (csvCell). */
export function toCsvLine(fields: (string | number | null | undefined)[], delimiter: "," | ";" = ","): string {
  return fields.map(csvCell).join(delimiter) + "\r\n";
}

const GUARD_AT_START = /^'(?=[=+\-@\t\r])/;
const GUARD_AFTER_SEPARATOR = /([,;]["\s]*)'(?=[=+\-@\t\r])/g;

/** The value csvCell was given, from a cell it wrote: the ' it put before a formula's first
 * character is taken away, so that an export imported again leaves its text as it was. */
export function unguardCell(value: string): string {
  return value.replace(GUARD_AFTER_SEPARATOR, "$1").replace(GUARD_AT_START, "");
}
