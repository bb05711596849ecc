import "server-only";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import type { TipStatus } from "@/lib/generated/prisma/enums";
import { getCoverageOfRanges } from "@/lib/coverage/queries";
import { localDayRange, monthKey, shiftPeriod } from "@/lib/time/periods";
import { isUuid } from "@/lib/validation/ids";
import { CATEGORY_OF_KIND, hashCode } from "./mutations";

/** Below this a count on a public page is shown as "fewer than 5". */
export const PUBLIC_MIN_COUNT = 5;

/** The triage queue's size, for the badge in the navigation. */
export async function countNewTips(viewer: Viewer, municipalityId: string): Promise<number | null> {
  if (!can(viewer, "tip:triage", { municipalityId })) return null;
  // Plain SQL like countUnread: the navigation asks on every page.
  const [row] = await queryRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM tip WHERE "municipalityId" = ${municipalityId}::uuid AND status = 'NEW'`);
  return row!.n;
}

export async function listTips(viewer: Viewer, municipalityId: string, status: TipStatus) {
  if (!can(viewer, "tip:triage", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte, eller så har du inte behörighet att se den.");
  const [tips, counts] = await Promise.all([
    db().tip.findMany({
      where: { municipalityId, status },
      select: { id: true, kind: true, place: true, description: true, createdAt: true, occurredAt: true, language: true, status: true, area: { select: { name: true } }, photoType: true, incidentId: true },
      orderBy: { createdAt: status === "NEW" ? "asc" : "desc" },
      take: 200,
    }),
    db().tip.groupBy({ by: ["status"], where: { municipalityId }, _count: { _all: true } }),
  ]);
  return { tips, counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<TipStatus, number>> };
}

/** One tip for triage: with the tipster's contact details (coordinators only), its history, and
 * incidents nearby in place and time it might be merged with. */
export async function getTip(viewer: Viewer, id: string) {
  const tip = isUuid(id)
    ? await db().tip.findUnique({
        where: { id },
        select: {
          id: true, municipalityId: true, kind: true, place: true, description: true, latitude: true, longitude: true, occurredAt: true, createdAt: true, language: true,
          status: true, closeReason: true, incidentId: true, photoType: true, areaId: true, area: { select: { id: true, name: true } },
          contact: { select: { name: true, email: true, phone: true } },
          events: { select: { id: true, status: true, note: true, at: true, userId: true }, orderBy: { at: "asc" } },
        },
      })
    : null;
  if (!tip || !can(viewer, "tip:triage", { municipalityId: tip.municipalityId })) {
    await recordAudit({ userId: viewer.userId, action: "tip:view", entityType: "tip", entityId: id.slice(0, 64), outcome: "DENIED" });
    throw new DomainError("NOT_FOUND", "Tipset finns inte, eller så har du inte behörighet att se det.");
  }
  await recordAudit({ userId: viewer.userId, municipalityId: tip.municipalityId, action: "tip:view", entityType: "tip", entityId: tip.id });
  const around = tip.occurredAt ?? tip.createdAt;
  const [areas, categories, candidates] = await Promise.all([
    db().area.findMany({ where: { municipalityId: tip.municipalityId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().incidentCategory.findMany({ where: { municipalityId: tip.municipalityId, parentId: null, active: true }, select: { id: true, label: true, code: true }, orderBy: { sortOrder: "asc" } }),
    db().incident.findMany({
      where: {
        municipalityId: tip.municipalityId, status: "ACTIVE", ...(tip.areaId ? { areaId: tip.areaId } : {}),
        occurredAt: { gte: new Date(around.getTime() - 7 * 86_400_000), lte: new Date(around.getTime() + 86_400_000) },
      },
      select: { id: true, place: true, occurredAt: true, category: { select: { label: true } }, area: { select: { name: true } } },
      orderBy: { occurredAt: "desc" },
      take: 30,
    }),
  ]);
  const names = await db().user.findMany({ where: { id: { in: tip.events.map((e) => e.userId).filter((x): x is string => !!x) } }, select: { id: true, name: true } });
  return {
    ...tip,
    events: tip.events.map((e) => ({ ...e, by: names.find((n) => n.id === e.userId)?.name ?? null })),
    areas,
    categories,
    suggestedCategoryId: categories.find((c) => c.code === CATEGORY_OF_KIND[tip.kind])?.id ?? "",
    candidates,
  };
}

/** The photo of a tip, for coordinators. */
export async function getTipPhoto(viewer: Viewer, id: string) {
  const tip = isUuid(id) ? await db().tip.findUnique({ where: { id }, select: { municipalityId: true, photo: true, photoType: true } }) : null;
  const audit = { userId: viewer.userId, action: "tip:photo", entityType: "tip", entityId: id.slice(0, 64) };
  if (!tip?.photo || !can(viewer, "tip:triage", { municipalityId: tip.municipalityId })) {
    await recordAudit({ ...audit, outcome: "DENIED" });
    return null;
  }
  await recordAudit({ ...audit, municipalityId: tip.municipalityId });
  return { bytes: tip.photo, type: tip.photoType ?? "image/jpeg" };
}

/** What the tipster may see with their code: the state, a closing reason, and what has been
 * published for the area. Nothing about who handled it, nor anything else. */
export async function getTipStatus(code: string) {
  const clean = code.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (clean.length !== 12) return null;
  const tip = await db().tip.findUnique({
    where: { trackingHash: hashCode(clean) },
    select: { status: true, closeReason: true, createdAt: true, areaId: true, area: { select: { code: true, name: true } }, municipality: { select: { slug: true, name: true } } },
  });
  if (!tip) return null;
  const done = tip.areaId && tip.status !== "CLOSED"
    ? await db().measure.findMany({ where: { areaId: tip.areaId, publishedAt: { not: null } }, select: { id: true, publicText: true, status: true }, orderBy: { publishedAt: "desc" }, take: 10 })
    : [];
  return { status: tip.status, closeReason: tip.status === "CLOSED" ? tip.closeReason : null, createdAt: tip.createdAt, area: tip.area, municipality: tip.municipality, done };
}

/** Public municipality facts for the tip form: areas to choose from. */
export async function getPublicMunicipality(slug: string) {
  return db().municipality.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, areas: { select: { id: true, code: true, name: true }, orderBy: { name: "asc" } } },
  });
}

/** Where the tip form's map opens: the middle of the municipality's reported places. */
export async function getMapCenter(municipalityId: string): Promise<[number, number]> {
  const middle = await db().incident.aggregate({ where: { municipalityId, latitude: { not: null } }, _avg: { latitude: true, longitude: true } });
  return [middle._avg.latitude ?? 59.33, middle._avg.longitude ?? 18.07];
}

/**
 * "Ni sa, vi gjorde" for one area: counts per category and month over the twelve months that
 * ended a month ago (delayed), from the rollup table; counts below five are not shown; plus
 * the actions a coordinator chose to publish.
 */
export async function getPublicAreaPage(slug: string, areaCode: string, now = new Date()) {
  const municipality = await getPublicMunicipality(slug);
  const area = municipality?.areas.find((a) => a.code === areaCode);
  if (!municipality || !area) return null;
  const last = shiftPeriod(monthKey(now), -2);
  const months = Array.from({ length: 12 }, (_, i) => shiftPeriod(last, i - 11));
  const [rows, categories, measures, coverage] = await Promise.all([
    db().incidentMonthCount.groupBy({
      by: ["month", "categoryId"],
      where: { municipalityId: municipality.id, areaId: area.id, month: { gte: new Date(`${months[0]}-01T00:00:00Z`), lte: new Date(`${last}-01T00:00:00Z`) } },
      // Events, not reports (ADR 018): five copies of one report are one event here too.
      _sum: { events: true },
    }),
    db().incidentCategory.findMany({ where: { municipalityId: municipality.id, parentId: null }, select: { id: true, label: true }, orderBy: { sortOrder: "asc" } }),
    db().measure.findMany({ where: { areaId: area.id, publishedAt: { not: null } }, select: { id: true, publicText: true, status: true, publishedAt: true }, orderBy: { publishedAt: "desc" }, take: 20 }),
    getCoverageOfRanges(municipality.id, months.map((m) => ({ key: m, from: localDayRange(m).from, until: localDayRange(m).to })), now),
  ]);
  // A month that was not fully reported (before reporting began, or with gaps) shows no count: a
  // resident would read its low number as a safer month (issue 25).
  const complete = months.map((m) => coverage[m]?.complete ?? false);
  const monthOf = (d: Date) => d.toISOString().slice(0, 7);
  const cell = (month: string, categoryId: string) => rows.find((r) => monthOf(r.month) === month && r.categoryId === categoryId)?._sum.events ?? 0;
  // Only categories with anything to show; each count below the threshold becomes null (shown as
  // "fewer than 5"), and each count of a month not fully reported "gap".
  const table = categories
    .map((c) => ({ category: c.label, counts: months.map((m) => cell(m, c.id)) }))
    .filter((r) => r.counts.some((n, i) => n > 0 && complete[i]))
    .map((r) => ({ category: r.category, counts: r.counts.map((n, i): number | null | "gap" => (!complete[i] ? "gap" : n === 0 ? 0 : n < PUBLIC_MIN_COUNT ? null : n)) }));
  return { municipality: { slug: municipality.slug, name: municipality.name }, area, otherAreas: municipality.areas.filter((a) => a.id !== area.id), months, complete, table, measures };
}
