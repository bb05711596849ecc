import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type Message = { userId: string; email: string; municipalityId: string; dedupeKey: string; title: string; body: string; link: string };

/**
 * Queues one message to one person, in the app and by e-mail, inside the caller's transaction;
 * once per dedupe key, however often the cause is retried. Returns whether it was queued now.
 * Call wakeMailer before the transaction commits so the worker sends it at once.
 */
export async function queueMessage(tx: Tx, m: Message): Promise<boolean> {
  if (!(await queueEmail(tx, m))) return false;
  await tx.notification.create({ data: { userId: m.userId, municipalityId: m.municipalityId, title: m.title, body: m.body, link: m.link } });
  return true;
}

/** E-mail only, for someone who has no account to see it in the app (an invitation). */
export async function queueEmail(tx: Tx, m: Pick<Message, "email" | "dedupeKey" | "title" | "body">): Promise<boolean> {
  if (await tx.emailOutbox.findUnique({ where: { dedupeKey: m.dedupeKey }, select: { id: true } })) return false;
  await tx.emailOutbox.create({ data: { dedupeKey: m.dedupeKey, toAddress: m.email, subject: m.title, body: m.body } });
  return true;
}

/** NOTIFY is delivered on commit: the worker wakes only if the transaction succeeds. */
export async function wakeMailer(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify('est_outbox', '')`;
}

/** One message on its own (a reminder): queued, and the mailer woken, in one transaction. */
export async function queueMessageNow(m: Message): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const fresh = await queueMessage(tx, m);
    if (fresh) await wakeMailer(tx);
    return fresh;
  });
}
