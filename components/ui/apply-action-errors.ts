import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/** Puts a failed server action's errors where the user sees them: under each field, and the
 * form-level message in root.serverError. */
export function applyActionErrors<T extends FieldValues>(
  result: { fieldErrors?: Record<string, string[]>; formError?: string },
  setError: UseFormSetError<T>,
) {
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    setError(field as Path<T>, { type: "server", message: messages[0] });
  }
  if (result.formError) setError("root.serverError", { type: "server", message: result.formError });
}
