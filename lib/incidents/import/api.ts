import "server-only";
import { ZApiIncident } from "../api-schema";
import { requestOrigin } from "@/lib/audit/mutations";
import { type ImportIssue, validateRow } from "./row";
import { loadReference } from "./run";
import { writeRows } from "./write";
import { findPossibleDuplicate } from "../duplicates";

export type ApiCaller = { tokenId: string; municipalityId: string; organisationId: string };

export async function ingestApiIncident(caller: ApiCaller, body: unknown) {
  const parsed = ZApiIncident.safeParse(body);
  if (!parsed.success) {
    return { ok: false as const, errors: parsed.error.issues.map((i): Omit<ImportIssue, "row"> => ({ column: i.path.join(".") || "body", reason: i.message })) };
  }
  const ref = await loadReference(caller.municipalityId);
  const organisations = new Map([[caller.organisationId, caller.organisationId]]);
  const record = Object.fromEntries(
    Object.entries({ ...parsed.data, reporter_org: caller.organisationId }).map(([k, v]) => [k, v === undefined ? "" : String(v)]),
  );
  const result = validateRow(record, 1, { ...ref, organisations }, new Date());
  if (!result.ok) return { ok: false as const, errors: result.issues.map(({ column, reason }) => ({ column, reason })) };
  // The incident, its version and the access-log row in one statement: this runs for every call.
  const audit = { action: "incident:api", entityType: "api_token", entityId: caller.tokenId, ...(await requestOrigin()) };
  const written = await writeRows(caller.municipalityId, [result.value], audit);
  const id = written.ids[0]!;
  // Saved either way (a system cannot be asked), but told: the same place, category and hour.
  const duplicate = await findPossibleDuplicate(null, caller.municipalityId, { ...result.value, notId: id });
  return {
    ok: true as const,
    id,
    created: written.inserted === 1,
    possibleDuplicateOf: duplicate?.id ?? null,
    warnings: result.warnings.map(({ column, reason }) => ({ column, reason })),
  };
}
