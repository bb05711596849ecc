import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { findSensitive, type SensitiveKind } from "@/lib/validation/sensitive";
import { findPossibleDuplicate } from "./duplicates";
import { insertIncidentRow, toColumns } from "./mutations";
import { ZIncidentCreate } from "./schema";

/** At most this many rows in one save: a week's reports from one organisation, not an import. */
export const BATCH_MAX = 30;

export type BatchRowAnswer = {
  index: number;
  fieldErrors?: Record<string, string>;
  duplicate?: { occurredAt: string; place: string };
  sensitive?: SensitiveKind[];
};
export type BatchAnswer = { saved: number; weeks: string[]; rows: BatchRowAnswer[] };

/**
 * The weekly report's quick-entry table: several incidents, one Save. Each row is checked as the
 * single form checks it – the schema and the PII guard, kommundel and category in the viewer's
 * municipality, a probable name or sensitive fact (saved once confirmed), a possible duplicate
 * (saved once confirmed). Any row answered means nothing is saved: the rows come back with what
 * each needs, and the database is as it was. Otherwise all rows are saved in one transaction;
 * a row already saved under its key (a retried Save) is not saved again.
 */
export async function createIncidentBatch(viewer: Viewer, rawRows: unknown[], now = new Date()): Promise<BatchAnswer> {
  if (rawRows.length === 0) throw new DomainError("INVALID", "Fyll i minst en rad.", "rows");
  if (rawRows.length > BATCH_MAX) throw new DomainError("INVALID", "Högst 30 rader åt gången.", "rows");
  const answers: BatchRowAnswer[] = [];
  const ready: { municipalityId: string; columns: Awaited<ReturnType<typeof toColumns>>["columns"]; key: string; sensitive: SensitiveKind[] }[] = [];
  for (const [index, raw] of rawRows.entries()) {
    const parsed = ZIncidentCreate.safeParse(raw);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "row")] ??= issue.message;
      answers.push({ index, fieldErrors: errors });
      continue;
    }
    const row = parsed.data;
    let checked: Awaited<ReturnType<typeof toColumns>>;
    try {
      checked = await toColumns(viewer, row, now);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      answers.push({ index, fieldErrors: { [error.field ?? "row"]: error.message } });
      continue;
    }
    const sensitive = [...new Set(findSensitive(row.description).map((h) => h.kind))];
    const answer: BatchRowAnswer = { index };
    if (sensitive.length && !row.sensitiveConfirmed) answer.sensitive = sensitive;
    const duplicate = row.checkDuplicate ? await findPossibleDuplicate(viewer, checked.municipalityId, { ...checked.columns, idempotencyKey: row.idempotencyKey }) : null;
    if (duplicate) answer.duplicate = { occurredAt: duplicate.occurredAt.toISOString(), place: duplicate.place };
    if (answer.sensitive || answer.duplicate) answers.push(answer);
    else ready.push({ municipalityId: checked.municipalityId, columns: checked.columns, key: row.idempotencyKey, sensitive });
  }
  if (answers.length > 0) return { saved: 0, weeks: [], rows: answers };

  const saved = await db().$transaction(async (tx) => {
    const known = new Set((await tx.incident.findMany({ where: { idempotencyKey: { in: ready.map((r) => r.key) }, reportedById: viewer.userId }, select: { idempotencyKey: true } })).map((r) => r.idempotencyKey));
    const ids: { id: string; row: (typeof ready)[number] }[] = [];
    for (const row of ready) if (!known.has(row.key)) ids.push({ id: await insertIncidentRow(tx, viewer, row.municipalityId, row.columns, row.key), row });
    return ids;
  }, { timeout: 20_000 });
  // A kept probable name or sensitive fact is counted for the data protection officer (the kind,
  // never the text), as the single form does.
  for (const { id, row } of saved) {
    if (row.sensitive.length === 0) continue;
    const organisationId = viewer.memberships.find((m) => m.municipalityId === row.municipalityId)?.organisationId;
    await recordAudit({ userId: viewer.userId, municipalityId: row.municipalityId, action: "incident:sensitive-confirmed", entityType: "incident", entityId: id, details: { organisationId, kinds: row.sensitive } });
  }
  return { saved: saved.length, weeks: [...new Set(ready.map((r) => r.columns.isoWeek))].sort(), rows: [] };
}
