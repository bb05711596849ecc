import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { getGroupForViewer } from "@/lib/groups/queries";
import { listOpenMeasures } from "@/lib/measures/queries";
import { toLocalInputs } from "@/lib/time/format";
import type { ZMeetingPicturePublish } from "./schema";

type Window = { start: Date; end: Date };

const NOT_FOUND = "Mötet finns inte i insatsen.";

/**
 * The windows an Insats meeting's lägesbild covers: since the meeting before (the opening, for
 * the first) until this meeting, and the window before that for comparison (for the first
 * meeting, the same length of time before the Insats opened). Pure, from the meeting times.
 */
export function meetingWindows(meetingStarts: Date[], openedAt: Date, index: number): { current: Window; previous: Window } {
  const at = (i: number) => (i < 0 ? openedAt : meetingStarts[i]!);
  const current = { start: at(index - 1), end: at(index) };
  const previous = index === 0
    ? { start: new Date(openedAt.getTime() - (current.end.getTime() - current.start.getTime())), end: openedAt }
    : { start: index === 1 ? openedAt : at(index - 2), end: at(index - 1) };
  return { current, previous };
}

type Counts = { areaId: string; categoryId: string; n: number }[];

/**
 * An EST Insats's short-cycle lägesbild for one of its meetings (`date`, Stockholm local day):
 * the incidents in its scope since the last meeting against the window before, the Insats's
 * open actions, and the group's judgement – frozen once published.
 */
export async function getMeetingPicture(viewer: Viewer, groupId: string, date: string, now = new Date()) {
  const group = await getGroupForViewer(viewer, groupId, now);
  if (group.kind !== "INSATS" || !group.openedAt) throw new DomainError("NOT_FOUND", NOT_FOUND);
  const meetings = await db().meeting.findMany({ where: { groupId, status: { not: "CANCELLED" } }, select: { startsAt: true }, orderBy: { startsAt: "asc" } });
  const starts = meetings.map((m) => m.startsAt);
  const index = starts.findIndex((s) => toLocalInputs(s).date === date);
  if (index < 0) throw new DomainError("NOT_FOUND", NOT_FOUND);
  const saved = await db().lagesbild.findUnique({
    where: { groupId_periodKey: { groupId, periodKey: date } },
    select: { id: true, status: true, version: true, assessment: true, outlook: true, resourceNotes: true, focusNotes: true, snapshot: true, publishedAt: true, areaStatuses: { select: { areaId: true, level: true, reason: true } } },
  });
  const nav = {
    previousDate: index > 0 ? toLocalInputs(starts[index - 1]!).date : null,
    nextDate: index < starts.length - 1 ? toLocalInputs(starts[index + 1]!).date : null,
  };
  const canEdit = can(viewer, "lagesbild:edit", { municipalityId: group.municipalityId, groupId, groupKind: "INSATS" }) && group.status === "OPEN";
  if (saved?.status === "PUBLISHED" && saved.snapshot) {
    return { ...(saved.snapshot as unknown as Figures), ...nav, group: { id: group.id, name: group.name }, date, saved, canEdit: false };
  }
  const figures = await computeFigures(group.municipalityId, groupId, group.areas, meetingWindows(starts, group.openedAt, index), starts[index]!);
  return { ...figures, ...nav, group: { id: group.id, name: group.name }, date, saved, canEdit };
}

async function computeFigures(municipalityId: string, groupId: string, areas: { id: string; name: string }[], windows: { current: Window; previous: Window }, meetingAt: Date) {
  const areaIds = areas.map((a) => a.id);
  const scope = { municipalityId, areaId: { in: areaIds }, status: "ACTIVE" as const };
  const grouped = (w: Window) =>
    db().incident.groupBy({ by: ["areaId", "categoryId"], where: { ...scope, occurredAt: { gte: w.start, lt: w.end } }, _count: { _all: true } })
      .then((rows): Counts => rows.map((r) => ({ areaId: r.areaId, categoryId: r.categoryId, n: r._count._all })));
  const [current, previous, categories, incidents, measures] = await Promise.all([
    grouped(windows.current),
    grouped(windows.previous),
    db().incidentCategory.findMany({ where: { municipalityId, parentId: null }, select: { id: true, label: true }, orderBy: { sortOrder: "asc" } }),
    db().incident.findMany({
      where: { ...scope, occurredAt: { gte: windows.current.start, lt: windows.current.end } },
      select: { id: true, occurredAt: true, place: true, area: { select: { name: true } }, category: { select: { label: true } } },
      orderBy: { occurredAt: "desc" },
      take: 200,
    }),
    listOpenMeasures(municipalityId, groupId, areaIds),
  ]);
  const sum = (rows: Counts, match: (r: Counts[number]) => boolean) => rows.filter(match).reduce((s, r) => s + r.n, 0);
  const rows = areas.flatMap((a) =>
    categories
      .map((c) => ({ area: a.name, areaId: a.id, category: c.label, categoryId: c.id, count: sum(current, (r) => r.areaId === a.id && r.categoryId === c.id), previous: sum(previous, (r) => r.areaId === a.id && r.categoryId === c.id) }))
      .filter((r) => r.count > 0 || r.previous > 0),
  );
  return {
    meetingAt: meetingAt.toISOString(),
    window: { start: windows.current.start.toISOString(), end: windows.current.end.toISOString() },
    previousWindow: { start: windows.previous.start.toISOString(), end: windows.previous.end.toISOString() },
    total: sum(current, () => true),
    previousTotal: sum(previous, () => true),
    rows,
    areas,
    incidents: incidents.map((i) => ({ id: i.id, occurredAt: i.occurredAt.toISOString(), place: i.place, area: i.area.name, category: i.category.label })),
    measures: measures.map((m) => ({ id: m.id, title: m.title, owner: m.ownerOrg.name, dueDate: m.dueDate ? m.dueDate.toISOString().slice(0, 10) : null })),
  };
}
type Figures = Awaited<ReturnType<typeof computeFigures>>;
export type MeetingPicture = Awaited<ReturnType<typeof getMeetingPicture>>;

/** Publishes the meeting's lägesbild: the figures and incidents as they are now are frozen with
 * the judgement, so the next meeting compares against what this one saw. */
export async function publishMeetingPicture(viewer: Viewer, input: z.output<typeof ZMeetingPicturePublish>, now = new Date()) {
  const picture = await getMeetingPicture(viewer, input.groupId, input.week, now);
  if (!picture.canEdit) throw new DomainError("FORBIDDEN", "Du får inte publicera insatsens lägesbild.");
  const saved = picture.saved;
  if (!saved || saved.status !== "DRAFT") throw new DomainError("CONFLICT", "Spara bedömningen innan du publicerar.");
  if (saved.version !== input.version) throw new DomainError("CONFLICT", "Någon annan har ändrat lägesbilden under tiden. Ladda om sidan.");
  const missing = saved.assessment?.trim() ? [] : ["bedömning saknas"];
  if (missing.length > 0 && !input.confirmIncomplete) return { published: false as const, missing };
  const { group: _g, saved: _s, canEdit: _c, previousDate: _p, nextDate: _n, date: _d, ...figures } = picture;
  const { count } = await db().lagesbild.updateMany({
    where: { id: saved.id, version: input.version, status: "DRAFT" },
    data: { status: "PUBLISHED", publishedAt: now, publishedById: viewer.userId, snapshot: JSON.parse(JSON.stringify(figures)), version: { increment: 1 } },
  });
  if (count === 0) throw new DomainError("CONFLICT", "Någon annan har ändrat lägesbilden under tiden. Ladda om sidan.");
  await recordAudit({ userId: viewer.userId, action: "lagesbild:publish", entityType: "lagesbild", entityId: saved.id });
  return { published: true as const, missing };
}
