import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { computeAnalysis } from "@/lib/analysis/load";
import { verdictLabel } from "@/lib/measures/labels";
import { periodRange } from "@/lib/time/periods";
import { policeEventsForPeriod } from "@/lib/sources/police-events";
import { contextForPeriod, type ContextFigure } from "@/lib/context/for-period";

const dayKey = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The generated parts of the law's document for a period: the kartläggning (the incident
 * analysis and the police classification of areas) and the åtgärdsplan (every action that was
 * live in the period, with its evidence and follow-ups).
 */
export async function buildLawContent(municipalityId: string, period: string, client: Prisma.TransactionClient = db()) {
  const { start, end } = periodRange(period);
  const [analysis, classifications, measures, policeEvents, context] = await Promise.all([
    computeAnalysis(municipalityId, period, undefined, client),
    client.areaClassification.findMany({
      where: { area: { municipalityId }, validFrom: { lt: end }, OR: [{ validTo: null }, { validTo: { gte: start } }], classification: { not: "NONE" } },
      select: { classification: true, validFrom: true, source: true, area: { select: { name: true } } },
      orderBy: [{ area: { name: "asc" } }, { validFrom: "desc" }],
    }),
    client.measure.findMany({
      where: {
        municipalityId,
        AND: [
          { OR: [{ startDate: null, createdAt: { lt: end } }, { startDate: { lt: end } }] },
          { OR: [{ status: { in: ["PLANNED", "ONGOING"] } }, { updatedAt: { gte: start } }] },
        ],
      },
      select: {
        id: true, title: true, description: true, status: true, startDate: true, dueDate: true, responsibleName: true, cancelReason: true,
        effectVerdict: true, effectJudgement: true,
        ownerOrg: { select: { name: true } }, area: { select: { name: true } }, goal: { select: { title: true } },
        evidence: { select: { incident: { select: { id: true, occurredAt: true, place: true, category: { select: { label: true } } } } }, take: 20 },
        followUps: { select: { date: true, text: true }, orderBy: { date: "asc" } },
      },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { title: "asc" }],
    }),
    // Beside the EST reports, never added to them (issue 28); absent in versions approved before.
    policeEventsForPeriod(municipalityId, { start, end }),
    // "Annan information": the survey series and indicators known for the period; absent in versions approved before.
    contextForPeriod(municipalityId, period, client),
  ]);
  return {
    analysis,
    policeEvents: policeEvents as Awaited<ReturnType<typeof policeEventsForPeriod>> | undefined,
    context: context as ContextFigure[] | undefined,
    classifications: classifications.map((c) => ({ area: c.area.name, classification: c.classification, since: dayKey(c.validFrom)!, source: c.source })),
    measures: measures.map((m) => ({
      id: m.id, title: m.title, description: m.description, status: m.status, owner: m.ownerOrg.name, responsible: m.responsibleName,
      area: m.area?.name ?? null, goal: m.goal?.title ?? null, startDate: dayKey(m.startDate), dueDate: dayKey(m.dueDate),
      cancelReason: m.cancelReason, effect: [verdictLabel(m.effectVerdict), m.effectJudgement].filter(Boolean).join(" – ") || null,
      evidence: m.evidence.map((e) => ({ id: e.incident.id, occurredAt: e.incident.occurredAt.toISOString(), place: e.incident.place, category: e.incident.category.label })),
      followUps: m.followUps.map((f) => ({ date: dayKey(f.date)!, text: f.text })),
    })),
  };
}
export type LawContent = Awaited<ReturnType<typeof buildLawContent>>;
