// Reading a table the way a municipality's spreadsheet wrote it, one step for the web import and
// the CLI: the format from the file's first bytes (CSV or an .xlsx workbook; .xls, .ods and PDF
// refused with what to save them as), CSV's encoding (UTF-8 decoded strictly, with or without
// BOM, else Windows-1252 when that is plausible; UTF-16 with its BOM, which Excel's "Unicode
// text" writes) and its separator from the header row. Nothing is ever decoded into a
// replacement character: a file that cannot be read exactly is refused.
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { DomainError } from "@/lib/errors";
import { fill } from "@/lib/i18n/fill";

export type TableRow = {
  /** The line (CSV) or row number (xlsx) the user sees in their program. */
  line: number;
  cells: Record<string, string>;
  /** A problem with the row as a whole (more fields than the header, another separator). */
  problem?: string;
};
export type Delimiter = "," | ";" | "\t";
export type Encoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
export type TableFile = {
  format: "csv" | "xlsx";
  encoding?: Encoding;
  delimiter?: Delimiter;
  /** Column names, trimmed and lower-cased; "" for an unnamed (blank) column. */
  header: string[];
  rows: AsyncIterable<TableRow>;
  /** About how many rows follow (a CSV's line count), for a progress bar; unknown for a workbook. */
  approxRows?: number;
};

const DELIMITER_NAME: Record<Delimiter, string> = { ",": "kommaavgränsad", ";": "semikolonavgränsad", "\t": "tabbavgränsad" };
// Each refusal says what to save the file as, written out in full so that it can be translated.

/** A short Swedish description of how the file was read, e.g. "CSV, semikolonavgränsad, Windows-1252". */
export function describeTable(t: Pick<TableFile, "format" | "encoding" | "delimiter">): string {
  if (t.format === "xlsx") return "Excel-arbetsbok (.xlsx)";
  const encoding = { "utf-8": "UTF-8", "windows-1252": "Windows-1252", "utf-16le": "UTF-16", "utf-16be": "UTF-16" }[t.encoding ?? "utf-8"];
  return `CSV, ${DELIMITER_NAME[t.delimiter ?? ","]}, ${encoding}`;
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** The kind of a file from its first bytes. */
function sniff(bytes: Buffer): "xlsx" | "text" {
  if (bytes.length === 0) throw new DomainError("INVALID", "Filen är tom.");
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    // A zip: an Office Open XML workbook names its parts xl/…; OpenDocument stores its type first.
    if (bytes.includes("application/vnd.oasis.opendocument")) throw new DomainError("INVALID", "Filen är ett OpenDocument-kalkylblad (.ods). Öppna den i Excel eller LibreOffice och spara som Excel-arbetsbok (.xlsx) eller som CSV (UTF-8).");
    if (bytes.includes("xl/")) return "xlsx";
    throw new DomainError("INVALID", "Filen är ett zip-arkiv, inte ett kalkylblad. Öppna den i Excel eller LibreOffice och spara som Excel-arbetsbok (.xlsx) eller som CSV (UTF-8).");
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) throw new DomainError("INVALID", "Filen är en äldre Excel-fil (.xls). Öppna den i Excel eller LibreOffice och spara som Excel-arbetsbok (.xlsx) eller som CSV (UTF-8).");
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) throw new DomainError("INVALID", "Filen är en PDF, som inte går att importera. Exportera tabellen från programmet som skapade den, som Excel-arbetsbok (.xlsx) eller CSV.");
  return "text";
}

// Characters Windows-1252 puts at 0x80–0x9F that are letters: between two other letters they are
// what Mac Roman's or DOS's å, ä and ö look like read as Windows-1252 ("HŠggvik"), not Swedish text.
const UNLIKELY_IN_WORD = /\p{L}[ƒˆŠŒŽšœžŸ†‡‰‹›]\p{L}/u;
// C0 controls other than tab and line breaks, and C1 controls (the five bytes 1252 leaves undefined).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The text of a CSV file, and the encoding it was written in. */
export function decodeText(bytes: Buffer): { text: string; encoding: Encoding } {
  const firstLine = (text: string, index: number) => text.slice(0, index).split("\n").length;
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2)), encoding };
  }
  const bom = startsWith(bytes, 0xef, 0xbb, 0xbf);
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) throw new DomainError("INVALID", "Filen innehåller binära data och är inte en textfil. Öppna den i Excel eller LibreOffice och spara som Excel-arbetsbok (.xlsx) eller som CSV (UTF-8).");
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    const control = CONTROL.exec(text);
    if (control) throw new DomainError("INVALID", fill("Filen innehåller ett styrtecken på rad {line} och ser inte ut som en CSV-fil. Öppna den i Excel eller LibreOffice och spara som Excel-arbetsbok (.xlsx) eller som CSV (UTF-8).", { line: firstLine(text, control.index) }));
    return { text, encoding: "utf-8" };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (bom) {
      const valid = new TextDecoder("utf-8").decode(body);
      throw new DomainError("INVALID", fill("Filen säger att den är UTF-8 men innehåller ogiltiga tecken på rad {line}. Spara den igen som CSV UTF-8.", { line: firstLine(valid, valid.indexOf("\uFFFD")) }));
    }
  }
  // Not UTF-8: Swedish Excel's "CSV (semikolonavgränsad)" is Windows-1252. (Node's own
  // TextDecoder reads that label as Latin-1, which turns – and ” into control characters.)
  const text = iconv.decode(body, "windows-1252");
  // A byte Windows-1252 leaves undefined comes back as U+FFFD: that file is not Windows-1252.
  const odd = CONTROL.exec(text) ?? /\uFFFD/.exec(text) ?? UNLIKELY_IN_WORD.exec(text);
  if (odd) {
    throw new DomainError(
      "INVALID",
      fill("Filens teckenkodning känns inte igen (varken UTF-8 eller Windows-1252; se rad {line}). Spara den som CSV UTF-8 och importera igen. Inget sparades.", { line: firstLine(text, odd.index) }),
    );
  }
  return { text, encoding: "windows-1252" };
}

const DELIMITERS: Delimiter[] = [",", ";", "\t"];
const unquote = (cell: string) => cell.trim().replace(/^"(.*)"$/s, "$1").trim().toLowerCase();

/**
 * The separator of a CSV file from its header row: the one that splits it into the most known
 * column names, else the one it holds most of (a file with no known column at all).
 */
export function detectDelimiter(headerLine: string, known: readonly string[]): Delimiter {
  const score = (d: Delimiter) => {
    const cells = headerLine.split(d).map(unquote);
    return [cells.filter((c) => known.includes(c)).length, cells.length] as const;
  };
  return DELIMITERS.map((d) => [d, ...score(d)] as const).sort((a, b) => b[1] - a[1] || b[2] - a[2])[0]![0];
}

const CSV_PROBLEMS: [string[], string][] = [
  [["INVALID_OPENING_QUOTE"], "Rad {line}: ett citattecken står mitt i ett fält. Sätt citattecken runt hela fältet och skriv varje citattecken i texten som två i rad."],
  [["QUOTE_NOT_CLOSED"], "Ett citattecken öppnas men stängs aldrig (filen tar slut på rad {line}): ett fält saknar sitt avslutande citattecken, eller filen är avkortad."],
  [["INVALID_CLOSING_QUOTE", "NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE"], "Rad {line}: text direkt efter ett avslutande citattecken. Kontrollera citattecknen i raden (filen lästes som {delimiter})."],
  // Any other problem.
  [[], "Filen kunde inte läsas som CSV på rad {line} (filen lästes som {delimiter})."],
];

/** Swedish for what csv-parse found wrong, naming the line and the likely cause. */
function csvProblem(error: { code?: string; lines?: number; message: string }, delimiter: Delimiter): DomainError {
  const line = error.lines ?? "?";
  // csv-parse's codes, with or without their CSV_ prefix (it changed between versions).
  const code = error.code?.replace(/^CSV_/, "") ?? "";
  const message =
    (CSV_PROBLEMS.find(([codes]) => codes.includes(code)) ?? CSV_PROBLEMS[CSV_PROBLEMS.length - 1]!)[1];
  return new DomainError("INVALID", fill(message, { line, delimiter: DELIMITER_NAME[delimiter] }));
}

async function* csvRows(delimiter: Delimiter, header: string[], records: AsyncIterable<{ record: string[]; info: { lines: number } }>) {
  const others = DELIMITERS.filter((d) => d !== delimiter);
  for await (const { record, info } of records) {
    if (record.every((c) => c.trim() === "")) continue; // a blank row, or one of only separators
    const cells: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name) cells[name] = record[i] ?? "";
    });
    const extra = record.slice(header.length).filter((c) => c.trim() !== "");
    let problem: string | undefined;
    if (extra.length > 0) {
      problem = fill("raden har {fields} fält men rubrikraden {columns} – ett fält innehåller troligen {delimiter} utan citattecken runt sig", {
        fields: header.length + record.slice(header.length).length, columns: header.length, delimiter: delimiter === "\t" ? "tabb" : delimiter,
      });
    } else if (record.length === 1 && header.length > 1) {
      const other = others.find((d) => record[0]!.includes(d));
      if (other) problem = fill("raden verkar vara {other} men rubrikraden är {delimiter} – spara hela filen med samma avgränsare", { other: DELIMITER_NAME[other], delimiter: DELIMITER_NAME[delimiter] });
    }
    yield { line: info.lines, cells, problem } satisfies TableRow;
  }
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return text.endsWith("\n") ? n : n + 1;
}

async function openCsv(bytes: Buffer, known: readonly string[]): Promise<TableFile> {
  const { text, encoding } = decodeText(bytes);
  const headerLine = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  const delimiter = detectDelimiter(headerLine, known);
  const parser = Readable.from([text]).pipe(parse({ delimiter, relax_column_count: true, skip_empty_lines: true, info: true }));
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const wrap = async <T>(work: () => Promise<T>) => {
    try {
      return await work();
    } catch (error) {
      const e = error as { code?: string; lines?: number; message: string };
      if (typeof e.code === "string" && e.lines !== undefined) throw csvProblem(e, delimiter);
      throw error;
    }
  };
  const first = await wrap(() => records.next());
  if (first.done) throw new DomainError("INVALID", "Filen har ingen rubrikrad.");
  const header = first.value.record.map(unquote);
  const rest: AsyncIterable<{ record: string[]; info: { lines: number } }> = {
    [Symbol.asyncIterator]: () => ({ next: () => wrap(() => records.next()) }),
  };
  return { format: "csv", encoding, delimiter, header, rows: csvRows(delimiter, header, rest), approxRows: lineCount(text) - 1 };
}

/** A cell of a workbook as the text a CSV of it would hold. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel keeps a wall-clock date and time without a zone; ExcelJS hands it over as UTC.
    const t = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString();
    return t.endsWith("T00:00:00.000Z") ? t.slice(0, 10) : `${t.slice(0, 10)} ${t.slice(11, 19)}`;
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
    return "";
  }
  return String(value);
}

async function openXlsx(bytes: Buffer): Promise<TableFile> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "emit" });
  const unreadable = (error: unknown) =>
    new DomainError("INVALID", fill("Filen kunde inte läsas som Excel-arbetsbok (.xlsx): {reason}. Spara den igen som .xlsx eller som CSV (UTF-8).", { reason: (error as Error).message.slice(0, 120) }));
  // The first worksheet holds the table; its first non-blank row is the header.
  const sheets = reader[Symbol.asyncIterator]();
  let rows: AsyncIterator<ExcelJS.Row>;
  try {
    const sheet = await sheets.next();
    if (sheet.done) throw new DomainError("INVALID", "Arbetsboken har inget kalkylblad.");
    rows = (sheet.value as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
  } catch (error) {
    throw error instanceof DomainError ? error : unreadable(error);
  }
  // Array.from, not map: a row's values are sparse where cells are empty.
  const values = (row: ExcelJS.Row) => Array.from((row.values as ExcelJS.CellValue[]).slice(1), cellText);
  const next = async () => {
    try {
      return await rows.next();
    } catch (error) {
      throw unreadable(error);
    }
  };
  let header: string[] | null = null;
  for (let r = await next(); !r.done; r = await next()) {
    const cells = values(r.value);
    if (cells.some((c) => c.trim() !== "")) {
      header = cells.map(unquote);
      break;
    }
  }
  if (!header) throw new DomainError("INVALID", "Arbetsbokens första kalkylblad är tomt.");
  const named = header;
  async function* body(): AsyncIterable<TableRow> {
    for (let r = await next(); !r.done; r = await next()) {
      const cells = values(r.value);
      if (cells.every((c) => c.trim() === "")) continue;
      const record: Record<string, string> = {};
      named.forEach((name, i) => {
        if (name) record[name] = cells[i] ?? "";
      });
      yield { line: r.value.number, cells: record };
    }
  }
  return { format: "xlsx", header, rows: body() };
}

/** Opens a table file (CSV of any encoding and separator above, or .xlsx). `known`: column names
 * that tell the separator. Throws a DomainError, in Swedish, for a file that cannot be read. */
export async function openTableFile(bytes: Buffer, known: readonly string[]): Promise<TableFile> {
  return sniff(bytes) === "xlsx" ? openXlsx(bytes) : openCsv(bytes, known);
}
