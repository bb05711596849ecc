import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** A key that does not keep the address or device id itself. */
export const limitKey = (scope: string, value: string) => `${scope}:${createHash("sha256").update(value).digest("hex").slice(0, 32)}`;

/**
 * Counts one attempt for each key and tells whether all of them are still within their limit
 * (`limit` attempts per `windowSeconds`). Kept in PostgreSQL so that every app instance shares
 * it; one transaction per call, serialised per key by an advisory lock.
 */
export async function allowAttempt(keys: { key: string; limit: number; windowSeconds: number }[], now = new Date()): Promise<boolean> {
  return db().$transaction(async (tx) => {
    let allowed = true;
    for (const k of [...keys].sort((a, b) => a.key.localeCompare(b.key))) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${k.key}))`;
      const since = new Date(now.getTime() - k.windowSeconds * 1000);
      // Old hits of this key are no longer needed.
      await tx.rateLimitHit.deleteMany({ where: { key: k.key, at: { lt: since } } });
      const count = await tx.rateLimitHit.count({ where: { key: k.key, at: { gte: since } } });
      if (count >= k.limit) allowed = false;
    }
    if (allowed) await tx.rateLimitHit.createMany({ data: keys.map((k) => ({ key: k.key, at: now })) });
    return allowed;
  });
}

export type Limit = { key: string; limit: number; windowSeconds: number };

/**
 * Takes one attempt under every key before the work it guards is done, atomically (advisory lock
 * per key, as allowAttempt): however many requests arrive at once, no more than `limit` get
 * through in a window. `release` takes the attempt back – a sign-in that succeeded was no guess.
 */
export async function reserveAttempt(keys: Limit[], now = new Date()): Promise<{ allowed: boolean; release: () => Promise<void> }> {
  const ids = await db().$transaction(async (tx) => {
    for (const k of [...keys].sort((a, b) => a.key.localeCompare(b.key))) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${k.key}))`;
      const since = new Date(now.getTime() - k.windowSeconds * 1000);
      await tx.rateLimitHit.deleteMany({ where: { key: k.key, at: { lt: since } } });
      if ((await tx.rateLimitHit.count({ where: { key: k.key, at: { gte: since } } })) >= k.limit) return null;
    }
    return (await tx.rateLimitHit.createManyAndReturn({ data: keys.map((k) => ({ key: k.key, at: now })), select: { id: true } })).map((r) => r.id);
  });
  return {
    allowed: ids !== null,
    release: async () => {
      if (ids?.length) await db().rateLimitHit.deleteMany({ where: { id: { in: ids } } });
    },
  };
}

/** The key's hits within its window. */
export async function countHits(key: string, windowSeconds: number, now = new Date()): Promise<number> {
  const [row] = await db().$queryRaw<[{ n: number }]>`SELECT ${hitsInWindow({ key, windowSeconds }, now)} AS n`;
  return row.n;
}

/** The key's hits within its window, as an SQL expression: a caller on a hot path can fold the
 * count into a query it makes anyway (the API token lookup does). */
export function hitsInWindow(l: Omit<Limit, "limit">, now = new Date()): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM rate_limit_hit WHERE key = ${l.key} AND at >= ${new Date(now.getTime() - l.windowSeconds * 1000)})`;
}

/** Whether any key has reached its limit (counting only, nothing recorded). */
export async function overLimit(limits: Limit[], now = new Date()): Promise<boolean> {
  for (const l of limits) {
    // Raw SQL: this runs on every API call and sign-in, and the count is a one-index read.
    const [row] = await db().$queryRaw<[{ n: number }]>`SELECT ${hitsInWindow(l, now)} AS n`;
    if (row.n >= l.limit) return true;
  }
  return false;
}

/** Records one hit (a failed sign-in, say) for each key. */
export async function recordHits(keys: string[], now = new Date()): Promise<void> {
  await db().rateLimitHit.createMany({ data: keys.map((key) => ({ key, at: now })) });
}
