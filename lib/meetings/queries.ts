import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { overlapping } from "./cadence";

const NOT_FOUND = "Mötet finns inte, eller så har du inte behörighet att se det.";

/** One meeting with its agenda, attendance, decisions and history; NOT_FOUND when the viewer may
 * not see its group (the same answer as for a meeting that does not exist). */
export async function getMeeting(viewer: Viewer, meetingId: string) {
  const meeting = isUuid(meetingId)
    ? await db().meeting.findUnique({
        where: { id: meetingId },
        select: {
          id: true, municipalityId: true, startsAt: true, endsAt: true, periodKey: true, status: true, minutesStatus: true, location: true, minutes: true,
          plannedStartsAt: true, cancelReason: true, approvedAt: true, version: true,
          group: {
            select: {
              id: true, name: true, kind: true, municipality: { select: { name: true } },
              areas: { select: { area: { select: { id: true, name: true } } }, orderBy: { area: { name: "asc" } } },
              organisations: { select: { organisation: { select: { id: true, name: true } } }, orderBy: { organisation: { name: "asc" } } },
              members: { select: { role: true, user: { select: { id: true, name: true, memberships: { select: { municipalityId: true, organisation: { select: { name: true } } } } } } }, orderBy: { user: { name: "asc" } } },
            },
          },
          agendaItems: { select: { id: true, position: true, title: true, kind: true, notes: true, minutes: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
          decisions: { select: { id: true, agendaItemId: true, text: true, createdAt: true, measures: { select: { id: true, title: true, dueDate: true, status: true, ownerOrg: { select: { name: true } } } } }, orderBy: { createdAt: "asc" } },
          attendance: { select: { userId: true } },
          organisationsPresent: { select: { organisationId: true } },
          events: { select: { id: true, kind: true, note: true, at: true, userId: true }, orderBy: { at: "asc" } },
        },
      })
    : null;
  const target = meeting ? { municipalityId: meeting.municipalityId, groupId: meeting.group.id, groupKind: meeting.group.kind } : null;
  if (!meeting || !target || !can(viewer, "group:view", target)) {
    await recordAudit({ userId: viewer.userId, action: "meeting:view", entityType: "meeting", entityId: meetingId.slice(0, 64), outcome: "DENIED" });
    throw new DomainError("NOT_FOUND", NOT_FOUND);
  }
  await recordAudit({ userId: viewer.userId, municipalityId: meeting.municipalityId, action: "meeting:view", entityType: "meeting", entityId: meeting.id });
  const [neighbours, names, areasOfMunicipality] = await Promise.all([
    db().meeting.findMany({
      where: { groupId: meeting.group.id, status: { not: "CANCELLED" }, OR: [{ startsAt: { lt: meeting.startsAt } }, { startsAt: { gt: meeting.startsAt } }] },
      select: { id: true, startsAt: true },
      orderBy: { startsAt: "asc" },
    }),
    db().user.findMany({ where: { id: { in: meeting.events.map((e) => e.userId).filter((x): x is string => !!x) } }, select: { id: true, name: true } }),
    db().area.findMany({ where: { municipalityId: meeting.municipalityId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const canManage = can(viewer, "group:manage", target);
  const { group, attendance, organisationsPresent, events, ...rest } = meeting;
  return {
    ...rest,
    group: {
      id: group.id, name: group.name, kind: group.kind, municipality: group.municipality.name,
      areas: group.areas.map((a) => a.area),
      organisations: group.organisations.map((o) => o.organisation),
      members: group.members.map((m) => ({ id: m.user.id, name: m.user.name, role: m.role, organisation: m.user.memberships.find((x) => x.municipalityId === meeting.municipalityId)?.organisation.name ?? null })),
    },
    // Actions may be placed in any of the municipality's areas; the group's own come first.
    areaOptions: [...group.areas.map((a) => a.area), ...areasOfMunicipality.filter((a) => !group.areas.some((g) => g.area.id === a.id))],
    present: attendance.map((a) => a.userId),
    organisationsPresent: organisationsPresent.map((o) => o.organisationId),
    events: events.map((e) => ({ ...e, by: names.find((n) => n.id === e.userId)?.name ?? null })),
    previous: neighbours.filter((n) => n.startsAt < meeting.startsAt).at(-1) ?? null,
    next: neighbours.find((n) => n.startsAt > meeting.startsAt) ?? null,
    canManage,
    readOnly: !canManage || meeting.minutesStatus === "APPROVED" || meeting.status === "CANCELLED",
  };
}

export type MeetingView = Awaited<ReturnType<typeof getMeeting>>;

/** A group's meetings from a month back to twelve months ahead, with overlaps flagged. */
export async function getGroupCalendar(viewer: Viewer, groupId: string, now = new Date()) {
  const group = isUuid(groupId)
    ? await db().estGroup.findUnique({
        where: { id: groupId },
        select: { id: true, municipalityId: true, name: true, kind: true, status: true, cadence: true, meetingWeekday: true, meetingTime: true, meetingMinutes: true, reminderLeadHours: true, reportingWeekday: true, summerBreakFrom: true, summerBreakTo: true },
      })
    : null;
  const target = group ? { municipalityId: group.municipalityId, groupId: group.id, groupKind: group.kind } : null;
  if (!group || !target || !can(viewer, "group:view", target)) throw new DomainError("NOT_FOUND", "Gruppen finns inte, eller så har du inte behörighet att se den.");
  const meetings = await db().meeting.findMany({
    where: { groupId, startsAt: { gte: new Date(now.getTime() - 31 * 86_400_000), lt: new Date(now.getTime() + 366 * 86_400_000) } },
    select: { id: true, startsAt: true, endsAt: true, periodKey: true, status: true, minutesStatus: true, plannedStartsAt: true, cancelReason: true, location: true },
    orderBy: { startsAt: "asc" },
  });
  const clash = overlapping(meetings);
  return { group, canManage: can(viewer, "group:manage", target), meetings: meetings.map((m) => ({ ...m, overlaps: clash.has(m.id) })) };
}

/** The viewer's own groups' meetings: the next eight weeks, and recent ones whose minutes are not approved. */
export async function listMyMeetings(viewer: Viewer, now = new Date()) {
  const groupIds = viewer.groups.map((g) => g.groupId);
  const [groups, upcoming, open] = await Promise.all([
    db().estGroup.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().meeting.findMany({
      where: { groupId: { in: groupIds }, startsAt: { gte: now, lt: new Date(now.getTime() + 56 * 86_400_000) } },
      select: { id: true, startsAt: true, periodKey: true, status: true, location: true, group: { select: { id: true, name: true } } },
      orderBy: { startsAt: "asc" },
      take: 100,
    }),
    db().meeting.findMany({
      where: { groupId: { in: groupIds }, status: { not: "CANCELLED" }, minutesStatus: { not: "APPROVED" }, startsAt: { lt: now, gte: new Date(now.getTime() - 60 * 86_400_000) } },
      select: { id: true, startsAt: true, periodKey: true, minutesStatus: true, group: { select: { id: true, name: true } } },
      orderBy: { startsAt: "desc" },
      take: 20,
    }),
  ]);
  return { groups, upcoming, open };
}

/** What a meeting's document header and PDF need, with the page's access rule. */
export async function getMeetingHead(viewer: Viewer, meetingId: string) {
  const meeting = isUuid(meetingId)
    ? await db().meeting.findUnique({
        where: { id: meetingId },
        select: {
          id: true, municipalityId: true, startsAt: true, minutesStatus: true, approvedAt: true, approvedById: true, version: true,
          group: { select: { id: true, name: true, kind: true, municipality: { select: { name: true } } } },
        },
      })
    : null;
  if (!meeting || !can(viewer, "group:view", { municipalityId: meeting.municipalityId, groupId: meeting.group.id, groupKind: meeting.group.kind })) {
    await recordAudit({ userId: viewer.userId, action: "meeting:view", entityType: "meeting", entityId: meetingId.slice(0, 64), outcome: "DENIED" });
    throw new DomainError("NOT_FOUND", NOT_FOUND);
  }
  const approver = meeting.approvedById ? await db().user.findUnique({ where: { id: meeting.approvedById }, select: { name: true } }) : null;
  return {
    id: meeting.id, municipalityId: meeting.municipalityId, municipalityName: meeting.group.municipality.name, groupName: meeting.group.name,
    startsAt: meeting.startsAt, minutesStatus: meeting.minutesStatus, approvedAt: meeting.approvedAt, approvedBy: approver?.name ?? null, version: meeting.version,
  };
}
