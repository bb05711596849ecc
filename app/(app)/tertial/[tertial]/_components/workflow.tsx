"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { useI18n, useTranslateMessage } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

type Step = (input: unknown) => Promise<ActionResult<unknown>>;

/** The review steps the viewer may take now: hand to review, approve, or send back with a reason. */
export function Workflow(props: {
  tertial: string;
  version: number;
  may: { submit: boolean; approve: boolean };
  submit: Step;
  approve: Step;
  returnToDraft: Step;
}) {
  const router = useRouter();
  const { m: { tertialForms: m, common } } = useI18n();
  const translate = useTranslateMessage();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);

  const run = (step: Step, extra: Record<string, unknown> = {}) =>
    start(async () => {
      setError(null);
      setReasonError(null);
      const result = await step({ tertial: props.tertial, version: props.version, ...extra });
      if (result.ok) return router.refresh();
      if (result.fieldErrors?.reason) return setReasonError(result.fieldErrors.reason[0] ?? null);
      setError(result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? common.saveFailed);
    });

  if (!props.may.submit && !props.may.approve) return null;
  return (
    <FormControls className="card no-print stack" data-testid="workflow">
      {props.may.submit ? (
        <>
          <p>{m.submitHint}</p>
          <div><button type="button" className="btn" disabled={pending} onClick={() => run(props.submit)}>{m.submit}</button></div>
        </>
      ) : null}
      {props.may.approve ? (
        <>
          <p>{m.approveHint}</p>
          <div><button type="button" className="btn" disabled={pending} onClick={() => { if (window.confirm(m.approveConfirm)) run(props.approve); }}>{m.approve}</button></div>
          <div className="field">
            <label htmlFor="return-reason">{m.returnReason}</label>
            <textarea id="return-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={reasonError ? true : undefined} aria-describedby="return-reason-error" />
            <span id="return-reason-error" className="field-error" aria-live="polite">{reasonError ?? ""}</span>
          </div>
          <div><button type="button" className="btn btn-secondary" disabled={pending} onClick={() => run(props.returnToDraft, { reason })}>{m.returnToDraft}</button></div>
        </>
      ) : null}
      {error ? <FormError message={translate(error)} /> : null}
    </FormControls>
  );
}
