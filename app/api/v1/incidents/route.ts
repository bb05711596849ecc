import { readBodyCapped } from "@/lib/http/body";
import { clientAddress } from "@/lib/http/client-address";
import { authenticateApiToken } from "@/lib/api-tokens/tokens";
import { ingestApiIncident } from "@/lib/incidents/import/api";

const MAX_BYTES = 64 * 1024;
const json = (body: unknown, status: number) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * Machine reporting: POST one incident as JSON with `Authorization: Bearer <token>`. The token
 * decides the organisation. Re-sending the same external_id updates instead of duplicating; a
 * report of the same place, category and hour as another is saved and named in
 * `possible_duplicate_of`.
 */
export async function POST(request: Request) {
  const caller = await authenticateApiToken(request.headers.get("authorization"), clientAddress((name) => request.headers.get(name)));
  if (!caller) return json({ error: "Ogiltig eller återkallad API-nyckel." }, 401);
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) return json({ error: "Content-Type ska vara application/json." }, 415);
  const bytes = await readBodyCapped(request, MAX_BYTES);
  if (!bytes) return json({ error: "För stor begäran." }, 413);
  const text = new TextDecoder().decode(bytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json({ error: "Ogiltig JSON." }, 400);
  }
  const result = await ingestApiIncident(caller, body);
  if (!result.ok) return json({ error: "Ogiltig händelse.", errors: result.errors }, 400);
  return json({ id: result.id, created: result.created, possible_duplicate_of: result.possibleDuplicateOf, warnings: result.warnings }, result.created ? 201 : 200);
}
