import "server-only";
import { db } from "@/lib/db";
import { appUrl, i18nFor, paragraphs } from "@/lib/feedback/compose";
import { queueMessageNow } from "@/lib/feedback/queue";
import { fill } from "@/lib/i18n/catalogue";
import { toLocalInputs } from "@/lib/time/format";

/**
 * Reminds an Insats's coordinators once its planned end date has passed: extend it with a
 * reason, or close it with a report. Once per planned end date (extending gives a new one).
 * Run daily by the worker.
 */
export async function remindEndedInsatser(now = new Date()): Promise<number> {
  const today = new Date(`${toLocalInputs(now).date}T00:00:00Z`);
  const overdue = await db().estGroup.findMany({
    where: { kind: "INSATS", status: "OPEN", plannedEndDate: { lt: today } },
    select: { id: true, name: true, municipalityId: true, plannedEndDate: true, members: { where: { role: "COORDINATOR" }, select: { user: { select: { id: true, email: true, locale: true } } } } },
  });
  let sent = 0;
  for (const g of overdue) {
    const end = g.plannedEndDate!.toISOString().slice(0, 10);
    const link = `/groups/${g.id}`;
    for (const { user } of g.members) {
      const { m: { mail }, f } = i18nFor(user.locale);
      const values = { name: g.name, date: f.date(g.plannedEndDate!) };
      const title = fill(mail.insatsEnded.title, values);
      const body = paragraphs(fill(mail.insatsEnded.body, values), appUrl(link));
      const dedupeKey = `insats-end:${g.id}:${end}:${user.id}`;
      if (await queueMessageNow({ userId: user.id, email: user.email, municipalityId: g.municipalityId, dedupeKey, title, body, link })) sent++;
    }
  }
  return sent;
}
