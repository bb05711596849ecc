import "server-only";
import { db } from "@/lib/db";
import { can, groupScope } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";

/** The viewer's groups in a municipality, with their next meeting. Coordinators see all. */
export async function listGroupsForViewer(viewer: Viewer, municipalityId: string, now = new Date()) {
  const groups = await db().estGroup.findMany({
    where: { AND: [groupScope(viewer), { municipalityId }] },
    select: {
      id: true,
      name: true,
      kind: true,
      cadence: true,
      meetingWeekday: true,
      meetingTime: true,
      status: true,
      plannedEndDate: true,
      _count: { select: { members: true, areas: true } },
      meetings: {
        where: { startsAt: { gte: now }, status: "PLANNED" },
        orderBy: { startsAt: "asc" },
        take: 1,
        select: { startsAt: true, periodKey: true },
      },
    },
    orderBy: [{ status: "asc" }, { kind: "asc" }, { name: "asc" }],
  });
  return groups.map(({ meetings, _count, ...g }) => ({
    ...g,
    memberCount: _count.members,
    areaCount: _count.areas,
    myRole: viewer.groups.find((x) => x.groupId === g.id)?.role ?? null,
    nextMeeting: meetings[0] ?? null,
  }));
}

export type GroupListItem = Awaited<ReturnType<typeof listGroupsForViewer>>[number];

/** One group, or NOT_FOUND when it does not exist or the viewer may not see it (same answer). */
export async function getGroupForViewer(viewer: Viewer, groupId: string, now = new Date()) {
  const group = isUuid(groupId)
    ? await db().estGroup.findUnique({
        where: { id: groupId },
        select: {
          id: true,
          municipalityId: true,
          name: true,
          kind: true,
          cadence: true,
          meetingWeekday: true,
          meetingTime: true,
          description: true,
          status: true,
          openedAt: true,
          plannedEndDate: true,
          closedAt: true,
          municipality: { select: { name: true } },
          areas: { select: { area: { select: { id: true, name: true } } }, orderBy: { area: { name: "asc" } } },
          organisations: { select: { organisation: { select: { id: true, name: true } } }, orderBy: { organisation: { name: "asc" } } },
          members: {
            select: { role: true, user: { select: { id: true, name: true, memberships: { select: { municipalityId: true, organisation: { select: { name: true } } } } } } },
            orderBy: { user: { name: "asc" } },
          },
          meetings: {
            where: { startsAt: { gte: now } },
            orderBy: { startsAt: "asc" },
            take: 6,
            select: { id: true, startsAt: true, periodKey: true, status: true },
          },
        },
      })
    : null;
  const target = group ? { municipalityId: group.municipalityId, groupId: group.id, groupKind: group.kind } : null;
  if (!group || !target || !can(viewer, "group:view", target)) {
    await recordAudit({ userId: viewer.userId, action: "group:view", entityType: "group", entityId: groupId.slice(0, 64), outcome: "DENIED" });
    throw new DomainError("NOT_FOUND", "Gruppen finns inte, eller så har du inte behörighet att se den.");
  }
  const { members, areas, organisations, ...rest } = group;
  return {
    ...rest,
    canManage: can(viewer, "group:manage", target),
    areas: areas.map((a) => a.area),
    organisations: organisations.map((o) => o.organisation),
    // Names and organisations only: members' contact details stay on the server.
    members: members.map((m) => ({
      id: m.user.id,
      name: m.user.name,
      role: m.role,
      organisation: m.user.memberships.find((x) => x.municipalityId === group.municipalityId)?.organisation.name ?? null,
    })),
  };
}
