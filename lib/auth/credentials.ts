import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { countHits, limitKey, recordHits, reserveAttempt } from "@/lib/http/rate-limit";
import { verifyPassword } from "./password";
import { ZSignIn } from "./schema";

export type AuthenticatedUser = { id: string; name: string; email: string };

/**
 * Sign-in limits, kept in PostgreSQL so that they hold across every app instance (issue 26):
 *  - pair: guesses at one account from one address – refused past the limit, from that address
 *    only, so nobody elsewhere can keep the owner out;
 *  - address: guesses from one address at any account – refused past the limit;
 *  - account: failures at one account from anywhere – never refused: past `free`, each attempt
 *    waits longer (doubling up to `maxDelayMs`), which slows a distributed guesser to a crawl and
 *    costs the owner a few seconds at most.
 * Attempts are counted before the password is checked, atomically, and taken back when they
 * succeed: a burst of parallel guesses gets no more evaluations than the limit.
 */
export const SIGN_IN_LIMITS = {
  pair: { limit: 10, windowSeconds: 15 * 60 },
  address: { limit: 100, windowSeconds: 15 * 60 },
  account: { free: 5, windowSeconds: 15 * 60, firstDelayMs: 500, maxDelayMs: 8_000 },
};

/** The delay before checking a password, after `failures` recent failures at the account. */
export function signInDelayMs(failures: number): number {
  const { free, firstDelayMs, maxDelayMs } = SIGN_IN_LIMITS.account;
  return failures < free ? 0 : Math.min(firstDelayMs * 2 ** (failures - free), maxDelayMs);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks an e-mail and password. Unknown users, wrong passwords and disabled accounts all give
 * null after the same amount of work, so neither answer nor timing tells which it was; an
 * address past its limit gets "throttled" (the sign-in answers 429) without any check.
 */
export async function verifyCredentials(raw: unknown, address = "direct", now = new Date(), wait = sleep): Promise<AuthenticatedUser | null | "throttled"> {
  const parsed = ZSignIn.safeParse(raw);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();
  const keys = { pair: limitKey("sign-in-pair", `${email}\n${address}`), address: limitKey("sign-in-address", address), account: limitKey("sign-in-account", email) };
  const attempt = await reserveAttempt([{ key: keys.pair, ...SIGN_IN_LIMITS.pair }, { key: keys.address, ...SIGN_IN_LIMITS.address }], now);
  if (!attempt.allowed) {
    await recordAudit({ userId: null, action: "auth:login", outcome: "DENIED", details: { reason: "throttled" } });
    return "throttled";
  }
  const delay = signInDelayMs(await countHits(keys.account, SIGN_IN_LIMITS.account.windowSeconds, now));
  if (delay > 0) await wait(delay);
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, disabledAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash, parsed.data.password);
  if (!user || !valid || user.disabledAt) {
    await recordHits([keys.account], now);
    await recordAudit({
      userId: user?.id ?? null,
      action: "auth:login",
      outcome: "DENIED",
      details: { reason: !user ? "unknown-user" : user.disabledAt ? "disabled" : "bad-password", ...(delay ? { delayMs: delay } : {}) },
    });
    return null;
  }
  await attempt.release();
  return { id: user.id, name: user.name, email: user.email };
}
