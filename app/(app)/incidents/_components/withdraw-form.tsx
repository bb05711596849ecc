"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";

export function WithdrawForm(props: { id: string; version: number; action: (input: unknown) => Promise<ActionResult<undefined>> }) {
  const router = useRouter();
  const m = useI18n().m.incident;
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await props.action({ id: props.id, version: props.version, reason });
          if (result.ok) router.refresh();
          else setError(result.fieldErrors?.reason?.[0] ?? result.formError ?? m.withdrawFailed);
        });
      }}
    >
      <FormControls busy={pending}>
        <Field id="reason" label={m.withdrawReason} hint={m.withdrawHint} error={error}>
          {(a) => <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" className="btn btn-secondary" disabled={pending}>{m.withdrawSubmit}</button>
      </FormControls>
    </form>
  );
}
