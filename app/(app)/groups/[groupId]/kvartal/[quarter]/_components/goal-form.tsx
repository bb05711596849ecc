"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionResult } from "@/lib/action-result";
import { GOAL_STATUS, ZGoalFollowUp, type TGoalFollowUp } from "@/lib/goals/schema";
import { applyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";

export function GoalFollowUpForm(props: { initial: TGoalFollowUp; title: string; action: (input: unknown) => Promise<ActionResult<void>> }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const { register, handleSubmit, formState, setError } = useForm<TGoalFollowUp>({ resolver: zodResolver(ZGoalFollowUp), defaultValues: props.initial });
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.action(values);
    if (!result.ok) return applyActionErrors(result, setError);
    router.refresh();
  });
  const id = props.initial.goalId.slice(0, 8);
  return (
    <form onSubmit={onSubmit} noValidate className="no-print" aria-label={`Uppföljning av ${props.title}`}>
      <div className="form-row">
        <Field id={`gs-${id}`} label="Status" error={formState.errors.status?.message}>
          {(a) => <select {...a} {...register("status")}>{Object.entries(GOAL_STATUS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}</select>}
        </Field>
        <Field id={`gc-${id}`} label="Kommentar" error={formState.errors.comment?.message}>{(a) => <input {...a} {...register("comment")} />}</Field>
      </div>
      {formState.errors.root?.serverError ? <p className="alert alert-error" role="alert">{formState.errors.root.serverError.message}</p> : null}
      <button type="submit" className="btn btn-secondary" disabled={!hydrated || formState.isSubmitting}>Spara status</button>
    </form>
  );
}
