import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

const MAX_ATTEMPTS = 8;

export function createTransport(): Transporter | null {
  const url = env().SMTP_URL;
  return url ? nodemailer.createTransport(url) : null;
}

/**
 * Sends what waits in the outbox. Rows are claimed with SKIP LOCKED and a short lease, so
 * several workers never send the same message; failures are retried with exponential backoff.
 */
export async function flushOutbox(transport: Transporter, batch = 50): Promise<{ sent: number; failed: number }> {
  const claimed = await db().$queryRaw<{ id: string; toAddress: string; subject: string; body: string; attempts: number }[]>`
    UPDATE email_outbox SET "nextAttemptAt" = now() + interval '5 minutes'
    WHERE id IN (
      SELECT id FROM email_outbox WHERE status = 'PENDING' AND "nextAttemptAt" <= now()
      ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING id, "toAddress", subject, body, attempts`;
  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    try {
      await transport.sendMail({ from: env().MAIL_FROM, to: m.toAddress, subject: m.subject, text: m.body });
      await db().emailOutbox.update({ where: { id: m.id }, data: { status: "SENT", sentAt: new Date(), attempts: m.attempts + 1, lastError: null } });
      sent++;
    } catch (error) {
      const attempts = m.attempts + 1;
      const message = (error as Error).message.slice(0, 300);
      await db().emailOutbox.update({
        where: { id: m.id },
        data: { attempts, lastError: message, status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING", nextAttemptAt: new Date(Date.now() + 2 ** attempts * 30_000) },
      });
      logger.warn({ outboxId: m.id, attempts, error: message }, "e-mail not sent");
      failed++;
    }
  }
  return { sent, failed };
}
