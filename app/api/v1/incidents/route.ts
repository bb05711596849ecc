import { readBodyCapped } from "@/lib/http/body";
import { apiJson, authorizeToken } from "@/lib/api/token-request";
import { queryErrors } from "@/lib/api/schemas";
import { recordAudit } from "@/lib/audit/mutations";
import { decodeCursor, readIncidents } from "@/lib/incidents/api-read";
import { ZIncidentReadQuery } from "@/lib/incidents/api-schema";
import { ingestApiIncident } from "@/lib/incidents/import/api";

const MAX_BYTES = 64 * 1024;

/**
 * Machine reporting: POST one incident as JSON with `Authorization: Bearer <token>`. The token
 * decides the organisation. Re-sending the same external_id updates instead of duplicating; a
 * report of the same place, category and hour as another is saved and named in
 * `possible_duplicate_of`.
 */
export async function POST(request: Request) {
  const auth = await authorizeToken(request, "incident:send");
  if (!auth.ok) return auth.response;
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) return apiJson({ error: "Content-Type ska vara application/json." }, 415);
  const bytes = await readBodyCapped(request, MAX_BYTES);
  if (!bytes) return apiJson({ error: "För stor begäran." }, 413);
  const text = new TextDecoder().decode(bytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return apiJson({ error: "Ogiltig JSON." }, 400);
  }
  const result = await ingestApiIncident(auth.caller, body);
  if (!result.ok) return apiJson({ error: "Ogiltig händelse.", errors: result.errors }, 400);
  return apiJson({ id: result.id, created: result.created, possible_duplicate_of: result.possibleDuplicateOf, warnings: result.warnings }, result.created ? 201 : 200);
}

/**
 * Reading back: `GET /api/v1/incidents?since=<instant>&cursor=…&limit=…`, in the order incidents
 * last changed, a page at a time (keyset). A reporting system reads its own organisation's
 * reports, a BI token every organisation's in the municipality (lib/auth/permissions.ts).
 */
export async function GET(request: Request) {
  const auth = await authorizeToken(request, "incident:read");
  if (!auth.ok) return auth.response;
  const parsed = ZIncidentReadQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiJson(queryErrors(parsed.error, "since"), 400);
  const { since, cursor, limit = 1000 } = parsed.data;
  const position = cursor === undefined ? undefined : decodeCursor(cursor);
  if (position === null) return apiJson({ error: "Ogiltig fråga.", errors: [{ field: "cursor", reason: "Okänd markör: använd next_cursor från föregående svar." }] }, 400);
  const page = await readIncidents(auth.caller, { since, cursor: position, limit });
  await recordAudit({ userId: null, municipalityId: auth.caller.municipalityId, action: "incident:api-read", entityType: "api_token", entityId: auth.caller.tokenId, details: { rows: page.incidents.length } });
  return apiJson(page);
}
