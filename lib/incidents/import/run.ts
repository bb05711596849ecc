import "server-only";
import type { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { v7 as uuidv7 } from "uuid";
import { db, inPoolTransaction, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { describeTable, openTableFile, type TableFile } from "@/lib/text/table-file";
import { SAME_EVENT_MINUTES, samePlace } from "../events";
import { fill } from "@/lib/i18n/fill";
import { loadOutlines } from "@/lib/areas/outlines";
import { ALL_COLUMNS, CSV_COLUMNS, REQUIRED_COLUMNS, type ImportIssue, type Reference, type ValidRow, validateRow } from "./row";
import { batchWriter, type EventMark } from "./write";
import { findExisting, sameAsStored } from "./existing";

/** `actorId`: the signed-in user who imports (the access log names them); none from the CLI. */
export type ImportOptions = { dryRun?: boolean; skipInvalid?: boolean; now?: Date; actorId?: string; onProgress?: (p: ImportProgress) => void };
export type ImportProgress = { phase: "validating" | "saving"; done: number; total?: number };
export type ImportReport = {
  rows: number;
  valid: number;
  invalid: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** New, updated and unchanged incidents: what was saved, or in a dry run what would be. */
  inserted: number;
  updated: number;
  unchanged: number;
  committed: boolean;
  preview: ValidRow[];
  /** How the file was read, e.g. "CSV, semikolonavgränsad, Windows-1252". */
  format: string;
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
  const names = (kind: string) => of(kind).map((r) => r.name).sort((a, b) => a.localeCompare(b, "sv"));
  return {
    areas: index(of("area"), "name", "code"),
    categories: index(of("category"), "name", "code"),
    organisations: index(of("organisation"), "name", "code"),
    names: { areas: names("area"), categories: names("category"), organisations: names("organisation") },
  };
}


/** Thrown inside the import's transaction to roll it back when the file may not be imported. */
class NotImported extends Error {}

/** Valid rows are matched against stored incidents this many at a time (one query each). */
const CHUNK = 5000;

/**
 * Imports incidents – "EST händelse-CSV v1" as CSV of any separator and encoding Excel writes, or
 * as .xlsx (lib/text/table-file) – into one municipality. Without skipInvalid, one invalid row
 * means nothing is imported. A row with an `id` (the app's own export) updates that incident of
 * the municipality; one with the same (reporter_org, external_id) as a stored incident updates it;
 * a row equal to what is stored is left alone, so importing an export changes nothing. Rows are
 * written while the file is still being checked (PostgreSQL stores one batch while Node checks the
 * next), all in one transaction: an invalid row found late, or a failure, rolls back what was
 * written and leaves the database as it was.
 */
export async function importIncidentsCsv(input: Readable | string | Buffer, municipalitySlug: string, options: ImportOptions = {}): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const municipality = await db().municipality.findUnique({ where: { slug: municipalitySlug }, select: { id: true } });
  if (!municipality) throw new DomainError("NOT_FOUND", `Kommunen "${municipalitySlug}" finns inte.`);
  const ref: Reference = { ...(await loadReference(municipality.id)), outlines: await loadOutlines(municipality.id) };
  // An upload is received in full before anything is read: the encoding is known only from the
  // whole file, and a slow network must not hold the transaction open.
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : Buffer.isBuffer(input) ? input : await buffer(input);
  const first = await openTableFile(bytes, ALL_COLUMNS);
  // A file with coordinates may leave out the kommundel: the pin gives it (area outlines).
  const pinned = first.header.includes("latitude") && first.header.includes("longitude");
  const missing = REQUIRED_COLUMNS.filter((c) => !first.header.includes(c) && !(c === "area" && pinned));
  if (missing.length) {
    throw new DomainError("INVALID", fill("Rubrikraden saknar kolumnerna {missing}. Förväntat: {expected}. Filen lästes som {format}.", {
      missing: missing.join(", "), expected: CSV_COLUMNS.join(","), format: describeTable(first),
    }));
  }
  const report: ImportReport = {
    rows: 0, valid: 0, invalid: 0, errors: [], warnings: [], inserted: 0, updated: 0, unchanged: 0, committed: false, preview: [], format: describeTable(first),
  };
  // Writing stops at the first invalid row unless invalid rows are skipped: the file will not be imported.
  const writing = () => !options.dryRun && (report.invalid === 0 || !!options.skipInvalid);
  const refuse = (issue: ImportIssue) => {
    report.invalid++;
    if (report.errors.length < MAX_ISSUES_REPORTED) report.errors.push(issue);
  };

  type Writer = { insert(row: ValidRow, mark: EventMark): Promise<void>; update(row: ValidRow, id: string): Promise<void> };
  const read = async (table: TableFile, writer: Writer | null) => {
    const seen = new Map<string, number>();
    // Rows of the same place, category and hour in the file: possibly one event reported twice.
    const events = new Map<string, { at: number; line: number; id: string }[]>();
    let pending: { row: ValidRow; mark: EventMark }[] = [];
    // A chunk of valid rows is matched against the stored incidents – new, changed or the same –
    // while the next chunk is read: the lookup runs in PostgreSQL as Node checks rows. Chunks are
    // decided and written in file order.
    let settled: Promise<void> = Promise.resolve();
    const settle = () => {
      const chunk = pending;
      pending = [];
      const lookup = findExisting(municipality.id, chunk.map((p) => p.row));
      const previous = settled;
      settled = (async () => {
        const [stored] = await Promise.all([lookup, previous]);
        for (const [i, { row, mark }] of chunk.entries()) {
          const found = stored.get(i);
          if (row.id && !found) {
            refuse({ row: row.row, column: "id", reason: "det finns ingen händelse med detta id i kommunen – töm kolumnen id för att importera raden som en ny händelse" });
          } else if (found && found.reporterOrgId !== row.reporterOrgId) {
            refuse({ row: row.row, column: "reporter_org", reason: "en befintlig händelses organisation kan inte ändras genom import" });
          } else if (!found) {
            report.inserted++;
            if (writing()) await writer?.insert(row, mark);
          } else if (sameAsStored(found, row)) {
            report.unchanged++;
          } else {
            report.updated++;
            if (writing()) await writer?.update(row, found.id);
          }
        }
      })();
      // Raised where it is awaited (the next chunk, or the end); never unhandled meanwhile.
      settled.catch(() => {});
    };
    for await (const tableRow of table.rows) {
      report.rows++;
      const line = tableRow.line;
      const result = tableRow.problem ? { ok: false as const, issues: [{ row: line, column: "rad", reason: tableRow.problem }] } : validateRow(tableRow.cells, line, ref, now);
      if (!result.ok) {
        report.invalid++;
        if (report.errors.length < MAX_ISSUES_REPORTED) report.errors.push(...result.issues);
      } else {
        const v = result.value;
        const keys = [v.id ? `id|${v.id}` : null, v.externalId ? `${v.reporterOrgId}|${v.externalId}` : null].filter((k) => k !== null);
        const firstLine = keys.map((k) => seen.get(k)).find((l) => l !== undefined);
        if (firstLine !== undefined) {
          if (v.id) refuse({ row: line, column: "id", reason: fill("samma id som rad {row}", { row: firstLine }) });
          else refuse({ row: line, column: "external_id", reason: fill("samma external_id och organisation som rad {row}", { row: firstLine }) });
        } else {
          for (const k of keys) seen.set(k, line);
          report.valid++;
          report.warnings.push(...result.warnings);
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
          if (report.preview.length < 20) report.preview.push(v);
          pending.push({ row: v, mark: { id, copy } });
          if (pending.length >= CHUNK) {
            // At most one chunk waits for the one before it.
            await settled;
            settle();
          }
        }
      }
      if (report.rows % 5000 === 0) options.onProgress?.({ phase: writing() ? "saving" : "validating", done: report.rows, total: table.approxRows });
    }
    settle();
    await settled;
    options.onProgress?.({ phase: "validating", done: report.rows, total: report.rows });
  };

  if (options.dryRun) {
    await read(first, null);
    return report;
  }
  try {
    const written = await inPoolTransaction(async (tx) => {
      const writer = batchWriter(tx, municipality.id);
      await read(first, { insert: (row, mark) => writer.add(row, mark), update: (row, id) => writer.update(row, id) });
      if (!writing() || report.inserted + report.updated === 0) throw new NotImported();
      options.onProgress?.({ phase: "saving", done: report.rows, total: report.rows });
      return writer.finish();
    });
    // What the statements did (a row matched as new may have met a concurrent import's copy).
    report.unchanged += report.inserted + report.updated - written.inserted - written.updated;
    report.inserted = written.inserted;
    report.updated = written.updated;
    report.committed = true;
  } catch (error) {
    // Nothing was saved: the counts say so (a dry run's say what would be).
    if (error instanceof NotImported) return { ...report, inserted: 0, updated: 0 };
    throw error;
  }
  await recordAudit({ userId: options.actorId ?? null, municipalityId: municipality.id, action: "incident:import", details: { rows: report.rows, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged } });
  return report;
}
