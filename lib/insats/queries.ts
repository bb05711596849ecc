import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import { toLocalInputs } from "@/lib/time/format";

/** What the "open an Insats" form offers: the municipality's areas and the people to invite
 * (names and organisations only). */
export async function getInsatsFormOptions(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "insats:open", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte.");
  const [areas, people] = await Promise.all([
    db().area.findMany({ where: { municipalityId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().membership.findMany({
      where: { municipalityId, user: { disabledAt: null } },
      select: { user: { select: { id: true, name: true } }, organisation: { select: { name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  return {
    areas,
    people: people.filter((p) => p.user.id !== viewer.userId).map((p) => ({ id: p.user.id, name: p.user.name, organisation: p.organisation.name })),
    // Time-boxed: six weeks unless the coordinator says otherwise.
    defaultEndDate: toLocalInputs(new Date(Date.now() + 42 * 86_400_000)).date,
  };
}
