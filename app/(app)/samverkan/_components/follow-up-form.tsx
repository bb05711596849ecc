"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import type { ActionResult } from "@/lib/action-result";
import type { TCommitmentFollowUp } from "@/lib/agreements/schema";
import { COMMITMENT_STATUS } from "@/lib/agreements/codes";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const resolveCommitmentFollowUp = lazyZodResolver<TCommitmentFollowUp>(() => import("@/lib/agreements/schema").then((s) => s.ZCommitmentFollowUp));

export function CommitmentFollowUpForm(props: { commitmentId: string; text: string; halfYear: string; action: (input: unknown) => Promise<ActionResult<void>> }) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const m = useI18n().m.agreementForms;
  const { register, handleSubmit, formState, setError } = useForm<TCommitmentFollowUp>({
    resolver: resolveCommitmentFollowUp,
    defaultValues: { commitmentId: props.commitmentId, halfYear: props.halfYear, status: "MET", comment: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.action(values);
    if (!result.ok) return applyErrors(result, setError);
    router.refresh();
  });
  const id = props.commitmentId.slice(0, 8);
  return (
    <details className="no-print">
      <summary>{m.followUp}</summary>
      <form onSubmit={onSubmit} noValidate aria-label={fill(m.followUpOf, { text: props.text })}>
        <FormControls>
          <div className="form-row">
            <Field id={`h-${id}`} label={m.halfYear} error={formState.errors.halfYear?.message}>{(a) => <input {...a} {...register("halfYear")} />}</Field>
            <Field id={`s-${id}`} label={m.status} error={formState.errors.status?.message}>
              {(a) => <select {...a} {...register("status")}>{(Object.keys(COMMITMENT_STATUS) as (keyof typeof COMMITMENT_STATUS)[]).map((k) => <option key={k} value={k}>{m.statuses[k]}</option>)}</select>}
            </Field>
          </div>
          <Field id={`c-${id}`} label={m.comment} error={formState.errors.comment?.message}>{(a) => <textarea {...a} rows={2} {...register("comment")} />}</Field>
          {formState.errors.root?.serverError ? <FormError message={formState.errors.root.serverError.message} /> : null}
          <button type="submit" className="btn btn-secondary" disabled={formState.isSubmitting}>{m.save2}</button>
        </FormControls>
      </form>
    </details>
  );
}
