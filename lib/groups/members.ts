import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";

export const ZMemberChange = z
  .object({
    groupId: z.uuid(),
    userId: z.uuid("Välj en person."),
    role: z.enum(["MEMBER", "COORDINATOR", "OBSERVER"], "Välj roll."),
  })
  .strict();
export type TMemberChange = z.input<typeof ZMemberChange>;
export const ZMemberRemove = z.object({ groupId: z.uuid(), userId: z.uuid() }).strict();

async function managed(viewer: Viewer, groupId: string) {
  const group = await db().estGroup.findUnique({ where: { id: groupId }, select: { id: true, municipalityId: true, kind: true } });
  if (!group || !can(viewer, "group:manage", { municipalityId: group.municipalityId, groupId: group.id, groupKind: group.kind })) {
    throw new DomainError("NOT_FOUND", "Gruppen finns inte, eller så får du inte ändra den.");
  }
  return group;
}

/** People in the municipality who could join the group (for a coordinator's picker). */
export async function listMemberCandidates(viewer: Viewer, groupId: string) {
  const group = await managed(viewer, groupId);
  const rows = await db().membership.findMany({
    where: { municipalityId: group.municipalityId, user: { disabledAt: null, groupMemberships: { none: { groupId } } } },
    select: { user: { select: { id: true, name: true } }, organisation: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((r) => ({ id: r.user.id, name: r.user.name, organisation: r.organisation.name }));
}

/** Adds a person of the municipality to the group, or changes their role in it. */
export async function setMember(viewer: Viewer, input: z.output<typeof ZMemberChange>) {
  const group = await managed(viewer, input.groupId);
  const person = await db().membership.findFirst({ where: { userId: input.userId, municipalityId: group.municipalityId, user: { disabledAt: null } }, select: { userId: true, organisationId: true } });
  if (!person) throw new DomainError("INVALID", "Personen har inget konto i kommunen. Bjud in dem med e-post först.", "userId");
  await db().$transaction([
    db().groupMember.upsert({ where: { groupId_userId: { groupId: group.id, userId: person.userId } }, update: { role: input.role }, create: { groupId: group.id, userId: person.userId, role: input.role } }),
    // Their organisation takes part in the group from now on.
    db().groupOrganisation.upsert({ where: { groupId_organisationId: { groupId: group.id, organisationId: person.organisationId } }, update: {}, create: { groupId: group.id, organisationId: person.organisationId } }),
  ]);
  await recordAudit({ userId: viewer.userId, municipalityId: group.municipalityId, action: "group:member-set", entityType: "group", entityId: group.id });
}

export async function removeMember(viewer: Viewer, input: z.output<typeof ZMemberRemove>) {
  const group = await managed(viewer, input.groupId);
  const coordinators = await db().groupMember.findMany({ where: { groupId: group.id, role: "COORDINATOR" }, select: { userId: true } });
  if (coordinators.length === 1 && coordinators[0]!.userId === input.userId) {
    throw new DomainError("INVALID", "Gruppen behöver minst en samordnare. Utse en annan samordnare först.");
  }
  await db().groupMember.deleteMany({ where: { groupId: group.id, userId: input.userId } });
  await recordAudit({ userId: viewer.userId, municipalityId: group.municipalityId, action: "group:member-remove", entityType: "group", entityId: group.id });
}

/**
 * How much the municipality's groups share: for each pair with anything in common, the shared
 * members and organisations, and the share of the smaller group they make up. Helps judge
 * whether two groups (EST Ledning and a steering group, say) should merge.
 */
export async function getMembershipOverlap(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "tertial:view", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte, eller så har du inte behörighet att se den.");
  const groups = await db().estGroup.findMany({
    where: { municipalityId, status: "OPEN" },
    select: { id: true, name: true, kind: true, members: { select: { user: { select: { id: true, name: true } } } }, organisations: { select: { organisation: { select: { id: true, name: true } } } } },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
  });
  const pairs = [];
  for (const [i, a] of groups.entries()) {
    for (const b of groups.slice(i + 1)) {
      const memberIds = new Set(b.members.map((m) => m.user.id));
      const orgIds = new Set(b.organisations.map((o) => o.organisation.id));
      const members = a.members.filter((m) => memberIds.has(m.user.id)).map((m) => m.user.name).sort();
      const organisations = a.organisations.filter((o) => orgIds.has(o.organisation.id)).map((o) => o.organisation.name).sort();
      if (!members.length && !organisations.length) continue;
      const share = (n: number, x: number, y: number) => (Math.min(x, y) ? n / Math.min(x, y) : 0);
      pairs.push({
        a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name }, members, organisations,
        memberShare: share(members.length, a.members.length, b.members.length),
        organisationShare: share(organisations.length, a.organisations.length, b.organisations.length),
      });
    }
  }
  pairs.sort((x, y) => y.organisationShare + y.memberShare - (x.organisationShare + x.memberShare));
  return { groups: groups.map((g) => ({ id: g.id, name: g.name, kind: g.kind, members: g.members.length, organisations: g.organisations.length })), pairs };
}
