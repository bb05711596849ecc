"use client";

import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { useTranslateMessage } from "@/components/i18n/i18n-provider";

type Failed = { fieldErrors?: Record<string, string[]>; formError?: string };

/** Puts a failed server action's errors where the user sees them: under each field, and the
 * form-level message in root.serverError. */
export function applyActionErrors<T extends FieldValues>(result: Failed, setError: UseFormSetError<T>, translate: (message: string) => string = (m) => m) {
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    setError(field as Path<T>, { type: "server", message: messages[0] });
  }
  if (result.formError) setError("root.serverError", { type: "server", message: translate(result.formError) });
}

/** The same, with the form-level message in the viewer's language (field errors are translated
 * where Field shows them). */
export function useApplyActionErrors() {
  const translate = useTranslateMessage();
  return <T extends FieldValues>(result: Failed, setError: UseFormSetError<T>) => applyActionErrors(result, setError, translate);
}
