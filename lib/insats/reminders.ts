import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { formatDate, toLocalInputs } from "@/lib/time/format";

/**
 * Reminds an Insats's coordinators once its planned end date has passed: extend it with a
 * reason, or close it with a report. Once per planned end date (extending gives a new one).
 * Run daily by the worker.
 */
export async function remindEndedInsatser(now = new Date()): Promise<number> {
  const today = new Date(`${toLocalInputs(now).date}T00:00:00Z`);
  const overdue = await db().estGroup.findMany({
    where: { kind: "INSATS", status: "OPEN", plannedEndDate: { lt: today } },
    select: { id: true, name: true, municipalityId: true, plannedEndDate: true, members: { where: { role: "COORDINATOR" }, select: { user: { select: { id: true, email: true } } } } },
  });
  let sent = 0;
  for (const g of overdue) {
    const end = g.plannedEndDate!.toISOString().slice(0, 10);
    const title = `${g.name}: planerat slut ${formatDate(g.plannedEndDate!)} har passerats`;
    const link = `/groups/${g.id}`;
    const body = `${g.name} skulle ha avslutats ${formatDate(g.plannedEndDate!)}. Förläng den med en motivering, eller avsluta den med en slutrapport.\n\n${env().NEXTAUTH_URL ?? ""}${link}`;
    for (const { user } of g.members) {
      const dedupeKey = `insats-end:${g.id}:${end}:${user.id}`;
      const created = await db().$transaction(async (tx) => {
        if (await tx.emailOutbox.findUnique({ where: { dedupeKey }, select: { id: true } })) return false;
        await tx.emailOutbox.create({ data: { dedupeKey, toAddress: user.email, subject: title, body } });
        await tx.notification.create({ data: { userId: user.id, municipalityId: g.municipalityId, title, body, link } });
        return true;
      });
      if (created) sent++;
    }
  }
  if (sent) await db().$executeRaw`SELECT pg_notify('est_outbox', 'insats-end')`;
  return sent;
}
