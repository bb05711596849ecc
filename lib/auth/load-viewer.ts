import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "./viewer";

/** Loads a user as a Viewer, or null if the user is missing, disabled or `sessionVersion`
 * no longer matches (their sessions were ended). */
export async function loadViewer(userId: string, sessionVersion?: number): Promise<Viewer | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
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
          organisation: { select: { id: true, name: true, kind: true } },
        },
        // The first municipality a user joined is their home, chosen when nothing else is.
        orderBy: { createdAt: "asc" },
      },
      groupMemberships: { select: { role: true, group: { select: { id: true, municipalityId: true, kind: true } } } },
    },
  });
  if (!user || user.disabledAt) return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
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
      organisationKind: m.organisation.kind,
      role: m.role,
    })),
    groups: user.groupMemberships.map((g) => ({
      groupId: g.group.id,
      municipalityId: g.group.municipalityId,
      kind: g.group.kind,
      role: g.role,
    })),
  };
}
