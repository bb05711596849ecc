import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queryErrors } from "@/lib/api/schemas";
import { authenticateApiToken } from "@/lib/api-tokens/tokens";
import { recordAudit } from "@/lib/audit/mutations";
import { tokenMay } from "@/lib/auth/permissions";
import { clientAddress } from "@/lib/http/client-address";

export const API_HEADERS = { "Cache-Control": "no-store" };

export const apiJson = (body: unknown, status = 200) => Response.json(body, { status, headers: API_HEADERS });

export type TokenCaller = NonNullable<Awaited<ReturnType<typeof authenticateApiToken>>>;

/**
 * The calling token when it may do `action`; otherwise the answer to send: 401 for a missing,
 * unknown or revoked token, 403 (in the access log) for a token without the scope. Every /api/v1
 * route starts here, so a token's scopes are checked in one place (lib/auth/permissions.ts).
 */
export async function authorizeToken(
  request: Request,
  action: Parameters<typeof tokenMay>[1],
): Promise<{ ok: true; caller: TokenCaller } | { ok: false; response: Response }> {
  const caller = await authenticateApiToken(request.headers.get("authorization"), clientAddress((name) => request.headers.get(name)));
  if (!caller) return { ok: false, response: apiJson({ error: "Ogiltig eller återkallad API-nyckel." }, 401) };
  if (!tokenMay(caller, action)) {
    await recordAudit({ userId: null, municipalityId: caller.municipalityId, action, entityType: "api_token", entityId: caller.tokenId, outcome: "DENIED", details: { scope: "missing" } });
    return { ok: false, response: apiJson({ error: "Nyckeln får inte göra detta. En administratör kan skapa en nyckel med rätt behörighet." }, 403) };
  }
  return { ok: true, caller };
}

/**
 * The opening of both rollup routes: a token that may read counts, a valid query, and the token's
 * own municipality – any other answers 404 as if it did not exist. Every read is in the access
 * log, and so is a question about another municipality (DENIED; issue 26).
 */
export async function authorizeRollupRead<Q extends { municipality: string }>(
  request: Request,
  schema: z.ZodType<Q>,
  logged: { allowed: (q: Q) => Prisma.InputJsonObject; denied: (q: Q) => Prisma.InputJsonObject },
): Promise<{ ok: true; caller: TokenCaller; query: Q } | { ok: false; response: Response }> {
  const auth = await authorizeToken(request, "rollup:read");
  if (!auth.ok) return auth;
  const { caller } = auth;
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return { ok: false, response: apiJson(queryErrors(parsed.error, "by"), 400) };
  const query = parsed.data;
  const audit = { userId: null, municipalityId: caller.municipalityId, action: "rollup:read", entityType: "api_token", entityId: caller.tokenId };
  if (query.municipality !== caller.municipalitySlug) {
    await recordAudit({ ...audit, outcome: "DENIED", details: { municipality: query.municipality, ...logged.denied(query) } });
    return { ok: false, response: apiJson({ error: "Kommunen finns inte." }, 404) };
  }
  await recordAudit({ ...audit, details: logged.allowed(query) });
  return { ok: true, caller, query };
}
