import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { formatDate, formatDateTime } from "@/lib/time/format";
import { periodLabel } from "@/lib/time/periods";
import { queueMessage, wakeMailer } from "./queue";

type Tx = Prisma.TransactionClient;

/**
 * Återkoppling after a lägesbild is published: every organisation in the group hears what it
 * reported, what the group concluded and which actions concern it. Written in the publishing
 * transaction as in-app notifications and e-mail outbox rows; NOTIFY wakes the mail worker when
 * the transaction commits.
 */
export async function queueLagesbildDigests(tx: Tx, lagesbildId: string) {
  const lb = await tx.lagesbild.findUniqueOrThrow({
    where: { id: lagesbildId },
    select: {
      id: true, periodKey: true, assessment: true, outlook: true, municipalityId: true, groupId: true,
      group: { select: { name: true, areas: { select: { areaId: true } }, organisations: { select: { organisation: { select: { id: true, name: true } } } } } },
    },
  });
  const week = periodLabel(lb.periodKey);
  const areaIds = lb.group.areas.map((a) => a.areaId);
  const link = `/groups/${lb.groupId}/lagesbild/${lb.periodKey}`;
  let queued = 0;
  for (const { organisation } of lb.group.organisations) {
    const [reported, measures, recipients] = await Promise.all([
      tx.incident.findMany({
        where: { municipalityId: lb.municipalityId, reporterOrgId: organisation.id, isoWeek: lb.periodKey, status: "ACTIVE", areaId: { in: areaIds } },
        select: { occurredAt: true, place: true, category: { select: { label: true } } },
        orderBy: { occurredAt: "asc" },
        take: 50,
      }),
      tx.measure.findMany({
        where: { municipalityId: lb.municipalityId, status: { in: ["PLANNED", "ONGOING"] }, OR: [{ ownerOrgId: organisation.id }, { participants: { some: { organisationId: organisation.id } } }] },
        select: { title: true, dueDate: true },
        orderBy: { dueDate: "asc" },
        take: 20,
      }),
      tx.membership.findMany({
        where: { municipalityId: lb.municipalityId, organisationId: organisation.id, user: { disabledAt: null } },
        select: { user: { select: { id: true, email: true } } },
      }),
    ]);
    const subject = `Återkoppling: ${lb.group.name}, lägesbild ${week}`;
    const body = [
      `Hej!`,
      ``,
      `${lb.group.name} har publicerat lägesbilden för ${week}.`,
      ``,
      reported.length
        ? `${organisation.name} rapporterade ${reported.length} ${reported.length === 1 ? "händelse" : "händelser"}:\n${reported.map((r) => `– ${formatDateTime(r.occurredAt)} ${r.place} (${r.category.label})`).join("\n")}`
        : `${organisation.name} rapporterade inga händelser den veckan.`,
      ``,
      `Gruppens bedömning:\n${lb.assessment?.trim() || "(ingen bedömning skriven)"}`,
      ...(lb.outlook?.trim() ? [``, `Händelseutveckling:\n${lb.outlook.trim()}`] : []),
      ``,
      measures.length ? `Åtgärder som berör er:\n${measures.map((m) => `– ${m.title}${m.dueDate ? ` (klart senast ${formatDate(m.dueDate)})` : ""}`).join("\n")}` : `Inga öppna åtgärder berör er just nu.`,
      ``,
      `Hela lägesbilden: ${env().NEXTAUTH_URL ?? ""}${link}`,
      `Tack för er rapportering – den gör lägesbilden möjlig.`,
    ].join("\n");
    for (const { user } of recipients) {
      if (await queueMessage(tx, { userId: user.id, email: user.email, municipalityId: lb.municipalityId, dedupeKey: `lagesbild:${lb.id}:${user.id}`, title: subject, body, link })) queued++;
    }
  }
  await wakeMailer(tx);
  return queued;
}
