import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";

export type ReportingState = "REPORTED" | "NOTHING_TO_REPORT" | "SILENT";

/** How one organisation's week stands: incidents reported, "nothing to report", or silence. */
async function weekStates(municipalityId: string, organisationIds: string[], isoWeek: string) {
  const [counts, reports] = await Promise.all([
    db().incident.groupBy({
      by: ["reporterOrgId"],
      where: { municipalityId, isoWeek, status: "ACTIVE", reporterOrgId: { in: organisationIds } },
      _count: { _all: true },
    }),
    db().weeklyReport.findMany({
      where: { municipalityId, isoWeek, organisationId: { in: organisationIds } },
      select: { organisationId: true, status: true },
    }),
  ]);
  return new Map(
    organisationIds.map((id) => {
      const count = counts.find((c) => c.reporterOrgId === id)?._count._all ?? 0;
      const marked = reports.find((r) => r.organisationId === id)?.status;
      const state: ReportingState = count > 0 ? "REPORTED" : marked === "NOTHING_TO_REPORT" ? "NOTHING_TO_REPORT" : "SILENT";
      return [id, { count, state }];
    }),
  );
}

/** The viewer's own organisation's reporting for a week in a municipality. */
export async function getOwnWeekStatus(viewer: Viewer, municipalityId: string, isoWeek: string) {
  const membership = viewer.memberships.find((m) => m.municipalityId === municipalityId);
  if (!membership) throw new DomainError("FORBIDDEN", "Du har ingen behörighet i den kommunen.");
  const states = await weekStates(municipalityId, [membership.organisationId], isoWeek);
  return { organisationName: membership.organisationName, ...states.get(membership.organisationId)! };
}

/** Completeness per member organisation of the municipality's EST Vecko groups, for a week. */
export async function getWeekCompleteness(viewer: Viewer, municipalityId: string, isoWeek: string) {
  if (!can(viewer, "weeklyReport:view-completeness", { municipalityId })) return null;
  const organisations = await db().organisation.findMany({
    where: { municipalityId, active: true, groups: { some: { group: { kind: "VECKO", municipalityId } } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const states = await weekStates(municipalityId, organisations.map((o) => o.id), isoWeek);
  return organisations.map((o) => ({ ...o, ...states.get(o.id)! }));
}
