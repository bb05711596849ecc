import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
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
  const user = await db().user.findUnique({
    where: { id: session.uid },
    select: {
      id: true,
      name: true,
      email: true,
      isPlatformAdmin: true,
      disabledAt: true,
      sessionVersion: true,
      memberships: {
        select: {
          role: true,
          municipality: { select: { id: true, slug: true, name: true } },
          organisation: { select: { id: true, name: true } },
        },
        orderBy: { municipality: { name: "asc" } },
      },
      groupMemberships: { select: { role: true, group: { select: { id: true, municipalityId: true, kind: true } } } },
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== session.sv) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    isPlatformAdmin: user.isPlatformAdmin,
    memberships: user.memberships.map((m) => ({
      municipalityId: m.municipality.id,
      municipalitySlug: m.municipality.slug,
      municipalityName: m.municipality.name,
      organisationId: m.organisation.id,
      organisationName: m.organisation.name,
      role: m.role,
    })),
    groups: user.groupMemberships.map((g) => ({
      groupId: g.group.id,
      municipalityId: g.group.municipalityId,
      kind: g.group.kind,
      role: g.role,
    })),
  };
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
