import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, canCreateSomeMeasure, measureScope } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { toLocalInputs } from "@/lib/time/format";
import { fromStockholmWall, stockholmDay } from "@/lib/time/zone";
import { getCoverageOfRanges } from "@/lib/coverage/queries";
import { COMPLETE_SHARE } from "@/lib/figures/rules";
import type { Locale } from "@/lib/i18n/locales";
import { samePlace } from "@/lib/incidents/events";
import { isUuid } from "@/lib/validation/ids";
import { assessEffect, type BeforeAfter, type EffectTexts } from "./effect";
import { CATALOGUE } from "@/lib/i18n/catalogue";
import { fill } from "@/lib/i18n/fill";
import { sv } from "@/lib/i18n/messages/sv";
import type { TMeasureFilter } from "./schema";

const DAY = 86_400_000;

/** The action register: what the viewer may see, filtered, soonest due first. */
export async function listMeasures(viewer: Viewer, municipalityId: string, f: TMeasureFilter, now = new Date()) {
  const member = viewer.memberships.find((m) => m.municipalityId === municipalityId);
  if (!member) throw new DomainError("NOT_FOUND", "Sidan finns inte.");
  const today = new Date(`${toLocalInputs(now).date}T00:00:00Z`);
  const where: Prisma.MeasureWhereInput = {
    AND: [
      measureScope(viewer),
      { municipalityId },
      f.view === "mine" ? { ownerOrgId: member.organisationId } : {},
      f.view === "overdue" ? { status: { in: ["PLANNED", "ONGOING"] }, dueDate: { lt: today } } : {},
      f.status === "OPEN" ? { status: { in: ["PLANNED", "ONGOING"] } } : f.status ? { status: f.status } : {},
      f.groupId ? { groupId: f.groupId } : {},
      f.areaId ? { areaId: f.areaId } : {},
    ],
  };
  const [rows, areas, groups] = await Promise.all([
    db().measure.findMany({
      where,
      select: {
        id: true, title: true, status: true, dueDate: true, startDate: true, responsibleName: true, effectVerdict: true, origin: true,
        area: { select: { name: true } }, ownerOrg: { select: { name: true } }, group: { select: { name: true } },
        followUps: { select: { date: true, text: true }, orderBy: { date: "desc" }, take: 1 },
      },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: 500,
    }),
    db().area.findMany({ where: { municipalityId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().estGroup.findMany({ where: { municipalityId, measures: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    areas,
    groups,
    canCreate: canCreateSomeMeasure(viewer, municipalityId),
    measures: rows.map(({ followUps, ...m }) => ({
      ...m,
      overdue: (m.status === "PLANNED" || m.status === "ONGOING") && m.dueDate !== null && m.dueDate < today,
      latestFollowUp: followUps[0] ?? null,
    })),
  };
}

/** One action with its origin, evidence, follow-ups and effect evaluation; 404 outside scope. */
export async function getMeasure(viewer: Viewer, id: string, weeks = 8, now = new Date()) {
  const m = isUuid(id)
    ? await db().measure.findUnique({
        where: { id },
        select: {
          id: true, municipalityId: true, title: true, description: true, status: true, cancelReason: true, kind: true, isJoint: true, place: true,
          startDate: true, dueDate: true, createdAt: true, responsibleName: true, effectVerdict: true, effectJudgement: true, version: true, origin: true,
          groupId: true, ownerOrgId: true, areaId: true, publicText: true, publishedAt: true,
          area: { select: { name: true } }, ownerOrg: { select: { name: true } }, group: { select: { id: true, name: true, kind: true } },
          lagesbild: { select: { periodKey: true } },
          meeting: { select: { id: true, startsAt: true } },
          decision: { select: { text: true } },
          evidence: { select: { incident: { select: { id: true, occurredAt: true, place: true, category: { select: { label: true } } } } }, take: 50 },
          followUps: { select: { id: true, date: true, text: true, author: { select: { name: true } } }, orderBy: { date: "desc" } },
          evaluation: { select: { categoryIds: true, controlAreaIds: true, beforeFirst: true, beforeLast: true, afterFirst: true, afterLast: true, recordedAt: true } },
        },
      })
    : null;
  const target = m ? { municipalityId: m.municipalityId, groupId: m.groupId ?? undefined, organisationId: m.ownerOrgId } : null;
  if (!m || !target || !can(viewer, "measure:view", target)) {
    await recordAudit({ userId: viewer.userId, action: "measure:view", entityType: "measure", entityId: id.slice(0, 64), outcome: "DENIED" });
    throw new DomainError("NOT_FOUND", "Åtgärden finns inte, eller så har du inte behörighet att se den.");
  }
  await recordAudit({ userId: viewer.userId, municipalityId: m.municipalityId, action: "measure:view", entityType: "measure", entityId: m.id });
  const open = m.status === "PLANNED" || m.status === "ONGOING";
  const [effect, evaluationForm] = await Promise.all([
    getMeasureEffect(m, weeks, now, CATALOGUE[viewer.locale].effect, viewer.locale),
    can(viewer, "measure:judge", target) ? evaluationFormFor(m, now) : null,
  ]);
  return {
    ...m,
    effect,
    evaluationForm,
    may: {
      followUp: open && can(viewer, "measure:follow-up", target),
      update: can(viewer, "measure:update", target),
      judge: can(viewer, "measure:judge", target),
      publish: can(viewer, "measure:publish", target),
    },
  };
}

/**
 * What the evaluation plan's form offers and starts from: eight weeks on each side of the start
 * until a plan is saved; nothing once the plan is locked (its after window has begun) or when the
 * action has no kommundel to evaluate.
 */
async function evaluationFormFor(
  m: { municipalityId: string; areaId: string | null; startDate: Date | null; createdAt: Date; evaluation: Plan | null },
  now: Date,
) {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  if (!m.areaId || (m.evaluation && iso(m.evaluation.afterFirst) <= stockholmDay(now))) return null;
  const [categories, areas] = await Promise.all([
    db().incidentCategory.findMany({ where: { municipalityId: m.municipalityId, parentId: null }, select: { id: true, label: true }, orderBy: { sortOrder: "asc" } }),
    db().area.findMany({ where: { municipalityId: m.municipalityId, id: { not: m.areaId } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const start = m.startDate ? iso(m.startDate) : stockholmDay(m.createdAt);
  const shift = (day: string, days: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY));
  const e = m.evaluation;
  return {
    categories,
    areas,
    initial: e
      ? {
          categoryIds: e.categoryIds, control: e.controlAreaIds.length ? ("AREAS" as const) : ("MUNICIPALITY" as const), controlAreaIds: e.controlAreaIds,
          beforeFirst: iso(e.beforeFirst), beforeLast: iso(e.beforeLast), afterFirst: iso(e.afterFirst), afterLast: iso(e.afterLast),
        }
      : { categoryIds: [], control: "MUNICIPALITY" as const, controlAreaIds: [], beforeFirst: shift(start, -56), beforeLast: shift(start, -1), afterFirst: start, afterLast: shift(start, 55) },
  };
}

type Plan = { categoryIds: string[]; controlAreaIds: string[]; beforeFirst: Date; beforeLast: Date; afterFirst: Date; afterLast: Date; recordedAt: Date };
type Window = { gte: Date; lt: Date };

/** A plan's Stockholm days as instants: [first day 00:00, the day after the last 00:00). */
function planWindow(first: Date, last: Date): Window {
  const wall = (d: Date, plus = 0) => {
    const [y, mo, dd] = d.toISOString().slice(0, 10).split("-").map(Number) as [number, number, number];
    return fromStockholmWall(y, mo, dd + plus);
  };
  return { gte: wall(first), lt: wall(last, 1) };
}

/**
 * Events where the action was done (its place, else its area) before and after it started,
 * against a comparison, and its surroundings: the rest of the area for a place, the two areas
 * whose incidents lie nearest for an area. With an evaluation plan (recorded when the action was
 * decided) the plan's categories, comparison and windows are used; while its after window runs,
 * both windows are counted over the same number of days from their start (ADR 017). Without one:
 * all categories, the rest of the municipality, `weeks` on each side of the start.
 */
export async function getMeasureEffect(
  m: { municipalityId: string; areaId: string | null; place: string | null; startDate: Date | null; createdAt: Date; area: { name: string } | null; evaluation?: Plan | null },
  weeks: number,
  now: Date,
  t: EffectTexts = sv.effect,
  locale: Locale = "sv",
) {
  if (!m.areaId || !m.area) return null;
  const plan = m.evaluation ?? null;
  const planned = plan ? { before: planWindow(plan.beforeFirst, plan.beforeLast), after: planWindow(plan.afterFirst, plan.afterLast) } : null;
  const day = m.startDate ? toLocalInputs(new Date(m.startDate.getTime() + 12 * 3_600_000)).date : toLocalInputs(m.createdAt).date;
  const [y, mo, d] = day.split("-").map(Number) as [number, number, number];
  const start = planned ? planned.after.gte : fromStockholmWall(y, mo, d);
  if (start >= now) return { notStarted: true as const, plan: plan ? { afterFirst: stockholmDay(start) } : null };
  // Equal windows: the after window is cut at today, and the before window to the same length.
  const full = planned ? planned.after.lt.getTime() - planned.after.gte.getTime() : weeks * 7 * DAY;
  const length = Math.min(full, now.getTime() - start.getTime());
  const beforeStart = planned ? planned.before.gte : new Date(start.getTime() - length);
  const before = { gte: beforeStart, lt: new Date(beforeStart.getTime() + length) };
  const after = { gte: start, lt: new Date(start.getTime() + length) };
  // Events, not reports (ADR 018), of the plan's categories.
  const base: Prisma.IncidentWhereInput = { municipalityId: m.municipalityId, status: "ACTIVE", eventStart: true, ...(plan ? { categoryId: { in: plan.categoryIds } } : {}) };
  // The year before the before window tells what is usual there (regression to the mean).
  const yearBefore = { gte: new Date(before.gte.getTime() - 365 * DAY), lt: before.gte };
  // A place is matched as people write it: "Rotebro station, cykelgaraget" is at Rotebro station,
  // "ÅBRINKEN" at Åbrinken. Compared here, not by ILIKE: the database's locale may not know å, ä, ö.
  const atPlace: Prisma.StringFilter | null = m.place ? { in: await placesStartingWith(m.municipalityId, m.areaId, m.place, { gte: yearBefore.gte, lt: after.lt }) } : null;
  const targetWhere: Prisma.IncidentWhereInput = atPlace ? { areaId: m.areaId, place: atPlace } : { areaId: m.areaId };
  const nearest = m.place ? null : await nearestAreas(m.municipalityId, m.areaId, start);
  const neighboursWhere: Prisma.IncidentWhereInput | null = atPlace ? { areaId: m.areaId, NOT: { place: atPlace } } : nearest?.length ? { areaId: { in: nearest.map((a) => a.id) } } : null;
  const controlWhere: Prisma.IncidentWhereInput = plan?.controlAreaIds.length ? { areaId: { in: plan.controlAreaIds } } : { areaId: { not: m.areaId } };
  const pair = async (where: Prisma.IncidentWhereInput): Promise<BeforeAfter> => {
    const [b, a] = await Promise.all([
      db().incident.count({ where: { ...base, ...where, occurredAt: before } }),
      db().incident.count({ where: { ...base, ...where, occurredAt: after } }),
    ]);
    return { before: b, after: a };
  };
  // The municipality's reporting coverage in each window tells whether the reporting itself changed.
  const windowDays = (w: { gte: Date; lt: Date }) => ({ from: stockholmDay(w.gte), until: stockholmDay(w.lt) });
  const [target, comparison, neighbours, lastYear, coverage, names] = await Promise.all([
    pair(targetWhere),
    pair(controlWhere),
    neighboursWhere ? pair(neighboursWhere) : null,
    db().incident.count({ where: { ...base, ...targetWhere, occurredAt: yearBefore } }),
    getCoverageOfRanges(m.municipalityId, [{ key: "before", ...windowDays(before) }, { key: "after", ...windowDays(after) }, { key: "year", ...windowDays(yearBefore) }], now),
    plan ? planNames(m.municipalityId, plan) : null,
  ]);
  const neighboursLabel = m.place ? fill(t.restOfArea, { area: m.area.name }) : nearest?.length ? nearest.map((a) => a.name).join(` ${t.and} `) : null;
  const control = names?.areas.length ? names.areas.join(` ${t.and} `) : t.restOfMunicipality;
  const days = Math.round(length / DAY);
  const lastDay = (w: Window) => stockholmDay(w.lt.getTime() - DAY / 2);
  return {
    notStarted: false as const,
    weeks,
    days,
    partial: length < full,
    start: start.toISOString(),
    targetLabel: m.place ?? m.area.name,
    neighboursLabel,
    // The plan as it is read: its categories, windows and comparison, and whether it came late.
    plan: plan && planned && names
      ? {
          sentence: fill(t.planned, {
            recorded: stockholmDay(plan.recordedAt),
            categories: names.categories.join(", "),
            before: `${stockholmDay(planned.before.gte)}–${lastDay(planned.before)}`,
            after: `${stockholmDay(planned.after.gte)}–${lastDay(planned.after)}`,
            control,
          }),
          late: plan.recordedAt > planned.after.gte,
        }
      : null,
    ...assessEffect({ target, comparison, neighbours }, { target: m.place ?? m.area.name, neighbours: neighboursLabel, days, control }, t, {
      // Only a year that was reported in full says what is usual.
      usualBefore: (coverage.year?.share ?? 0) >= COMPLETE_SHARE ? (lastYear * length) / (365 * DAY) : null,
      coverage: { before: coverage.before?.share ?? null, after: coverage.after?.share ?? null },
    }, locale),
  };
}

/** The names of a plan's categories and comparison areas, in the municipality. */
async function planNames(municipalityId: string, plan: Plan) {
  const [categories, areas] = await Promise.all([
    db().incidentCategory.findMany({ where: { id: { in: plan.categoryIds }, municipalityId }, select: { label: true }, orderBy: { sortOrder: "asc" } }),
    plan.controlAreaIds.length ? db().area.findMany({ where: { id: { in: plan.controlAreaIds }, municipalityId }, select: { name: true }, orderBy: { name: "asc" } }) : [],
  ]);
  return { categories: categories.map((c) => c.label), areas: areas.map((a) => a.name) };
}

/** The spellings of a place reported in an area over a time: those that begin with it. */
async function placesStartingWith(municipalityId: string, areaId: string, place: string, during: { gte: Date; lt: Date }) {
  const rows = await db().$queryRaw<{ place: string }[]>`
    SELECT DISTINCT "place" FROM "incident"
    WHERE "municipalityId" = ${municipalityId}::uuid AND "areaId" = ${areaId}::uuid AND "occurredAt" >= ${during.gte} AND "occurredAt" < ${during.lt}`;
  const wanted = samePlace(place);
  return rows.map((r) => r.place).filter((p) => samePlace(p).startsWith(wanted));
}

/** The two areas whose incidents (with coordinates, the year before) lie nearest this area's. */
async function nearestAreas(municipalityId: string, areaId: string, start: Date) {
  const centres = await db().$queryRaw<{ id: string; name: string; lat: number; lng: number }[]>`
    SELECT a."id", a."name", avg(i."latitude")::float8 AS "lat", avg(i."longitude")::float8 AS "lng"
    FROM "incident" i JOIN "area" a ON a."id" = i."areaId"
    WHERE i."municipalityId" = ${municipalityId}::uuid AND i."latitude" IS NOT NULL AND i."occurredAt" >= ${new Date(start.getTime() - 365 * DAY)} AND i."occurredAt" < ${start}
    GROUP BY a."id", a."name"`;
  const own = centres.find((c) => c.id === areaId);
  if (!own) return [];
  const dist = (c: { lat: number; lng: number }) => Math.hypot(c.lat - own.lat, (c.lng - own.lng) * Math.cos((own.lat * Math.PI) / 180));
  return centres.filter((c) => c.id !== areaId).sort((a, b) => dist(a) - dist(b)).slice(0, 2).map(({ id, name }) => ({ id, name }));
}

/** What the "new action" form offers; null when the viewer may not create actions at all. */
export async function getMeasureFormOptions(viewer: Viewer, municipalityId: string) {
  const groups = (await db().estGroup.findMany({ where: { municipalityId, status: "OPEN" }, select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } }))
    .filter((g) => can(viewer, "measure:create", { municipalityId, groupId: g.id, groupKind: g.kind }));
  const free = can(viewer, "measure:create", { municipalityId });
  if (!free && groups.length === 0) return null;
  const [areas, organisations, goals] = await Promise.all([
    db().area.findMany({ where: { municipalityId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().organisation.findMany({ where: { municipalityId, active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().goal.findMany({ where: { municipalityId, kind: "AREA" }, select: { id: true, title: true, area: { select: { name: true } } }, orderBy: { title: "asc" } }),
  ]);
  return { areas, organisations, goals: goals.map((g) => ({ id: g.id, label: `${g.title}${g.area ? ` (${g.area.name})` : ""}` })), groups: groups.map(({ id, name }) => ({ id, name })), groupRequired: !free };
}
