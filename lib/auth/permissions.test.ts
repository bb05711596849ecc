import { test } from "node:test";
import assert from "node:assert/strict";
import { can, canCreateSomeMeasure, nightWalkScope, type Action, type Target } from "./permissions";
import type { Viewer } from "./viewer";

// Two municipalities: A (Sollentuna-like) and B. Groups in A: Vecko, Ledning, Strategisk, Insats.
const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const G = { vecko: "g-vecko", ledning: "g-ledning", strategisk: "g-strategisk", insats: "g-insats", veckoB: "g-vecko-b" };
const ORG = { hem: "org-hem", polis: "org-polis", klk: "org-klk", sok: "org-sok", polisB: "org-polis-b" };

function viewer(memberships: [string, string, Viewer["memberships"][number]["role"], Viewer["memberships"][number]["organisationKind"]?][], groups: [string, string, Viewer["groups"][number]["kind"], Viewer["groups"][number]["role"]][]): Viewer {
  return {
    userId: "u",
    name: "n",
    email: "e@example.se",
    locale: "sv",
    isPlatformAdmin: false,
    memberships: memberships.map(([municipalityId, organisationId, role, organisationKind]) => ({
      municipalityId, organisationId, role, organisationKind, municipalitySlug: municipalityId, municipalityName: "", organisationName: "",
    })),
    groups: groups.map(([groupId, municipalityId, kind, role]) => ({ groupId, municipalityId, kind, role })),
  };
}

const ROLES: Record<string, Viewer | null> = {
  anonymous: null,
  reporter: viewer([[A, ORG.hem, "REPORTER"]], []),
  veckoMember: viewer([[A, ORG.hem, "REPORTER"]], [[G.vecko, A, "VECKO", "MEMBER"]]),
  groupCoordinator: viewer([[A, ORG.sok, "REPORTER"]], [[G.vecko, A, "VECKO", "COORDINATOR"]]),
  coordinator: viewer([[A, ORG.klk, "COORDINATOR"]], []),
  ledning: viewer([[A, ORG.sok, "REPORTER"]], [[G.ledning, A, "LEDNING", "MEMBER"]]),
  strategisk: viewer([[A, ORG.polis, "REPORTER"]], [[G.strategisk, A, "STRATEGISK", "MEMBER"]]),
  policeTwoMunicipalities: viewer([[A, ORG.polis, "REPORTER"], [B, ORG.polisB, "REPORTER"]], [[G.vecko, A, "VECKO", "MEMBER"], [G.veckoB, B, "VECKO", "MEMBER"]]),
  admin: viewer([[A, ORG.klk, "ADMIN"]], []),
  nightWalker: viewer([[A, "org-nattvandrare", "REPORTER", "FORENING"]], []),
};

const T: Record<string, Target> = {
  municipalityA: { municipalityId: A },
  municipalityB: { municipalityId: B },
  veckoA: { municipalityId: A, groupId: G.vecko, groupKind: "VECKO" },
  ledningA: { municipalityId: A, groupId: G.ledning, groupKind: "LEDNING" },
  insatsA: { municipalityId: A, groupId: G.insats, groupKind: "INSATS" },
  veckoB: { municipalityId: B, groupId: G.veckoB, groupKind: "VECKO" },
  hemIncidentA: { municipalityId: A, organisationId: ORG.hem },
  polisIncidentB: { municipalityId: B, organisationId: ORG.polisB },
};

// Each row: action, target, then the roles allowed. Every other role must be refused.
const MATRIX: [Action, keyof typeof T, string[]][] = [
  ["municipality:view", "municipalityA", ["reporter", "veckoMember", "groupCoordinator", "coordinator", "ledning", "strategisk", "policeTwoMunicipalities", "admin", "nightWalker"]],
  ["municipality:view", "municipalityB", ["policeTwoMunicipalities"]],
  ["municipality:admin", "municipalityA", ["admin"]],
  ["group:view", "veckoA", ["veckoMember", "groupCoordinator", "coordinator", "policeTwoMunicipalities", "admin"]],
  ["group:view", "ledningA", ["coordinator", "ledning", "admin"]],
  ["group:view", "insatsA", ["coordinator", "ledning", "strategisk", "admin"]],
  ["group:view", "veckoB", ["policeTwoMunicipalities"]],
  ["group:manage", "veckoA", ["groupCoordinator", "coordinator", "admin"]],
  ["group:manage", "insatsA", ["coordinator", "admin"]],
  ["lagesbild:view", "veckoA", ["veckoMember", "groupCoordinator", "coordinator", "policeTwoMunicipalities", "admin"]],
  ["lagesbild:edit", "veckoA", ["groupCoordinator", "coordinator", "admin"]],
  ["incident:create", "municipalityA", ["reporter", "veckoMember", "groupCoordinator", "coordinator", "ledning", "strategisk", "policeTwoMunicipalities", "admin", "nightWalker"]],
  ["incident:create", "municipalityB", ["policeTwoMunicipalities"]],
  ["incident:update", "hemIncidentA", ["reporter", "veckoMember", "coordinator", "admin"]],
  ["incident:view-reporter", "polisIncidentB", ["policeTwoMunicipalities"]],
  ["weeklyReport:view-completeness", "municipalityA", ["groupCoordinator", "coordinator", "admin"]],
  ["tertial:view", "municipalityA", ["coordinator", "ledning", "strategisk", "admin"]],
  ["tertial:edit", "municipalityA", ["coordinator", "strategisk", "admin"]],
  ["tertial:approve", "municipalityA", ["ledning"]],
  ["insats:open", "municipalityA", ["coordinator", "admin"]],
  ["incident:import", "municipalityA", ["coordinator", "admin"]],
  ["incident:import", "municipalityB", []],
  ["reporting:manage", "municipalityA", ["coordinator", "admin"]],
  ["reporting:manage", "municipalityB", []],
  ["audit:view", "municipalityA", ["admin"]],
  ["apiToken:manage", "municipalityA", ["admin"]],
  ["measure:follow-up", "veckoA", ["veckoMember", "groupCoordinator", "coordinator", "policeTwoMunicipalities", "admin"]],
  ["measure:follow-up", "hemIncidentA", ["reporter", "veckoMember", "coordinator", "admin"]],
  ["apiToken:manage", "municipalityB", []],
  ["measure:view", "hemIncidentA", ["reporter", "veckoMember", "coordinator", "ledning", "strategisk", "admin"]],
  ["measure:view", "veckoA", ["veckoMember", "groupCoordinator", "coordinator", "ledning", "strategisk", "policeTwoMunicipalities", "admin"]],
  ["measure:update", "veckoA", ["groupCoordinator", "coordinator", "admin"]],
  ["measure:update", "hemIncidentA", ["reporter", "veckoMember", "coordinator", "admin"]],
  ["measure:judge", "veckoA", ["groupCoordinator", "coordinator", "admin"]],
  ["measure:judge", "hemIncidentA", ["coordinator", "admin"]],
  ["measure:create", "municipalityA", ["coordinator", "strategisk", "admin"]],
  ["measure:create", "veckoA", ["groupCoordinator", "coordinator", "admin"]],
  ["measure:create", "municipalityB", []],
  ["rollup:view", "municipalityA", ["veckoMember", "groupCoordinator", "coordinator", "ledning", "strategisk", "policeTwoMunicipalities", "admin"]],
  ["rollup:view", "municipalityB", ["policeTwoMunicipalities"]],
  ["tip:triage", "municipalityA", ["coordinator", "admin"]],
  ["tip:triage", "municipalityB", []],
  ["measure:publish", "municipalityA", ["coordinator", "admin"]],
  ["nightwalk:report", "municipalityA", ["coordinator", "admin", "nightWalker"]],
  ["nightwalk:report", "municipalityB", []],
];

test("role × action matrix: every cell is asserted", () => {
  for (const [action, targetName, allowed] of MATRIX) {
    for (const [role, v] of Object.entries(ROLES)) {
      const expected = allowed.includes(role);
      assert.equal(can(v, action, T[targetName]!), expected, `${role} ${expected ? "may" : "may not"} ${action} on ${targetName}`);
    }
  }
});

test("the register offers a new action to whoever may create one, with a group or without", () => {
  const allowed = Object.entries(ROLES).filter(([, v]) => v && canCreateSomeMeasure(v, A)).map(([role]) => role);
  assert.deepEqual(allowed.sort(), ["admin", "coordinator", "groupCoordinator", "strategisk"]);
  assert.equal(canCreateSomeMeasure(ROLES.groupCoordinator!, B), false);
});

test("night walks: coordinators see every association's, an association its own, no one another municipality's", () => {
  assert.deepEqual(nightWalkScope(ROLES.coordinator!, A), { municipalityId: A });
  assert.deepEqual(nightWalkScope(ROLES.nightWalker!, A), { municipalityId: A, organisationId: "org-nattvandrare" });
  assert.deepEqual(nightWalkScope(ROLES.nightWalker!, B), { id: { in: [] } });
});

test("an observer of a leadership group cannot see an Insats", () => {
  const observer = viewer([[A, ORG.sok, "REPORTER"]], [[G.ledning, A, "LEDNING", "OBSERVER"]]);
  assert.equal(can(observer, "group:view", T.insatsA!), false);
  assert.equal(can(observer, "group:view", T.ledningA!), true);
});

test("a platform admin without a municipality role sees nothing of the municipality", () => {
  const platform = { ...viewer([], []), isPlatformAdmin: true };
  for (const [action, targetName] of MATRIX) assert.equal(can(platform, action, T[targetName]!), false);
});
