import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { queueMessageNow } from "@/lib/feedback/queue";
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
      if (await queueMessageNow({ userId: user.id, email: user.email, municipalityId: g.municipalityId, dedupeKey, title, body, link })) sent++;
    }
  }
  return sent;
}
