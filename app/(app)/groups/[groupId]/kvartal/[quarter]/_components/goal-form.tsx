"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import type { ActionResult } from "@/lib/action-result";
import type { TGoalFollowUp } from "@/lib/goals/schema";
import { GOAL_STATUS } from "@/lib/goals/codes";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const resolveGoalFollowUp = lazyZodResolver<TGoalFollowUp>(() => import("@/lib/goals/schema").then((s) => s.ZGoalFollowUp));

export function GoalFollowUpForm(props: { initial: TGoalFollowUp; title: string; action: (input: unknown) => Promise<ActionResult<void>> }) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const m = useI18n().m.goalForm;
  const { register, handleSubmit, formState, setError } = useForm<TGoalFollowUp>({ resolver: resolveGoalFollowUp, defaultValues: props.initial });
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.action(values);
    if (!result.ok) return applyErrors(result, setError);
    router.refresh();
  });
  const id = props.initial.goalId.slice(0, 8);
  return (
    <form onSubmit={onSubmit} noValidate className="no-print" aria-label={fill(m.followUpOf, { title: props.title })}>
      <FormControls>
        <div className="form-row">
          <Field id={`gs-${id}`} label={m.status} error={formState.errors.status?.message}>
            {(a) => <select {...a} {...register("status")}>{(Object.keys(GOAL_STATUS) as (keyof typeof GOAL_STATUS)[]).map((k) => <option key={k} value={k}>{m.statuses[k]}</option>)}</select>}
          </Field>
          <Field id={`gc-${id}`} label={m.comment} error={formState.errors.comment?.message}>{(a) => <input {...a} {...register("comment")} />}</Field>
        </div>
        {formState.errors.root?.serverError ? <FormError message={formState.errors.root.serverError.message} /> : null}
        <button type="submit" className="btn btn-secondary" disabled={formState.isSubmitting}>{m.save}</button>
      </FormControls>
    </form>
  );
}
