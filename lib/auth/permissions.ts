// Every authorization decision in the product is made here: `can` for one resource, and scope
// helpers that return Prisma where-fragments (or SQL conditions) for lists. See
// docs/decisions/004-authorization.md.
import { Prisma } from "@/lib/generated/prisma/client";
import type { ApiScope, GroupKind } from "@/lib/generated/prisma/enums";
import type { Viewer } from "./viewer";

export type Action =
  | "municipality:view"
  | "municipality:admin"
  | "group:view"
  | "group:manage"
  | "incident:create"
  | "incident:import"
  | "incident:view-reporter"
  | "incident:update"
  | "weeklyReport:view-completeness"
  | "lagesbild:view"
  | "lagesbild:edit"
  | "tertial:view"
  | "tertial:edit"
  | "tertial:approve"
  | "insats:open"
  | "audit:view"
  | "apiToken:manage"
  | "measure:create"
  | "measure:follow-up"
  | "measure:view"
  | "measure:update"
  | "measure:judge"
  | "rollup:view"
  | "tip:triage"
  | "measure:publish"
  | "nightwalk:report"
  | "reporting:manage";

/** What an action is checked against: at least the municipality, often more. */
export type Target = {
  municipalityId: string;
  groupId?: string;
  groupKind?: GroupKind;
  organisationId?: string;
};

const LEADERSHIP: GroupKind[] = ["STRATEGISK", "LEDNING"];

function membershipIn(viewer: Viewer, municipalityId: string) {
  return viewer.memberships.find((m) => m.municipalityId === municipalityId);
}

function isCoordinator(viewer: Viewer, municipalityId: string) {
  const role = membershipIn(viewer, municipalityId)?.role;
  return role === "COORDINATOR" || role === "ADMIN";
}

function groupRole(viewer: Viewer, groupId: string | undefined) {
  return viewer.groups.find((g) => g.groupId === groupId)?.role;
}

function inLeadership(viewer: Viewer, municipalityId: string, kinds: GroupKind[] = LEADERSHIP) {
  return viewer.groups.some((g) => g.municipalityId === municipalityId && kinds.includes(g.kind) && g.role !== "OBSERVER");
}

/** A system calling the API with a bearer token: the organisation it speaks for, in one
 * municipality, and the scopes it was made with (ADR 022). */
export type ApiCaller = { municipalityId: string; municipalitySlug: string; organisationId: string; scopes: readonly ApiScope[] };

/** What a token may do through the API, by route. A token never reaches another municipality:
 * every route also resolves what it names inside `caller.municipalityId`. */
export function tokenMay(caller: ApiCaller, action: "incident:send" | "incident:read" | "rollup:read"): boolean {
  switch (action) {
    case "incident:send":
      return caller.scopes.includes("INCIDENTS_WRITE");
    case "incident:read":
      return caller.scopes.includes("INCIDENTS_READ") || caller.scopes.includes("INCIDENTS_READ_ALL");
    case "rollup:read":
      return caller.scopes.includes("ROLLUPS_READ");
  }
}

/** Whose reports a token reads: every organisation's in its municipality (a BI token), or only
 * its own organisation's (a reporting system reading back what it sent). */
export function tokenIncidentScope(caller: ApiCaller): { municipalityId: string; organisationId: string | null } {
  return { municipalityId: caller.municipalityId, organisationId: caller.scopes.includes("INCIDENTS_READ_ALL") ? null : caller.organisationId };
}

export function can(viewer: Viewer | null, action: Action, target: Target): boolean {
  if (!viewer) return false;
  const member = membershipIn(viewer, target.municipalityId);
  // No role in a municipality means no access to it at all, platform admins included:
  // they operate the deployment, not the municipality's data.
  if (!member) return false;
  const coordinator = isCoordinator(viewer, target.municipalityId);
  const role = groupRole(viewer, target.groupId);

  switch (action) {
    case "municipality:view":
    case "incident:create":
      return true;
    case "municipality:admin":
      return member.role === "ADMIN";
    case "group:view":
    case "lagesbild:view":
      if (coordinator || role !== undefined) return true;
      // EST Strategisk and Ledning follow every Insats, read-only.
      return target.groupKind === "INSATS" && inLeadership(viewer, target.municipalityId);
    case "group:manage":
    case "lagesbild:edit":
      return coordinator || role === "COORDINATOR";
    case "incident:view-reporter":
    case "incident:update":
      return coordinator || target.organisationId === member.organisationId;
    case "weeklyReport:view-completeness":
      return coordinator || viewer.groups.some((g) => g.municipalityId === target.municipalityId && g.role === "COORDINATOR");
    case "tertial:view":
      return coordinator || inLeadership(viewer, target.municipalityId);
    case "tertial:edit":
      return coordinator || inLeadership(viewer, target.municipalityId, ["STRATEGISK"]);
    case "tertial:approve":
      return inLeadership(viewer, target.municipalityId, ["LEDNING"]);
    case "insats:open":
    case "incident:import":
    case "reporting:manage":
      // Who is expected to report, and when, decides every coverage figure (ADR 017).
      return coordinator;
    case "measure:create":
      // For a group, whoever leads it; without one (from the register, from a goal), EST
      // Strategisk and coordinators – those who follow the municipality's work as a whole.
      return target.groupId ? coordinator || role === "COORDINATOR" : coordinator || inLeadership(viewer, target.municipalityId, ["STRATEGISK"]);
    case "measure:follow-up":
      // The owner organisation, the members of the group that decided it, and coordinators.
      return coordinator || target.organisationId === member.organisationId || (role !== undefined && role !== "OBSERVER");
    case "measure:view":
      // The owner organisation, the deciding group, coordinators, and EST Strategisk/Ledning.
      return coordinator || target.organisationId === member.organisationId || role !== undefined || inLeadership(viewer, target.municipalityId);
    case "measure:update":
      // Status changes: the owner organisation, the deciding group's coordinator, coordinators.
      return coordinator || target.organisationId === member.organisationId || role === "COORDINATOR";
    case "measure:judge":
      // The effect verdict is the group's own judgement, written by whoever leads it.
      return coordinator || role === "COORDINATOR";
    case "rollup:view":
      // Aggregated counts for everyone who takes part in the municipality's EST work.
      return coordinator || viewer.groups.some((g) => g.municipalityId === target.municipalityId && g.role !== "OBSERVER");
    case "tip:triage":
    case "measure:publish":
      // Residents' tips and what is shown to residents are the coordinators' to handle.
      return coordinator;
    case "nightwalk:report":
      // Associations that walk the streets (nattvandrare), and coordinators on their behalf.
      return coordinator || member.organisationKind === "FORENING";
    case "audit:view":
    case "apiToken:manage":
      return member.role === "ADMIN";
  }
}

/** Whether the viewer may create an action in the municipality at all: without a group, or for
 * one of the groups they belong to (the register offers "Ny åtgärd" then). */
export function canCreateSomeMeasure(viewer: Viewer, municipalityId: string): boolean {
  return (
    can(viewer, "measure:create", { municipalityId }) ||
    viewer.groups.some((g) => g.municipalityId === municipalityId && can(viewer, "measure:create", { municipalityId, groupId: g.groupId, groupKind: g.kind }))
  );
}

/** Night walks the viewer may see in one municipality: every association's for coordinators,
 * else their own association's. */
export function nightWalkScope(viewer: Viewer, municipalityId: string): Prisma.NightWalkWhereInput {
  const member = membershipIn(viewer, municipalityId);
  if (!member) return { id: { in: [] } };
  return isCoordinator(viewer, municipalityId) ? { municipalityId } : { municipalityId, organisationId: member.organisationId };
}

/** Groups the viewer may see, as a where-fragment for est_group. */
export function groupScope(viewer: Viewer): Prisma.EstGroupWhereInput {
  const coordinatorOf = viewer.memberships
    .filter((m) => m.role === "COORDINATOR" || m.role === "ADMIN")
    .map((m) => m.municipalityId);
  const leadershipOf = [
    ...new Set(viewer.groups.filter((g) => LEADERSHIP.includes(g.kind) && g.role !== "OBSERVER").map((g) => g.municipalityId)),
  ];
  const inMunicipality = viewer.memberships.map((m) => m.municipalityId);
  return {
    municipalityId: { in: inMunicipality },
    OR: [
      { id: { in: viewer.groups.map((g) => g.groupId) } },
      { municipalityId: { in: coordinatorOf } },
      { kind: "INSATS", municipalityId: { in: leadershipOf } },
    ],
  };
}

/** Incidents the viewer may see, per municipality they belong to: all of them for coordinators
 * and admins, else their own organisation's and those in the areas of their groups. The one
 * statement of the rule; incidentScope and incidentScopeSql render it for the ORM and for SQL. */
type IncidentReach = { municipalityId: string } & ({ all: true } | { all: false; organisationId: string; groupIds: string[] });

function incidentReach(viewer: Viewer): IncidentReach[] {
  const groupIds = viewer.groups.map((g) => g.groupId);
  return viewer.memberships.map((m) =>
    m.role === "COORDINATOR" || m.role === "ADMIN"
      ? { municipalityId: m.municipalityId, all: true }
      : { municipalityId: m.municipalityId, all: false, organisationId: m.organisationId, groupIds },
  );
}

/** Whether the viewer sees every incident of the municipality (a coordinator's or admin's reach),
 * so counts kept for the whole municipality (the rollup tables) answer for them. */
export function seesAllIncidents(viewer: Viewer, municipalityId: string): boolean {
  return incidentReach(viewer).some((r) => r.municipalityId === municipalityId && r.all);
}

/** Incidents the viewer may see, as a where-fragment for incident (see incidentReach). */
export function incidentScope(viewer: Viewer): Prisma.IncidentWhereInput {
  return {
    OR: incidentReach(viewer).map((r) =>
      r.all
        ? { municipalityId: r.municipalityId }
        : { municipalityId: r.municipalityId, OR: [{ reporterOrgId: r.organisationId }, { area: { groups: { some: { groupId: { in: r.groupIds } } } } }] },
    ),
  };
}

/** The same scope as a parameterised SQL condition on `incident` aliased `i`, for the list and
 * export, which run as plain SQL (ADR 006). No reach matches nothing, as in incidentScope. */
export function incidentScopeSql(viewer: Viewer): Prisma.Sql {
  const reach = incidentReach(viewer).map((r) =>
    r.all
      ? Prisma.sql`i."municipalityId" = ${r.municipalityId}::uuid`
      : Prisma.sql`(i."municipalityId" = ${r.municipalityId}::uuid AND (i."reporterOrgId" = ${r.organisationId}::uuid
          OR EXISTS (SELECT 1 FROM group_area ga WHERE ga."areaId" = i."areaId" AND ga."groupId" = ANY(${r.groupIds}::uuid[]))))`,
  );
  return reach.length ? Prisma.sql`(${Prisma.join(reach, " OR ")})` : Prisma.sql`false`;
}

/** Actions (åtgärder) the viewer may see, as a where-fragment for measure: the whole municipality
 * for coordinators and EST Strategisk/Ledning, else their organisation's and their groups'. */
export function measureScope(viewer: Viewer): Prisma.MeasureWhereInput {
  return {
    OR: viewer.memberships.map((m) =>
      m.role === "COORDINATOR" || m.role === "ADMIN" || inLeadership(viewer, m.municipalityId)
        ? { municipalityId: m.municipalityId }
        : { municipalityId: m.municipalityId, OR: [{ ownerOrgId: m.organisationId }, { groupId: { in: viewer.groups.map((g) => g.groupId) } }] },
    ),
  };
}
