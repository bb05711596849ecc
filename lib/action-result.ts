import { z } from "zod";
import { isExpectedError } from "./errors";

// What every server action returns. Field errors go back under the field, not into a toast.
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function formError(message: string): ActionResult<never> {
  return { ok: false, formError: message };
}

export function fieldErrors(error: z.ZodError): ActionResult<never> {
  const flat = z.flattenError(error);
  return {
    ok: false,
    fieldErrors: flat.fieldErrors as Record<string, string[]>,
    ...(flat.formErrors.length > 0 ? { formError: flat.formErrors.join(" ") } : {}),
  };
}

/** Runs a mutation, turning expected domain errors into a result (under the field when the
 * error names one). Anything else is a bug and is rethrown for the error boundary. */
export async function withDomainErrors<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return ok(await fn());
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    return error.field ? { ok: false, fieldErrors: { [error.field]: [error.message] } } : formError(error.message);
  }
}
