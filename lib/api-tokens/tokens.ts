import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import type { ZApiTokenCreate } from "./schema";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import type { ApiScope } from "@/lib/generated/prisma/enums";
import { TOKEN_ACCESS } from "./schema";
import { hitsInWindow, limitKey, recordHits } from "@/lib/http/rate-limit";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a token for one organisation. The token is returned once and never stored. */
export async function createApiToken(viewer: Viewer, municipalityId: string, input: z.output<typeof ZApiTokenCreate>) {
  if (!can(viewer, "apiToken:manage", { municipalityId })) throw new DomainError("FORBIDDEN", "Du har inte behörighet att hantera API-nycklar.");
  const org = await db().organisation.findFirst({ where: { id: input.organisationId, municipalityId }, select: { id: true } });
  if (!org) throw new DomainError("INVALID", "Välj en organisation i kommunen.", "organisationId");
  const token = `est_${randomBytes(32).toString("base64url")}`;
  const row = await db().apiToken.create({
    data: { municipalityId, organisationId: org.id, name: input.name, scopes: [...TOKEN_ACCESS[input.access]], tokenHash: hashToken(token), prefix: token.slice(0, 10), createdById: viewer.userId },
    select: { id: true },
  });
  await recordAudit({ userId: viewer.userId, municipalityId, action: "api-token:create", entityType: "api_token", entityId: row.id, details: { access: input.access } });
  return { id: row.id, token };
}

export async function revokeApiToken(viewer: Viewer, id: string) {
  const token = await db().apiToken.findUnique({ where: { id }, select: { id: true, municipalityId: true } });
  if (!token || !can(viewer, "apiToken:manage", { municipalityId: token.municipalityId })) throw new DomainError("NOT_FOUND", "Nyckeln finns inte.");
  await db().apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  await recordAudit({ userId: viewer.userId, municipalityId: token.municipalityId, action: "api-token:revoke", entityType: "api_token", entityId: id });
}

export async function listApiTokens(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "apiToken:manage", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte.");
  return db().apiToken.findMany({
    where: { municipalityId },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true, organisation: { select: { name: true } } },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

const LAST_USED_RESOLUTION_MS = 60_000;
const lastUsedWritten = new Map<string, number>();

type TokenRow = { failures: number; id: string | null; revokedAt: Date | null; municipalityId: string; organisationId: string; slug: string; scopes: ApiScope[] | null };

/** Failed bearer tokens allowed per address; after that even a right one is refused for a while. */
export const TOKEN_FAILURE_LIMIT = { limit: 30, windowSeconds: 10 * 60 };

/** The organisation a bearer token speaks for, or null for a missing, unknown or revoked one, or
 * when the address has sent too many bad tokens lately (counted in the database, shared by every
 * app instance). */
export async function authenticateApiToken(authorization: string | null, address = "direct", now = new Date()) {
  if (!authorization) return null;
  const key = limitKey("api-token-address", address);
  const token = /^Bearer (est_[A-Za-z0-9_-]{20,100})$/.exec(authorization)?.[1];
  // The address's recent failures and the token in one round trip: this runs on every call.
  // (SELECT 1) LEFT JOIN: exactly one row, with the token's columns null when there is none.
  const [row] = (await queryRows<TokenRow>(Prisma.sql`
    SELECT ${hitsInWindow({ key, ...TOKEN_FAILURE_LIMIT }, now)} AS failures,
           t.id, t."revokedAt", t."municipalityId", t."organisationId", m.slug, t.scopes::text[] AS scopes
    FROM (SELECT 1) AS one
    LEFT JOIN (api_token t JOIN municipality m ON m.id = t."municipalityId") ON t."tokenHash" = ${token ? hashToken(token) : null}`)) as [TokenRow];
  if (row.failures >= TOKEN_FAILURE_LIMIT.limit) return null;
  if (!row.id || row.revokedAt) {
    await recordHits([key], now);
    return null;
  }
  // "Last used" to the minute is all an admin needs; writing it on every call would make every
  // request of a busy integration queue on the same row lock. Each process also remembers when it
  // last wrote it, so most calls do not ask at all.
  if ((lastUsedWritten.get(row.id) ?? 0) <= now.getTime() - LAST_USED_RESOLUTION_MS) {
    lastUsedWritten.set(row.id, now.getTime());
    await db().apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { tokenId: row.id, municipalityId: row.municipalityId, municipalitySlug: row.slug, organisationId: row.organisationId, scopes: row.scopes ?? [] };
}
