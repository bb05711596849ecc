import "server-only";
// Calendar feeds (iCalendar) Outlook and phones can subscribe to. The URL carries a secret token
// per user (only its hash is stored); a new token or revoking it stops the old URL at once.
import { createHash, randomBytes } from "node:crypto";
import ical, { ICalEventStatus } from "ical-generator";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { env } from "@/lib/env";
import { periodLabel } from "@/lib/time/periods";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const TOKEN = /^cal_[A-Za-z0-9_-]{40,60}$/;

/** Makes a new secret feed URL for the viewer (replacing any earlier one). Returned once. */
export async function createCalendarToken(viewer: Viewer): Promise<string> {
  const token = `cal_${randomBytes(32).toString("base64url")}`;
  await db().calendarToken.upsert({ where: { userId: viewer.userId }, update: { tokenHash: hash(token), createdAt: new Date() }, create: { userId: viewer.userId, tokenHash: hash(token) } });
  await recordAudit({ userId: viewer.userId, action: "calendar-token:create", entityType: "user", entityId: viewer.userId });
  return token;
}

export async function revokeCalendarToken(viewer: Viewer): Promise<void> {
  await db().calendarToken.deleteMany({ where: { userId: viewer.userId } });
  await recordAudit({ userId: viewer.userId, action: "calendar-token:revoke", entityType: "user", entityId: viewer.userId });
}

export async function calendarTokenCreatedAt(viewer: Viewer): Promise<Date | null> {
  return (await db().calendarToken.findUnique({ where: { userId: viewer.userId }, select: { createdAt: true } }))?.createdAt ?? null;
}

/** The person a feed token belongs to, as a Viewer; null for an unknown, revoked or disabled one. */
export async function authenticateCalendarToken(token: string): Promise<Viewer | null> {
  if (!TOKEN.test(token)) return null;
  const row = await db().calendarToken.findUnique({ where: { tokenHash: hash(token) }, select: { userId: true } });
  return row ? loadViewer(row.userId) : null;
}

/**
 * The feed: the viewer's own groups' meetings (or one group's, which they must be allowed to
 * see) from three months back to a year ahead. Cancelled meetings stay in the feed as
 * CANCELLED so subscribed calendars remove them; SEQUENCE rises with every change.
 * Returns null when the group is not visible (the route answers 404).
 */
export async function calendarFeed(viewer: Viewer, groupId?: string, now = new Date()): Promise<string | null> {
  let groupIds = viewer.groups.map((g) => g.groupId);
  let name = "EST – mina möten";
  if (groupId) {
    const group = await db().estGroup.findUnique({ where: { id: groupId }, select: { id: true, name: true, municipalityId: true, kind: true } });
    if (!group || !can(viewer, "group:view", { municipalityId: group.municipalityId, groupId: group.id, groupKind: group.kind })) return null;
    groupIds = [group.id];
    name = `EST – ${group.name}`;
  }
  const meetings = await db().meeting.findMany({
    where: { groupId: { in: groupIds }, startsAt: { gte: new Date(now.getTime() - 92 * 86_400_000), lt: new Date(now.getTime() + 366 * 86_400_000) } },
    select: {
      id: true, startsAt: true, endsAt: true, periodKey: true, status: true, location: true, version: true, createdAt: true,
      group: { select: { name: true, municipality: { select: { name: true } } } },
      agendaItems: { select: { title: true }, orderBy: { position: "asc" } },
    },
    orderBy: { startsAt: "asc" },
  });
  const base = env().NEXTAUTH_URL ?? "";
  const calendar = ical({ name, prodId: { company: "EST", product: "Effektiv samordning för trygghet", language: "SV" }, ttl: 60 * 60 });
  for (const m of meetings) {
    const url = `${base}/moten/${m.id}`;
    calendar.createEvent({
      id: `${m.id}@est`,
      start: m.startsAt,
      end: m.endsAt,
      stamp: now,
      sequence: m.version,
      summary: `${m.group.name} (${periodLabel(m.periodKey)})`,
      description: [`${m.group.name}, ${m.group.municipality.name}`, "", "Dagordning:", ...m.agendaItems.map((a, i) => `${i + 1}. ${a.title}`), "", url].join("\n"),
      location: m.location ?? undefined,
      url,
      status: m.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

export function icsResponse(body: string): Response {
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store", "Content-Disposition": 'inline; filename="est.ics"' } });
}
