// Incidents out as files a municipality opens in Excel and can import again: "EST händelse-CSV v1"
// plus the incident's `id` and `status`, so importing an export updates the same incidents and
// honours withdrawals instead of adding copies. Three formats, one column set:
//  - xlsx: a workbook with real dates and numbers (Excel-ready);
//  - csv-sv: `;`-separated with decimal commas, what Swedish Excel opens by double-click;
//  - csv: `,`-separated with decimal points (UTF-8 with BOM), for other programs.
import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import { toCsvLine } from "@/lib/text/csv";
import { resolveStockholmWall, stockholmFields, stockholmOffsetMs } from "@/lib/time/zone";
import { STATUS_LABEL } from "./import/row";

import { ALL_EXPORT_FORMATS, EXPORT_EXTENSION, EXPORT_FORMATS, type ExportFormat } from "./export-format";

export { ALL_EXPORT_FORMATS, EXPORT_FORMATS, type ExportFormat };

export const INCIDENT_EXPORT_HEADER = ["id", "occurred_at", "area", "place", "category", "reporter_org", "description", "latitude", "longitude", "external_id", "status"];

export type ExportRow = {
  id: string;
  occurredAt: Date;
  place: string;
  description: string;
  status: string;
  latitude: number | null;
  longitude: number | null;
  externalId: string | null;
  area: { name: string };
  category: { label: string };
  reporterOrg: { name: string };
};

const two = (n: number) => String(n).padStart(2, "0");

/**
 * The Stockholm wall time of an instant as the import reads it: "2026-03-05 09:27" (seconds only
 * when there are any), and in the hour that occurs twice when summer time ends, ISO 8601 with its
 * offset ("2026-10-25T02:30+01:00"), so that the second 02:30 does not come back as the first.
 */
export function exportOccurredAt(at: Date): string {
  const f = stockholmFields(at);
  const seconds = at.getUTCSeconds();
  const time = `${two(f.hour)}:${two(f.minute)}${seconds ? `:${two(seconds)}` : ""}`;
  const day = `${f.year}-${two(f.month)}-${two(f.day)}`;
  if (resolveStockholmWall(f).kind !== "ambiguous") return `${day} ${time}`;
  const offset = stockholmOffsetMs(at.getTime()) / 3_600_000;
  return `${day}T${time}+${two(offset)}:00`;
}

const STATUS_OUT: Record<string, string> = STATUS_LABEL;

function cells(r: ExportRow) {
  return [r.id, r.area.name, r.place, r.category.label, r.reporterOrg.name, r.description, r.latitude, r.longitude, r.externalId, STATUS_OUT[r.status] ?? r.status] as const;
}

/** A row of a CSV export; `;` files write decimal commas, as Swedish Excel reads numbers. */
export function incidentCsvLine(r: ExportRow, delimiter: "," | ";"): string {
  const [id, ...rest] = cells(r);
  const number = (n: number | null) => (n === null ? null : delimiter === ";" ? String(n).replace(".", ",") : n);
  const [area, place, category, org, description, lat, lon, ext, status] = rest;
  return toCsvLine([id, exportOccurredAt(r.occurredAt), area, place, category, org, description, number(lat), number(lon), ext, status], delimiter);
}

/** The whole CSV file, streamed: BOM (so Excel reads UTF-8), header, rows. */
export async function* incidentCsv(batches: AsyncIterable<ExportRow[]>, delimiter: "," | ";"): AsyncIterable<string> {
  yield "\uFEFF" + toCsvLine(INCIDENT_EXPORT_HEADER, delimiter);
  for await (const rows of batches) yield rows.map((r) => incidentCsvLine(r, delimiter)).join("");
}

/**
 * The workbook, streamed as it is written. Dates are Excel dates of the Stockholm wall time (Excel
 * has no zones); the repeated autumn hour is written as text with its offset, as in the CSV.
 */
export function incidentXlsx(batches: AsyncIterable<ExportRow[]>): Readable {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = book.addWorksheet("Händelser", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = INCIDENT_EXPORT_HEADER.map((key) => ({
    key,
    width: { id: 38, occurred_at: 18, place: 32, description: 48, area: 16, category: 22, reporter_org: 24 }[key] ?? 14,
    ...(key === "occurred_at" ? { style: { numFmt: "yyyy-mm-dd hh:mm" } } : {}),
  }));
  sheet.addRow(INCIDENT_EXPORT_HEADER).commit();
  sheet.autoFilter = { from: "A1", to: { row: 1, column: INCIDENT_EXPORT_HEADER.length } };
  void (async () => {
    try {
      for await (const rows of batches) {
        for (const r of rows) {
          const text = exportOccurredAt(r.occurredAt);
          const wall = text.includes("T") ? text : new Date(`${text.replace(" ", "T")}${text.length === 16 ? ":00" : ""}Z`);
          const [id, ...rest] = cells(r);
          sheet.addRow([id, wall, ...rest]).commit();
        }
      }
      await book.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

export const EXPORT_CONTENT_TYPE: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "csv-sv": "text/csv; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  geojson: "application/geo+json",
};

/**
 * The incidents with a map pin as a GeoJSON FeatureCollection (RFC 7946: WGS 84, longitude
 * first), one feature per line, for the municipality's GIS. Incidents without a pin are left out
 * (the collection says how many, in `excluded`).
 */
export async function* incidentGeoJson(batches: AsyncIterable<ExportRow[]>): AsyncIterable<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  let excluded = 0;
  for await (const rows of batches) {
    const lines: string[] = [];
    for (const r of rows) {
      if (r.latitude === null || r.longitude === null) {
        excluded++;
        continue;
      }
      const properties = { id: r.id, occurred_at: r.occurredAt.toISOString(), area: r.area.name, place: r.place, category: r.category.label, reporter_org: r.reporterOrg.name, status: STATUS_OUT[r.status] ?? r.status };
      lines.push(`${first ? "" : ","}${JSON.stringify({ type: "Feature", geometry: { type: "Point", coordinates: [r.longitude, r.latitude] }, properties })}\n`);
      first = false;
    }
    if (lines.length) yield lines.join("");
  }
  yield `],"excluded":${excluded}}\n`;
}

/** The file of an export in the given format, as a Node stream. */
export function incidentExport(format: ExportFormat, batches: AsyncIterable<ExportRow[]>): Readable {
  if (format === "xlsx") return incidentXlsx(batches);
  const out = new PassThrough();
  const chunks = format === "geojson" ? incidentGeoJson(batches) : incidentCsv(batches, format === "csv-sv" ? ";" : ",");
  void (async () => {
    try {
      for await (const chunk of chunks) if (!out.write(chunk)) await new Promise((r) => out.once("drain", r));
      out.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

export const exportFileName = (base: string, format: ExportFormat) => `${base}.${EXPORT_EXTENSION[format]}`;
