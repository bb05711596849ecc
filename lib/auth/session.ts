import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { authSecret } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { secureCookies } from "./options";
import { viewerFromToken } from "./session-claims";
import type { Viewer } from "./viewer";

/**
 * The signed-in user, or null. Checked against the database on every request, so a disabled
 * user, ended sessions (sessionVersion) and the absolute session lifetime take effect at once.
 *
 * The session cookie is read with next-auth's `getToken` – the same decryption and expiry check
 * as `getServerSession`, which on every page also ran next-auth's whole session endpoint and
 * encrypted a renewed cookie that a server component cannot send (~1.5 ms of CPU per request,
 * measured). The cookie is renewed where it can be: /api/auth/session, which SessionKeepAlive
 * calls while the user works.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // Only the cookie counts: no Authorization header is passed, so a bearer token is never read.
  const req = { cookies: await cookies(), headers: new Headers() } as unknown as NextRequest;
  const token = await getToken({ req, secret: authSecret(), secureCookie: secureCookies() });
  return viewerFromToken(token);
});

/** For pages and server actions: the viewer, or a redirect to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

/** For route handlers: the viewer, or an UNAUTHENTICATED error the handler turns into 401. */
export async function requireApiViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new DomainError("UNAUTHENTICATED", "Inloggning krävs.");
  return viewer;
}
