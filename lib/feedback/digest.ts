import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fill, plural } from "@/lib/i18n/catalogue";
import { appUrl, i18nFor, paragraphs } from "./compose";
import { queueMessage, wakeMailer } from "./queue";

type Tx = Prisma.TransactionClient;

/**
 * Återkoppling after a lägesbild is published: every organisation in the group hears what it
 * reported, what the group concluded and which actions concern it, each in their own language.
 * Written in the publishing transaction as in-app notifications and e-mail outbox rows; NOTIFY
 * wakes the mail worker when the transaction commits.
 */
export async function queueLagesbildDigests(tx: Tx, lagesbildId: string) {
  const lb = await tx.lagesbild.findUniqueOrThrow({
    where: { id: lagesbildId },
    select: {
      id: true, periodKey: true, assessment: true, outlook: true, municipalityId: true, groupId: true,
      group: { select: { name: true, areas: { select: { areaId: true } }, organisations: { select: { organisation: { select: { id: true, name: true } } } } } },
    },
  });
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
        select: { user: { select: { id: true, email: true, locale: true } } },
      }),
    ]);
    for (const { user } of recipients) {
      const { locale, m, f } = i18nFor(user.locale);
      const t = m.mail.digest;
      const week = f.period(lb.periodKey);
      const subject = fill(t.subject, { group: lb.group.name, week });
      const body = paragraphs(
        m.mail.greeting,
        fill(t.published, { group: lb.group.name, week }),
        reported.length
          ? [plural(locale, t.reported, reported.length, { org: organisation.name }), ...reported.map((r) => `– ${f.dateTime(r.occurredAt)} ${r.place} (${r.category.label})`)].join("\n")
          : fill(t.reportedNone, { org: organisation.name }),
        `${t.assessment}\n${lb.assessment?.trim() || t.noAssessment}`,
        lb.outlook?.trim() && `${t.outlook}\n${lb.outlook.trim()}`,
        measures.length ? [t.measures, ...measures.map((x) => `– ${x.title}${x.dueDate ? fill(t.dueBy, { date: f.date(x.dueDate) }) : ""}`)].join("\n") : t.noMeasures,
        `${fill(t.whole, { url: appUrl(link) })}\n${t.thanks}`,
      );
      if (await queueMessage(tx, { userId: user.id, email: user.email, municipalityId: lb.municipalityId, dedupeKey: `lagesbild:${lb.id}:${user.id}`, title: subject, body, link })) queued++;
    }
  }
  await wakeMailer(tx);
  return queued;
}
