import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import { toLocalInputs } from "@/lib/time/format";
import { flaggedWeekOf, getInsatsScopeCounts } from "./scope";

/** What the "open an Insats" form offers: the municipality's areas and the people to invite
 * (names and organisations only). */
export async function getInsatsFormOptions(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "insats:open", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte.");
  const [areas, people, organisations] = await Promise.all([
    db().area.findMany({ where: { municipalityId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().membership.findMany({
      where: { municipalityId, user: { disabledAt: null } },
      select: { user: { select: { id: true, name: true } }, organisation: { select: { name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db().organisation.findMany({ where: { municipalityId, active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    areas,
    organisations,
    people: people.filter((p) => p.user.id !== viewer.userId).map((p) => ({ id: p.user.id, name: p.user.name, organisation: p.organisation.name })),
    // Time-boxed: six weeks unless the coordinator says otherwise.
    defaultEndDate: toLocalInputs(new Date(Date.now() + 42 * 86_400_000)).date,
  };
}

/**
 * The municipality's open EST Insatser and the areas they work in, oldest first: a flag in one of
 * those areas leads to the running one, and a new Insats there is asked about before it is opened.
 * Callers settle the viewer's access to the municipality first.
 */
export async function runningInsatser(municipalityId: string) {
  const groups = await db().estGroup.findMany({
    where: { municipalityId, kind: "INSATS", status: "OPEN" },
    select: { id: true, name: true, openedAt: true, createdAt: true, areas: { select: { areaId: true } } },
    orderBy: { createdAt: "asc" },
  });
  return groups.map((g) => ({ id: g.id, name: g.name, since: g.openedAt ?? g.createdAt, areaIds: g.areas.map((a) => a.areaId) }));
}

/** The Insats workspace: incidents in scope before/during (and after, once closed), its actions,
 * extensions and closing report. Callers load the group through getGroupForViewer first. */
export async function getInsatsWorkspace(viewer: Viewer, groupId: string, now = new Date()) {
  const group = await db().estGroup.findUniqueOrThrow({
    where: { id: groupId },
    select: { municipalityId: true, openedAt: true, closedAt: true, extensions: true, closingReport: true, evidence: true, areas: { select: { areaId: true } } },
  });
  const [scope, measures] = await Promise.all([
    getInsatsScopeCounts({ municipalityId: group.municipalityId, areaIds: group.areas.map((a) => a.areaId), openedAt: group.openedAt ?? now, closedAt: group.closedAt, flaggedWeek: flaggedWeekOf(group.evidence) }, now),
    db().measure.findMany({
      where: { groupId, municipalityId: group.municipalityId },
      select: {
        id: true, title: true, status: true, dueDate: true, ownerOrgId: true, ownerOrg: { select: { name: true } },
        followUps: { select: { date: true, text: true, author: { select: { name: true } } }, orderBy: { createdAt: "desc" }, take: 3 },
      },
      orderBy: [{ status: "asc" }, { dueDate: "asc" }],
    }),
  ]);
  return {
    scope,
    measures: measures.map(({ ownerOrgId, ...m }) => ({
      ...m,
      canFollowUp: can(viewer, "measure:follow-up", { municipalityId: group.municipalityId, groupId, organisationId: ownerOrgId }),
    })),
    extensions: (Array.isArray(group.extensions) ? group.extensions : []) as { from: string | null; to: string; reason: string; at: string; by: string }[],
    closingReport: group.closingReport as null | { closedAt: string; closedBy: string; before: number; during: number; weeks?: { before: number; during: number }; outcome: string; lessons: string; measures: { title: string; status: string; decision: string | null }[] },
  };
}

/** Open and closed Insatser with duration and outcome, for EST Strategisk/Ledning and coordinators. */
export async function listInsatser(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "tertial:view", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte.");
  const rows = await db().estGroup.findMany({
    where: { municipalityId, kind: "INSATS" },
    select: { id: true, name: true, status: true, openedAt: true, plannedEndDate: true, closedAt: true, closingReport: true, areas: { select: { area: { select: { name: true } } } } },
    orderBy: [{ status: "asc" }, { openedAt: "desc" }],
  });
  return rows.map(({ closingReport, areas, ...r }) => ({
    ...r,
    areas: areas.map((a) => a.area.name),
    outcome: (closingReport as { outcome?: string } | null)?.outcome ?? null,
    days: r.openedAt ? Math.round(((r.closedAt ?? new Date()).getTime() - r.openedAt.getTime()) / 86_400_000) : null,
  }));
}
