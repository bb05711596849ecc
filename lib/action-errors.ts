import "server-only";
import { type ActionResult, formError, ok } from "@/lib/action-result";
import { recordAudit } from "@/lib/audit/mutations";
import { type DomainError, isExpectedError } from "@/lib/errors";

/** Runs a mutation, turning expected domain errors into a result (under the field when the
 * error names one). Anything else is a bug and is rethrown for the error boundary. A refusal –
 * not found or forbidden – is written to the access log here, in one place for every action
 * (issue 26): who, from which page, and the kind of refusal. */
export async function withDomainErrors<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return ok(await fn());
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    await recordRefusal(error);
    return error.field ? { ok: false, fieldErrors: { [error.field]: [error.message] } } : formError(error.message);
  }
}

/** Logs a refused request: only the code and the page, never the message (it may name a person's
 * address) or the input. */
export async function recordRefusal(error: DomainError): Promise<void> {
  if (error.code !== "NOT_FOUND" && error.code !== "FORBIDDEN") return;
  let userId: string | null = null;
  let page: string | undefined;
  try {
    // Loaded here, in the request it serves (the session module needs Next.js's request scope).
    const [{ getViewer }, { headers }] = await Promise.all([import("@/lib/auth/session"), import("next/headers")]);
    userId = (await getViewer())?.userId ?? null;
    // The path proxy.ts saw: the page itself, or the page a server action was posted from.
    page = (await headers()).get("x-est-path") ?? undefined;
  } catch {
    // Not in a request (a test, a job): the refusal is still logged, without who and where.
  }
  await recordAudit({ userId, action: "refused", outcome: "DENIED", details: { code: error.code, ...(page ? { page } : {}) } });
}
