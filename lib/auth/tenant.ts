import "server-only";
import { cookies } from "next/headers";
import { DomainError } from "@/lib/errors";
import type { Viewer, ViewerMembership } from "./viewer";

export const ACTIVE_MUNICIPALITY_COOKIE = "est-kommun";

/**
 * The municipality the viewer is working in (a police officer may serve several). Taken from a
 * cookie when it names one of the viewer's municipalities, else the first one.
 */
export async function getActiveMembership(viewer: Viewer): Promise<ViewerMembership> {
  const slug = (await cookies()).get(ACTIVE_MUNICIPALITY_COOKIE)?.value;
  const chosen = viewer.memberships.find((m) => m.municipalitySlug === slug) ?? viewer.memberships[0];
  if (!chosen) throw new DomainError("FORBIDDEN", "Ditt konto är inte kopplat till någon kommun. Kontakta din administratör.");
  return chosen;
}
