"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { useTranslateMessage } from "@/components/i18n/i18n-provider";

export type AnyAction<T = unknown> = (input: unknown) => Promise<ActionResult<T>>;

/** Runs a server action from a plain form: errors per field (and "form"), refresh on success. */
export function useActionSubmit<T>(action: AnyAction<T>, onDone: (data: T) => void = () => undefined) {
  const router = useRouter();
  const translate = useTranslateMessage();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (input: unknown) =>
    startTransition(async () => {
      const result = await action(input);
      if (!result.ok) {
        setErrors({ ...Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k, translate(v[0] ?? "")])), ...(result.formError ? { form: translate(result.formError) } : {}) });
        return;
      }
      setErrors({});
      onDone(result.data);
      router.refresh();
    });
  return { pending, errors, submit };
}
