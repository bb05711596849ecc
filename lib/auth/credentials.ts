import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { limitKey, overLimit, recordHits } from "@/lib/http/rate-limit";
import { verifyPassword } from "./password";
import { ZSignIn } from "./schema";

export type AuthenticatedUser = { id: string; name: string; email: string };

/** Failed sign-ins allowed per account and per address before further tries are refused. Kept
 * in PostgreSQL, so the limits hold across every app instance. */
export const SIGN_IN_LIMITS = { account: { limit: 10, windowSeconds: 15 * 60 }, address: { limit: 100, windowSeconds: 15 * 60 } };

/**
 * Checks an e-mail and password. Unknown users, wrong passwords, disabled accounts and throttled
 * attempts all give null after the same amount of work, so neither answer nor timing tells which
 * it was.
 */
export async function verifyCredentials(raw: unknown, address = "direct", now = new Date()): Promise<AuthenticatedUser | null> {
  const parsed = ZSignIn.safeParse(raw);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();
  const keys = { account: limitKey("sign-in-account", email), address: limitKey("sign-in-address", address) };
  const throttled = await overLimit([{ key: keys.account, ...SIGN_IN_LIMITS.account }, { key: keys.address, ...SIGN_IN_LIMITS.address }], now);
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, disabledAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash, parsed.data.password);
  if (!user || !valid || user.disabledAt || throttled) {
    if (!throttled) await recordHits([keys.account, keys.address], now);
    await recordAudit({
      userId: user?.id ?? null,
      action: "auth:login",
      outcome: "DENIED",
      details: { reason: throttled ? "throttled" : !user ? "unknown-user" : user.disabledAt ? "disabled" : "bad-password" },
    });
    return null;
  }
  return { id: user.id, name: user.name, email: user.email };
}
