import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { authSecret, env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { recordAudit } from "@/lib/audit/mutations";
import { verifyCredentials } from "./credentials";
import { SIGN_IN_THROTTLED } from "./sign-in-errors";
import { clientAddress } from "@/lib/http/client-address";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { viewerFromToken } from "./session-claims";
import { resolveOidcUser, type OidcClaims } from "./oidc";

declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
    loginAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    loginAt?: number;
  }
}

function oidcProvider() {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = env();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: OIDC_NAME,
      type: "oauth" as const,
      wellKnown: `${OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce" as const, "state" as const],
      profile(profile: { sub: string; email?: string; preferred_username?: string; name?: string }) {
        return { id: profile.sub, email: (profile.email ?? profile.preferred_username ?? "").toLowerCase(), name: profile.name ?? "" };
      },
    },
  ];
}

/** `__Secure-` cookies when the app is served over https; getViewer reads the same cookie. */
export function secureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const { SESSION_IDLE_MINUTES } = env();
  cached = {
    secret: authSecret(),
    // JWT sessions that expire after SESSION_IDLE_MINUTES without activity (the client renews
    // them while the user works); the absolute limit and revocation are checked on every request
    // in getViewer against the database.
    session: { strategy: "jwt", maxAge: SESSION_IDLE_MINUTES * 60, updateAge: 60 },
    // The token's own expiry too: next-auth 4 gives the first token 30 days unless told.
    jwt: { maxAge: SESSION_IDLE_MINUTES * 60 },
    useSecureCookies: secureCookies(),
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "E-post och lösenord",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: async (credentials, req) => {
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const user = await verifyCredentials(credentials, clientAddress((name) => headers[name]));
          // next-auth carries a thrown message to the client as the error; the route answers 429.
          if (user === "throttled") throw new Error(SIGN_IN_THROTTLED);
          return user;
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      // After an IdP sign-in (and sign-out): only a path on this site, never another host.
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url)}`;
      },
      // IdP users must already exist and be enabled (no self-provisioning), and are known by
      // their bound IdP account, or by a verified e-mail at the first sign-in (lib/auth/oidc.ts).
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const resolved = await resolveOidcUser({ ...(profile as OidcClaims), sub: account.providerAccountId }, env().OIDC_ISSUER ?? "", env().OIDC_TRUST_EMAIL);
        if ("refused" in resolved) {
          await recordAudit({ userId: null, action: "auth:login", outcome: "DENIED", details: { provider: "oidc", reason: resolved.refused } });
          return false;
        }
        return true;
      },
      async jwt({ token, user, account, profile }) {
        if (user && account) {
          const id = account.provider === "oidc" ? await oidcUserId({ ...(profile as OidcClaims), sub: account.providerAccountId }) : user.id;
          const row = id ? await db().user.findUnique({ where: { id }, select: { id: true, sessionVersion: true } }) : null;
          if (!row) return token;
          token.uid = row.id;
          token.sv = row.sessionVersion;
          token.loginAt = Date.now();
          await db().user.update({ where: { id: row.id }, data: { lastLoginAt: new Date() } });
          await recordAudit({ userId: row.id, action: "auth:login", outcome: "ALLOWED", details: { provider: account.provider } });
          return token;
        }
        // A renewal (/api/auth/session): only a live session is renewed. Throwing makes next-auth
        // answer an empty session and clear the cookie – for a token past its idle or absolute
        // limit, and for a user signed out everywhere or disabled.
        if (!(await viewerFromToken(token))) throw new Error("session ended");
        return token;
      },
      async session({ session, token }) {
        session.uid = token.uid;
        session.sv = token.sv;
        session.loginAt = token.loginAt;
        return session;
      },
    },
    events: {
      // Signing out ends the user's sessions on the server too: a copied cookie stops working.
      async signOut({ token }) {
        if (token?.uid) await endOwnSessions(token.uid);
      },
    },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata: metadata instanceof Error ? metadata.message : undefined }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
  };
  return cached;
}

/** The user an IdP sign-in already resolved to in the signIn callback (the binding exists now). */
async function oidcUserId(claims: OidcClaims): Promise<string | null> {
  const resolved = await resolveOidcUser(claims, env().OIDC_ISSUER ?? "", env().OIDC_TRUST_EMAIL);
  return "userId" in resolved ? resolved.userId : null;
}

/** Signing out ends every session of the user on the server too: a copied cookie stops working. */
export async function endOwnSessions(userId: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await recordAudit({ userId, action: "auth:logout" });
}
