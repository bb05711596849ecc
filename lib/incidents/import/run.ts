import "server-only";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { parse } from "csv-parse";
import { v7 as uuidv7 } from "uuid";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { SAME_EVENT_MINUTES, samePlace } from "../events";
import { fill } from "@/lib/i18n/fill";
import { CSV_COLUMNS, REQUIRED_COLUMNS, type ImportIssue, type Reference, type ValidRow, validateRow } from "./row";
import { batchWriter, type EventMark } from "./write";

/** `actorId`: the signed-in user who imports (the access log names them); none from the CLI. */
export type ImportOptions = { dryRun?: boolean; skipInvalid?: boolean; now?: Date; actorId?: string; onProgress?: (p: ImportProgress) => void };
export type ImportProgress = { phase: "validating" | "saving"; done: number; total?: number };
export type ImportReport = {
  rows: number;
  valid: number;
  invalid: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  inserted: number;
  updated: number;
  committed: boolean;
  preview: ValidRow[];
};

const MAX_ISSUES_REPORTED = 1000;

export async function loadReference(municipalityId: string): Promise<Reference> {
  // One round trip and no query compilation: the machine API calls this for every incident.
  const rows = await queryRows<{ kind: "area" | "category" | "organisation"; id: string; name: string; code: string }>(Prisma.sql`
    SELECT 'area' AS kind, id, name, code FROM area WHERE "municipalityId" = ${municipalityId}::uuid
    UNION ALL SELECT 'category', id, label, code FROM incident_category WHERE "municipalityId" = ${municipalityId}::uuid AND "parentId" IS NULL
    UNION ALL SELECT 'organisation', id, name, code FROM organisation WHERE "municipalityId" = ${municipalityId}::uuid`);
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  const index = <T extends { id: string }>(rows: T[], ...keys: (keyof T)[]) =>
    new Map(rows.flatMap((r) => keys.map((k) => [String(r[k]).toLowerCase(), r.id] as const)));
  return { areas: index(of("area"), "name", "code"), categories: index(of("category"), "name", "code"), organisations: index(of("organisation"), "name", "code") };
}

/** Thrown inside the import's transaction to roll it back when the file may not be imported. */
class NotImported extends Error {}

/**
 * Imports "EST händelse-CSV v1" into one municipality. Without skipInvalid, one invalid row
 * means nothing is imported; rows with the same (reporter_org, external_id) as an existing
 * incident update it. Rows are written while the file is still being checked (PostgreSQL stores
 * one batch while Node checks the next), all in one transaction: an invalid row found late, or a
 * failure, rolls back what was written and leaves the database as it was.
 */
export async function importIncidentsCsv(input: Readable | string, municipalitySlug: string, options: ImportOptions = {}): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const municipality = await db().municipality.findUnique({ where: { slug: municipalitySlug }, select: { id: true } });
  if (!municipality) throw new DomainError("NOT_FOUND", `Kommunen "${municipalitySlug}" finns inte.`);
  const ref = await loadReference(municipality.id);
  const report: ImportReport = { rows: 0, valid: 0, invalid: 0, errors: [], warnings: [], inserted: 0, updated: 0, committed: false, preview: [] };
  // Writing stops at the first invalid row unless invalid rows are skipped: the file will not be imported.
  const writing = () => !options.dryRun && (report.invalid === 0 || !!options.skipInvalid);

  const read = async (source: Readable | string, onValid: (row: ValidRow, mark: EventMark) => Promise<void>) => {
    const seen = new Map<string, number>();
    // Rows of the same place, category and hour in the file: possibly one event reported twice.
    const events = new Map<string, { at: number; line: number; id: string }[]>();
    const stream = typeof source === "string" ? Readable.from([source]) : source;
    const parser = stream.pipe(
      parse({ bom: true, columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: false }),
    );
    // .pipe() does not pass a failing source on (a broken upload, one past its size cap): the
    // parser fails with it instead of waiting for more.
    stream.once("error", (e) => parser.destroy(e));
    try {
      for await (const record of parser as AsyncIterable<Record<string, string>>) {
        if (report.rows === 0) {
          const missing = REQUIRED_COLUMNS.filter((c) => !(c in record));
          if (missing.length) throw new DomainError("INVALID", fill("Rubrikraden saknar kolumnerna {missing}. Förväntat: {expected}.", { missing: missing.join(", "), expected: CSV_COLUMNS.join(",") }));
        }
        report.rows++;
        const line = report.rows + 1; // the header is line 1
        const result = validateRow(record, line, ref, now);
        if (!result.ok) {
          report.invalid++;
          if (report.errors.length < MAX_ISSUES_REPORTED) report.errors.push(...result.issues);
        } else {
          const key = result.value.externalId ? `${result.value.reporterOrgId}|${result.value.externalId}` : null;
          const first = key ? seen.get(key) : undefined;
          if (first !== undefined) {
            report.invalid++;
            report.errors.push({ row: line, column: "external_id", reason: fill("samma external_id och organisation som rad {row}", { row: first }) });
          } else {
            if (key) seen.set(key, line);
            report.valid++;
            report.warnings.push(...result.warnings);
            const v = result.value;
            const eventKey = `${v.areaId}|${v.categoryId}|${samePlace(v.place)}`;
            const earlier = events.get(eventKey) ?? [];
            // The last few rows of each place suffice for a file in time order, and bound the work.
            const at = v.occurredAt.getTime();
            // Time-ordered ids (v7, increasing within the process): of two rows at the same instant
            // the earlier in the file has the lower id, so it is the one that begins the event.
            const id = uuidv7();
            const same = earlier.find((e) => Math.abs(e.at - at) <= SAME_EVENT_MINUTES * 60_000);
            // The database's rule (ADR 018): an earlier report within the hour, reports at the same
            // instant in id order (a uuid's order is its lowercase text's). The ids are chosen here
            // so that the rows can be stored already marked; the database checks every such mark.
            const copy = earlier.some((e) => (e.at < at || (e.at === at && e.id < id)) && at - e.at <= SAME_EVENT_MINUTES * 60_000);
            if (same && report.warnings.length < MAX_ISSUES_REPORTED) {
              report.warnings.push({ row: line, column: "place", reason: fill("möjlig dubblett av rad {row}: samma plats och kategori inom en timme", { row: same.line }) });
            }
            events.set(eventKey, [...earlier.slice(-4), { at, line, id }]);
            if (report.preview.length < 20) report.preview.push(result.value);
            if (writing()) await onValid(result.value, { id, copy });
          }
        }
        if (report.rows % 5000 === 0) options.onProgress?.({ phase: writing() ? "saving" : "validating", done: report.rows });
      }
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const e = error as { code?: string; lines?: number; message: string };
      if (e.code?.startsWith("CSV_")) throw new DomainError("INVALID", fill("Filen är inte giltig CSV på rad {line} ({reason}).", { line: e.lines ?? "?", reason: e.message }));
      throw error;
    }
    options.onProgress?.({ phase: "validating", done: report.rows, total: report.rows });
  };

  if (options.dryRun) {
    await read(input, async () => {});
    return report;
  }
  // An upload is received in full before the transaction opens: a slow network must not hold it.
  const file = typeof input === "string" ? input : await text(input);
  try {
    const written = await db().$transaction(async (tx) => {
      const writer = batchWriter(tx, municipality.id);
      await read(file, (row, mark) => writer.add(row, mark));
      if (!writing() || report.valid === 0) throw new NotImported();
      options.onProgress?.({ phase: "saving", done: report.rows, total: report.rows });
      return writer.finish();
    }, { timeout: 600_000, maxWait: 10_000 });
    report.inserted = written.inserted;
    report.updated = written.updated;
    report.committed = true;
  } catch (error) {
    if (error instanceof NotImported) return report;
    throw error;
  }
  await recordAudit({ userId: options.actorId ?? null, municipalityId: municipality.id, action: "incident:import", details: { rows: report.rows, inserted: report.inserted, updated: report.updated } });
  return report;
}
