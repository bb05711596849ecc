import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { loadViewer } from "./load-viewer";
import { authOptions } from "./options";
import type { Viewer } from "./viewer";

/**
 * The signed-in user, or null. Checked against the database on every request, so a disabled
 * user, ended sessions (sessionVersion) and the absolute session lifetime take effect at once.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.uid || session.sv === undefined || !session.loginAt) return null;
  if (Date.now() - session.loginAt > env().SESSION_MAX_HOURS * 3_600_000) return null;
  return loadViewer(session.uid, session.sv);
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
