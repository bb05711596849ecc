import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { planMeetings } from "@/lib/meetings/cadence";
import { formatDate } from "@/lib/time/format";
import { fromStockholmWall } from "@/lib/time/zone";
import { slugify } from "@/lib/text/slugify";
import type { ZInsatsOpen } from "./schema";

/**
 * Opens an EST Insats: a time-boxed group scoped to areas, staffed with invited members from any
 * organisation, with its meetings laid out until the planned end, and the evidence it came from.
 * Invited members hear about it in the app and by e-mail (outbox, same transaction).
 */
export async function openInsats(viewer: Viewer, input: z.output<typeof ZInsatsOpen>, now = new Date()) {
  if (!can(viewer, "insats:open", { municipalityId: input.municipalityId })) throw new DomainError("FORBIDDEN", "Du har inte behörighet att starta en EST Insats.");
  const [y, m, d] = input.plannedEndDate.split("-").map(Number) as [number, number, number];
  const end = fromStockholmWall(y, m, d + 1);
  if (end.getTime() <= now.getTime()) throw new DomainError("INVALID", "Slutdatumet måste ligga efter startdatumet (i dag).", "plannedEndDate");
  const areas = await db().area.findMany({ where: { id: { in: input.areaIds }, municipalityId: input.municipalityId }, select: { id: true } });
  if (areas.length !== new Set(input.areaIds).size) throw new DomainError("INVALID", "Välj kommundelar i kommunen.", "areaIds");
  const memberIds = [...new Set(input.memberIds.filter((id) => id !== viewer.userId))];
  const members = await db().membership.findMany({
    where: { userId: { in: memberIds }, municipalityId: input.municipalityId, user: { disabledAt: null } },
    select: { userId: true, organisationId: true, user: { select: { email: true } } },
  });
  if (members.length !== memberIds.length) throw new DomainError("INVALID", "Någon av de inbjudna har inget konto i kommunen.", "memberIds");
  const own = viewer.memberships.find((x) => x.municipalityId === input.municipalityId)!;
  const meetings = input.cadence === "AD_HOC" ? [] : planMeetings({ cadence: input.cadence, weekday: input.weekday, time: input.time, minutes: 45 }, now, end);
  const description = [input.problem, input.places ? `Platser: ${input.places}` : ""].filter(Boolean).join("\n\n");
  const slug = `insats-${slugify(input.name).slice(0, 40)}-${now.getTime().toString(36)}`;

  const group = await db().$transaction(async (tx) => {
    const created = await tx.estGroup.create({
      data: {
        municipalityId: input.municipalityId, slug, name: input.name, kind: "INSATS", cadence: input.cadence,
        meetingWeekday: input.weekday, meetingTime: input.time, meetingMinutes: 45, description, status: "OPEN",
        openedAt: now, plannedEndDate: new Date(`${input.plannedEndDate}T00:00:00Z`),
        originGroupId: input.origin?.groupId ?? null, originWeek: input.origin?.week ?? null,
        evidence: input.origin ? { areaId: input.origin.areaId, categoryId: input.origin.categoryId, week: input.origin.week } : Prisma.skip,
      },
      select: { id: true },
    });
    await tx.groupArea.createMany({ data: areas.map((a) => ({ groupId: created.id, areaId: a.id })) });
    await tx.groupMember.createMany({
      data: [{ groupId: created.id, userId: viewer.userId, role: "COORDINATOR" as const }, ...members.map((x) => ({ groupId: created.id, userId: x.userId, role: "MEMBER" as const }))],
    });
    await tx.groupOrganisation.createMany({
      data: [...new Set([own.organisationId, ...members.map((x) => x.organisationId)])].map((organisationId) => ({ groupId: created.id, organisationId })),
    });
    await tx.meeting.createMany({ data: meetings.map((mt) => ({ ...mt, municipalityId: input.municipalityId, groupId: created.id })) });
    const link = `/groups/${created.id}`;
    const title = `Du är inbjuden till ${input.name}`;
    const body = `${viewer.name} har startat ${input.name} och bjudit in dig.\n\nProblembild:\n${input.problem}\n\nPlanerat slut: ${formatDate(new Date(`${input.plannedEndDate}T12:00:00Z`))}.${meetings[0] ? `\nFörsta mötet: ${formatDate(meetings[0].startsAt)} kl. ${input.time}.` : ""}\n\nÖppna insatsen: ${env().NEXTAUTH_URL ?? ""}${link}`;
    for (const x of members) {
      await tx.notification.create({ data: { userId: x.userId, municipalityId: input.municipalityId, title, body, link } });
      await tx.emailOutbox.create({ data: { dedupeKey: `insats:${created.id}:${x.userId}`, toAddress: x.user.email, subject: title, body } });
    }
    await tx.$executeRaw`SELECT pg_notify('est_outbox', ${created.id})`;
    return created;
  }, { timeout: 15_000 });
  await recordAudit({ userId: viewer.userId, municipalityId: input.municipalityId, action: "insats:open", entityType: "group", entityId: group.id });
  return { id: group.id, meetings: meetings.length };
}
