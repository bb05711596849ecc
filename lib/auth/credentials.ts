import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { verifyPassword } from "./password";
import { ZSignIn } from "./schema";

export type AuthenticatedUser = { id: string; name: string; email: string };

/**
 * Checks an e-mail and password. Unknown users, wrong passwords and disabled accounts all give
 * null after the same amount of work, so neither answer nor timing tells which it was.
 */
export async function verifyCredentials(raw: unknown): Promise<AuthenticatedUser | null> {
  const parsed = ZSignIn.safeParse(raw);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, disabledAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash, parsed.data.password);
  if (!user || !valid || user.disabledAt) {
    await recordAudit({
      userId: user?.id ?? null,
      action: "auth:login",
      outcome: "DENIED",
      details: { reason: !user ? "unknown-user" : user.disabledAt ? "disabled" : "bad-password" },
    });
    return null;
  }
  return { id: user.id, name: user.name, email: user.email };
}
