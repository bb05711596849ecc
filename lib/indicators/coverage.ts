import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { shiftPeriod, tertialKey } from "@/lib/time/periods";

type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
const worse = (d: Direction, a: number, b: number) => (d === "HIGHER_IS_BETTER" ? a < b : a > b);

function assertVisible(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "tertial:view", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte, eller så har du inte behörighet att se den.");
}

/**
 * The coverage view for "Inga utsatta områden 2030": which nämnder have no measurable indicator,
 * which indicators lack a value for the last tertial, and which are off track (the latest value
 * for the whole municipality worse than the baseline).
 */
export async function getIndicatorCoverage(viewer: Viewer, municipalityId: string, now = new Date()) {
  assertVisible(viewer, municipalityId);
  const lastTertial = shiftPeriod(tertialKey(now), -1);
  const [missions, indicators] = await Promise.all([
    db().goal.findMany({ where: { municipalityId, kind: "MISSION" }, select: { title: true, participants: true } }),
    db().indicator.findMany({
      where: { municipalityId },
      select: {
        id: true, name: true, ownerBoard: true, unit: true, direction: true, baseline: true, baselineYear: true, target: true, milestones: true,
        values: { select: { periodKey: true, areaId: true, value: true } },
      },
      orderBy: [{ ownerBoard: "asc" }, { name: "asc" }],
    }),
  ]);
  const rows = indicators.map(({ values, ...i }) => {
    const whole = values.filter((v) => v.areaId === null).sort((a, b) => b.periodKey.localeCompare(a.periodKey));
    const latest = whole[0] ?? null;
    return {
      ...i,
      latest,
      valueCount: values.length,
      missingLastTertial: !values.some((v) => v.periodKey === lastTertial),
      offTrack: latest !== null && i.baseline !== null && worse(i.direction, latest.value, i.baseline),
    };
  });
  const measured = new Set(indicators.filter((i) => i.unit).map((i) => i.ownerBoard));
  const participants = [...new Set(missions.flatMap((m) => m.participants))].sort((a, b) => a.localeCompare(b, "sv"));
  return {
    mission: missions[0]?.title ?? null,
    lastTertial,
    boardsWithout: participants.filter((b) => !measured.has(b)),
    participants,
    indicators: rows,
    canEdit: can(viewer, "tertial:edit", { municipalityId }),
  };
}

/** One indicator with its values per period and area, for reading and recording values. */
export async function getIndicator(viewer: Viewer, municipalityId: string, id: string) {
  assertVisible(viewer, municipalityId);
  const indicator = isUuid(id)
    ? await db().indicator.findFirst({
        where: { id, municipalityId },
        select: {
          id: true, name: true, ownerBoard: true, unit: true, direction: true, definition: true, baseline: true, baselineYear: true, target: true, milestones: true,
          values: { select: { id: true, periodKey: true, value: true, note: true, recordedAt: true, area: { select: { id: true, name: true } } }, orderBy: [{ periodKey: "desc" }] },
        },
      })
    : null;
  if (!indicator) throw new DomainError("NOT_FOUND", "Indikatorn finns inte.");
  const areas = await db().area.findMany({ where: { municipalityId }, select: { id: true, name: true, isFocus: true }, orderBy: [{ isFocus: "desc" }, { name: "asc" }] });
  return { ...indicator, areas, canRecord: can(viewer, "tertial:edit", { municipalityId }) };
}
