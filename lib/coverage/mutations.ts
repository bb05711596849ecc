import "server-only";
import type { z } from "zod";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { fill } from "@/lib/i18n/fill";
import { addDays } from "./rule";
import type { ZReportingDays, ZReportingPause } from "./schema";

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The organisation, found only in the municipality the viewer acts in and may manage. */
async function organisationIn(viewer: Viewer, municipalityId: string, organisationId: string) {
  if (!can(viewer, "reporting:manage", { municipalityId })) throw new DomainError("FORBIDDEN", "Bara samordnare kan ändra vem som förväntas rapportera.");
  const org = await db().organisation.findFirst({ where: { id: organisationId, municipalityId }, select: { id: true, name: true } });
  if (!org) throw new DomainError("NOT_FOUND", "Organisationen finns inte i kommunen.", "organisationId");
  return org;
}

/** The Stockholm days of the organisation's first and last reports in [from, until), if any. */
async function reportsBetween(organisationId: string, municipalityId: string, from?: string, until?: string) {
  const [row] = await queryRows<{ first: string | null; last: string | null; n: number }>(Prisma.sql`
    SELECT to_char(min("occurredAt" AT TIME ZONE 'Europe/Stockholm'), 'YYYY-MM-DD') AS first,
           to_char(max("occurredAt" AT TIME ZONE 'Europe/Stockholm'), 'YYYY-MM-DD') AS last, count(*)::int AS n
    FROM incident WHERE "reporterOrgId" = ${organisationId}::uuid AND "municipalityId" = ${municipalityId}::uuid AND status = 'ACTIVE'
      ${from ? Prisma.sql`AND "occurredAt" >= (${from}::date::timestamp AT TIME ZONE 'Europe/Stockholm')` : Prisma.empty}
      ${until ? Prisma.sql`AND "occurredAt" < (${until}::date::timestamp AT TIME ZONE 'Europe/Stockholm')` : Prisma.empty}`);
  return row!;
}

/** Sets when an organisation is expected to report. A start after its first report would hide
 * reports from the coverage it decides, so it is refused with both dates. */
export async function setReportingDays(viewer: Viewer, municipalityId: string, input: z.output<typeof ZReportingDays>) {
  const org = await organisationIn(viewer, municipalityId, input.organisationId);
  if (input.start) {
    const { first } = await reportsBetween(org.id, municipalityId);
    if (first && first < input.start) {
      throw new DomainError("INVALID", fill("Starten ({start}) ligger efter organisationens första rapport ({first}). Välj den dagen eller tidigare.", { start: input.start, first }), "start");
    }
  }
  if (input.lastDay) {
    const { last } = await reportsBetween(org.id, municipalityId, addDays(input.lastDay, 1));
    if (last) throw new DomainError("INVALID", fill("Organisationen har rapporterat efter {day} (senast {last}).", { day: input.lastDay, last }), "lastDay");
  }
  await db().organisation.update({
    where: { id: org.id },
    data: { reportingStart: input.start ? asDate(input.start) : null, reportingEnd: input.lastDay ? asDate(addDays(input.lastDay, 1)) : null },
  });
  await recordAudit({ userId: viewer.userId, municipalityId, action: "reporting:days", entityType: "organisation", entityId: org.id, details: { start: input.start || null, lastDay: input.lastDay || null } });
}

/** Adds a pause. One over days the organisation reported in, or over another pause, is refused
 * with the dates: it would make reports vanish from the coverage, or count days twice. */
export async function addReportingPause(viewer: Viewer, municipalityId: string, input: z.output<typeof ZReportingPause>) {
  const org = await organisationIn(viewer, municipalityId, input.organisationId);
  const until = addDays(input.to, 1);
  const reports = await reportsBetween(org.id, municipalityId, input.from, until);
  if (reports.n > 0) {
    throw new DomainError("INVALID", fill("Organisationen har rapporterat under pausen (antal: {count}, {days}).", {
      count: reports.n,
      days: reports.first === reports.last ? reports.first! : `${reports.first}–${reports.last}`,
    }), "from");
  }
  const overlap = await db().reportingPause.findFirst({
    where: { organisationId: org.id, municipalityId, from: { lt: asDate(until) }, until: { gt: asDate(input.from) } },
    select: { from: true, until: true },
  });
  if (overlap) throw new DomainError("INVALID", fill("Pausen överlappar en annan paus ({days}).", { days: `${dayOf(overlap.from)}–${addDays(dayOf(overlap.until), -1)}` }), "from");
  const pause = await db().reportingPause.create({
    data: { municipalityId, organisationId: org.id, from: asDate(input.from), until: asDate(until), reason: input.reason, createdById: viewer.userId },
    select: { id: true },
  });
  await recordAudit({ userId: viewer.userId, municipalityId, action: "reporting:pause", entityType: "organisation", entityId: org.id, details: { from: input.from, to: input.to } });
  return pause;
}

export async function removeReportingPause(viewer: Viewer, municipalityId: string, pauseId: string) {
  if (!can(viewer, "reporting:manage", { municipalityId })) throw new DomainError("FORBIDDEN", "Bara samordnare kan ändra vem som förväntas rapportera.");
  const removed = await db().reportingPause.deleteMany({ where: { id: pauseId, municipalityId } });
  if (removed.count === 0) throw new DomainError("NOT_FOUND", "Pausen finns inte.");
  await recordAudit({ userId: viewer.userId, municipalityId, action: "reporting:pause-removed", entityType: "reporting_pause", entityId: pauseId });
}
