import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { clientAddress, forwardedChain } from "@/lib/http/client-address";

/** Where the request came from, when there is a request (a page, action or route): the client's
 * address and the forwarding chain as it arrived; nulls for jobs and the CLI. */
export async function requestOrigin(): Promise<{ ip: string | null; forwardedFor: string | null }> {
  try {
    const { headers } = await import("next/headers");
    const h = await headers();
    return { ip: clientAddress((name) => h.get(name)), forwardedFor: forwardedChain((name) => h.get(name)) };
  } catch {
    return { ip: null, forwardedFor: null };
  }
}

export type AuditInput = {
  userId: string | null;
  action: string;
  municipalityId?: string | null;
  entityType?: string;
  entityId?: string;
  outcome?: "ALLOWED" | "DENIED";
  details?: Prisma.InputJsonValue;
};

/** Appends to the access log. Never put free text or personal data in details. */
export async function recordAudit(input: AuditInput): Promise<void> {
  try {
    await db().auditEvent.create({
      data: {
        userId: input.userId,
        municipalityId: input.municipalityId ?? null,
        action: input.action,
        entityType: input.entityType ?? null,
        entityId: input.entityId ?? null,
        outcome: input.outcome ?? "ALLOWED",
        ...(await requestOrigin()),
        details: input.details ?? Prisma.skip,
      },
    });
  } catch (err) {
    // Losing an audit row must be visible in the logs, but must not break the user's request.
    logger.error({ err: (err as Error).message, action: input.action }, "audit write failed");
  }
}
