import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** The ID token's claims next-auth hands over (verified by openid-client against the issuer). */
export type OidcClaims = { sub?: string; iss?: string; email?: string; email_verified?: boolean | string; preferred_username?: string };
export type OidcRefusal = "no-subject" | "no-email" | "unverified-email" | "unknown-user" | "disabled" | "bound-to-another-account";

/**
 * Which user an IdP sign-in is (issue 26). An account already bound (issuer + subject) is that
 * user, whatever e-mail it claims today. Otherwise the IdP's e-mail must be verified
 * (`email_verified: true`, unless the deployment trusts its IdP's addresses, OIDC_TRUST_EMAIL)
 * and belong to an enabled user who has no other account at this issuer; the binding is stored
 * then. No self-provisioning: users exist before they sign in.
 */
export async function resolveOidcUser(claims: OidcClaims, fallbackIssuer: string, trustEmail: boolean): Promise<{ userId: string } | { refused: OidcRefusal }> {
  if (!claims.sub) return { refused: "no-subject" };
  const issuer = claims.iss ?? fallbackIssuer;
  const bound = await db().userIdentity.findUnique({ where: { issuer_subject: { issuer, subject: claims.sub } }, select: { user: { select: { id: true, disabledAt: true } } } });
  if (bound) return bound.user.disabledAt ? { refused: "disabled" } : { userId: bound.user.id };

  const email = (claims.email ?? (trustEmail ? claims.preferred_username : undefined) ?? "").toLowerCase();
  if (!email) return { refused: "no-email" };
  if (!trustEmail && claims.email_verified !== true && claims.email_verified !== "true") return { refused: "unverified-email" };
  const user = await db().user.findUnique({ where: { email }, select: { id: true, disabledAt: true, identities: { where: { issuer }, select: { id: true } } } });
  if (!user) return { refused: "unknown-user" };
  if (user.disabledAt) return { refused: "disabled" };
  if (user.identities.length > 0) return { refused: "bound-to-another-account" };
  try {
    await db().userIdentity.create({ data: { userId: user.id, issuer, subject: claims.sub } });
  } catch (e) {
    // Two first sign-ins at once: whichever bound first wins, the other is refused.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { refused: "bound-to-another-account" };
    throw e;
  }
  return { userId: user.id };
}
