import "server-only";
import { db } from "@/lib/db";
import { can, nightWalkScope } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";

/** The walks the viewer's association (or, for coordinators, everyone) has reported. */
export async function listNightWalks(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "nightwalk:report", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte, eller så har du inte behörighet att se den.");
  const [walks, areas, categories] = await Promise.all([
    db().nightWalk.findMany({
      where: nightWalkScope(viewer, municipalityId),
      select: {
        id: true, startsAt: true, endsAt: true, walkers: true, route: true, organisation: { select: { name: true } },
        areas: { select: { area: { select: { name: true } } } }, observations: { select: { id: true, text: true, incidentId: true } },
      },
      orderBy: { startsAt: "desc" },
      take: 50,
    }),
    db().area.findMany({ where: { municipalityId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().incidentCategory.findMany({ where: { municipalityId, parentId: null, active: true }, select: { id: true, label: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  return { walks, areas, categories };
}
