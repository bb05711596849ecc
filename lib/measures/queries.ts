import "server-only";
import { db, queryRows } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MeasureStatus } from "@/lib/generated/prisma/enums";
import { toLocalInputs } from "@/lib/time/format";

type OpenMeasureRow = {
  id: string; title: string; status: MeasureStatus; dueDate: string | null; responsibleName: string | null; place: string | null;
  area: { name: string } | null; ownerOrg: { name: string }; lagesbild: { periodKey: string } | null;
  followUpDate: string | null; followUpText: string | null;
};

/** A DATE column as the ORM gives it: midnight UTC of that day. */
const dateOnly = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Open actions (planned or ongoing) in the given areas or decided by the group, soonest due first,
 * each with its latest follow-up. Callers check access to the group first.
 * One statement on the pool (ADR 006): the lägesbild and the Insats meeting picture show this list
 * on every view, and through the ORM its four relations were five queries and ~8 ms of server CPU.
 */
export async function listOpenMeasures(municipalityId: string, groupId: string, areaIds: string[], now = new Date()) {
  const rows = await queryRows<OpenMeasureRow>(Prisma.sql`
    SELECT m.id, m.title, m.status::text AS status, m."dueDate"::text AS "dueDate", m."responsibleName", m.place,
           CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('name', a.name) END AS area,
           json_build_object('name', o.name) AS "ownerOrg",
           CASE WHEN l.id IS NULL THEN NULL ELSE json_build_object('periodKey', l."periodKey") END AS lagesbild,
           f.date::text AS "followUpDate", f.text AS "followUpText"
    FROM measure m
    JOIN organisation o ON o.id = m."ownerOrgId"
    LEFT JOIN area a ON a.id = m."areaId"
    LEFT JOIN lagesbild l ON l.id = m."lagesbildId"
    LEFT JOIN LATERAL (SELECT date, text FROM measure_follow_up WHERE "measureId" = m.id ORDER BY date DESC, "createdAt" DESC LIMIT 1) f ON true
    WHERE m."municipalityId" = ${municipalityId}::uuid AND m.status IN ('PLANNED', 'ONGOING')
      AND (m."areaId" = ANY(${areaIds}::uuid[]) OR m."groupId" = ${groupId}::uuid)
    ORDER BY m."dueDate" ASC NULLS LAST, m."createdAt" ASC, m.id
    LIMIT 100`);
  const today = toLocalInputs(now).date;
  return rows.map(({ followUpDate, followUpText, dueDate, ...m }) => ({
    ...m,
    dueDate: dueDate === null ? null : dateOnly(dueDate),
    overdue: dueDate !== null && dueDate < today,
    latestFollowUp: followUpDate === null ? null : { date: dateOnly(followUpDate), text: followUpText ?? "" },
  }));
}

/**
 * What the lägesbild's "last week's decisions" needs to change an open action's status in one
 * press: its version, whether it already has an effect verdict, and whether the viewer may.
 */
export async function measureStatusControls(viewer: Viewer, municipalityId: string, ids: string[]) {
  const rows = ids.length === 0 ? [] : await db().measure.findMany({
    where: { id: { in: ids }, municipalityId },
    select: { id: true, version: true, effectVerdict: true, ownerOrgId: true, groupId: true, createdAt: true },
  });
  return new Map(rows.map((r) => [r.id, {
    version: r.version,
    hasVerdict: r.effectVerdict !== null,
    createdAt: r.createdAt,
    canUpdate: can(viewer, "measure:update", { municipalityId, groupId: r.groupId ?? undefined, organisationId: r.ownerOrgId }),
  }]));
}

/** Decisions added to a published week's lägesbild after it was published: an addendum beside
 * the frozen document, which they never change. */
export async function addendumMeasures(lagesbildId: string, municipalityId: string, publishedAt: Date) {
  return db().measure.findMany({
    where: { lagesbildId, municipalityId, createdAt: { gt: publishedAt } },
    select: { id: true, title: true, dueDate: true, createdAt: true, ownerOrg: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
}
