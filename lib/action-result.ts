import { z } from "zod";

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

// withDomainErrors, which turns domain errors into results and logs refusals, runs on the server
// alone: lib/action-errors.ts.
