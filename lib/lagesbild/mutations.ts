import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isPeriodKey } from "@/lib/time/periods";
import { queueLagesbildDigests } from "@/lib/feedback/digest";
import { getLagesbildDraft } from "./queries";
import { toLagesbildSnapshot } from "./snapshot";
import type { ZLagesbildJudgement, ZLagesbildPublish } from "./schema";

export class LagesbildConflict extends DomainError {
  constructor(readonly current: { version: number; assessment: string; outlook: string; resourceNotes: string; focusNotes: string }) {
    super("CONFLICT", "Någon annan har sparat lägesbilden under tiden. Jämför din text med den sparade och spara igen.");
  }
}

async function loadForEdit(viewer: Viewer, groupId: string, week: string) {
  // An Insats's lägesbilder are per meeting, keyed by the meeting's date.
  const isWeek = isPeriodKey(week, "week");
  if (!isWeek && !/^\d{4}-\d{2}-\d{2}$/.test(week)) throw new DomainError("NOT_FOUND", "Veckan finns inte.");
  const group = await db().estGroup.findUnique({ where: { id: groupId }, select: { id: true, municipalityId: true, kind: true, status: true, areas: { select: { areaId: true } } } });
  if (!group || (!isWeek && group.kind !== "INSATS") || !can(viewer, "lagesbild:edit", { municipalityId: group.municipalityId, groupId, groupKind: group.kind })) {
    throw new DomainError("NOT_FOUND", "Lägesbilden finns inte, eller så får du inte ändra den.");
  }
  // A closed Insats is history: its meeting lägesbilder are read-only, as its page shows them.
  if (group.kind === "INSATS" && group.status === "CLOSED") throw new DomainError("CONFLICT", "Insatsen är avslutad; dess lägesbilder kan inte ändras.");
  const existing = await db().lagesbild.findUnique({
    where: { groupId_periodKey: { groupId, periodKey: week } },
    select: { id: true, version: true, status: true, assessment: true, outlook: true, resourceNotes: true, focusNotes: true },
  });
  if (existing?.status === "PUBLISHED") throw new DomainError("CONFLICT", "Lägesbilden är publicerad och kan inte ändras.");
  return { group, existing };
}

const current = (row: { version: number; assessment: string | null; outlook: string | null; resourceNotes: string | null; focusNotes: string | null }) => ({
  version: row.version, assessment: row.assessment ?? "", outlook: row.outlook ?? "", resourceNotes: row.resourceNotes ?? "", focusNotes: row.focusNotes ?? "",
});

/** Saves the draft's judgement; a save based on an older version is refused with both texts. */
export async function saveJudgement(viewer: Viewer, input: z.output<typeof ZLagesbildJudgement>) {
  const { group, existing } = await loadForEdit(viewer, input.groupId, input.week);
  const areaIds = new Set(group.areas.map((a) => a.areaId));
  // A judgement names only the group's own areas: any other id is refused, not dropped (issue 26).
  if (input.areaStatuses.some((s) => !areaIds.has(s.areaId))) throw new DomainError("INVALID", "Välj en av gruppens kommundelar.", "areaStatuses");
  const statuses = input.areaStatuses.filter((s) => s.level !== "");
  const fields = { assessment: input.assessment, outlook: input.outlook, resourceNotes: input.resourceNotes, focusNotes: input.focusNotes };
  try {
    const saved = await db().$transaction(async (tx) => {
      let id: string;
      let version: number;
      if (!existing) {
        if (input.version !== 0) throw new DomainError("CONFLICT", "Lägesbilden finns inte längre. Ladda om sidan.");
        const row = await tx.lagesbild.create({ data: { ...fields, municipalityId: group.municipalityId, groupId: group.id, periodKey: input.week }, select: { id: true, version: true } });
        ({ id, version } = row);
      } else {
        // A row with nothing saved yet (created when a decision became an action) has nothing
        // to lose: a first save based on "no row" may take it over without a conflict.
        const empty = !existing.assessment && !existing.outlook && !existing.resourceNotes && !existing.focusNotes &&
          (await tx.lagesbildAreaStatus.count({ where: { lagesbildId: existing.id } })) === 0;
        const base = input.version === 0 && empty ? existing.version : input.version;
        const { count } = await tx.lagesbild.updateMany({ where: { id: existing.id, version: base, status: "DRAFT" }, data: { ...fields, version: { increment: 1 } } });
        if (count === 0) throw new LagesbildConflict(current(existing));
        id = existing.id;
        version = base + 1;
      }
      await tx.lagesbildAreaStatus.deleteMany({ where: { lagesbildId: id } });
      await tx.lagesbildAreaStatus.createMany({ data: statuses.map((s) => ({ lagesbildId: id, areaId: s.areaId, level: s.level as "GREEN", reason: s.reason })) });
      return { id, version };
    }, { timeout: 10_000 });
    return saved;
  } catch (error) {
    // Two coordinators created the week's draft at the same moment: the other one won.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const row = await db().lagesbild.findUniqueOrThrow({ where: { groupId_periodKey: { groupId: input.groupId, periodKey: input.week } } });
      throw new LagesbildConflict(current(row));
    }
    throw error;
  }
}

/**
 * Publishes the week: freezes every number and listed incident into a snapshot, so later edits
 * and late reports never change it. Asks for confirmation when something is missing.
 */
export async function publishLagesbild(viewer: Viewer, input: z.output<typeof ZLagesbildPublish>) {
  const { group, existing } = await loadForEdit(viewer, input.groupId, input.week);
  if (!existing) throw new DomainError("CONFLICT", "Spara bedömningen innan du publicerar.");
  if (existing.version !== input.version) throw new LagesbildConflict(current(existing));
  const draft = await getLagesbildDraft(viewer, input.groupId, input.week);
  const statuses = await db().lagesbildAreaStatus.findMany({ where: { lagesbildId: existing.id }, select: { areaId: true } });
  const missing = [
    ...(existing.assessment?.trim() ? [] : ["bedömning saknas"]),
    ...draft.areas.filter((a) => !statuses.some((s) => s.areaId === a.id)).map((a) => `status saknas för ${a.name}`),
    ...(draft.completeness ?? []).filter((c) => c.state === "SILENT").map((c) => `${c.name} har inte rapporterat`),
  ];
  if (missing.length > 0 && !input.confirmIncomplete) return { published: false as const, missing };
  const incidentIds = await db().incident.findMany({
    where: { municipalityId: group.municipalityId, areaId: { in: draft.areas.map((a) => a.id) }, isoWeek: input.week, status: "ACTIVE" },
    select: { id: true },
  });
  const snapshot = toLagesbildSnapshot(draft, { incidentIds: incidentIds.map((i) => i.id), frozenAt: new Date().toISOString() });
  // Publishing and the feedback it triggers happen together or not at all.
  await db().$transaction(async (tx) => {
    const { count } = await tx.lagesbild.updateMany({
      where: { id: existing.id, version: input.version, status: "DRAFT" },
      data: { status: "PUBLISHED", publishedAt: new Date(), publishedById: viewer.userId, snapshot: snapshot as Prisma.InputJsonValue, version: { increment: 1 } },
    });
    if (count === 0) throw new LagesbildConflict(current(existing));
    await queueLagesbildDigests(tx, existing.id);
  }, { timeout: 30_000 });
  await recordAudit({ userId: viewer.userId, municipalityId: group.municipalityId, action: "lagesbild:publish", entityType: "lagesbild", entityId: existing.id });
  return { published: true as const, missing };
}
