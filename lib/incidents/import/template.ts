import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { toCsvLine } from "@/lib/text/csv";
import { loadReference } from "./run";
import { CSV_COLUMNS } from "./row";
import { exportOccurredAt } from "../export";

/**
 * The import template for a municipality: the header, one example row in its own names (an area,
 * a category, an organisation of its reference data, yesterday evening) and, in the workbook, a
 * second sheet with every valid area, category and organisation.
 */
export async function importTemplate(municipalityId: string, format: "csv" | "xlsx"): Promise<Readable> {
  const { names } = await loadReference(municipalityId);
  const yesterday = new Date(Date.now() - 86_400_000);
  const evening = exportOccurredAt(yesterday).slice(0, 10) + " 21:30";
  const example = [evening, names?.areas[0] ?? "", "Torget, vid busshållplatsen", names?.categories[0] ?? "", names?.organisations[0] ?? "", "Krossad glasruta i väntkuren", "", "", ""];
  if (format === "csv") return Readable.from(["\uFEFF" + toCsvLine([...CSV_COLUMNS], ";") + toCsvLine(example, ";")]);
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = book.addWorksheet("Händelser", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = CSV_COLUMNS.map((key) => ({ key, width: key === "place" || key === "description" ? 36 : 18 }));
  sheet.addRow([...CSV_COLUMNS]).commit();
  sheet.addRow(example).commit();
  await sheet.commit();
  const valid = book.addWorksheet("Giltiga värden");
  valid.columns = [{ width: 28 }, { width: 28 }, { width: 36 }];
  valid.addRow(["area", "category", "reporter_org"]).commit();
  const longest = Math.max(names?.areas.length ?? 0, names?.categories.length ?? 0, names?.organisations.length ?? 0);
  for (let i = 0; i < longest; i++) valid.addRow([names?.areas[i] ?? "", names?.categories[i] ?? "", names?.organisations[i] ?? ""]).commit();
  void book.commit().catch((error: Error) => out.destroy(error));
  return out;
}
