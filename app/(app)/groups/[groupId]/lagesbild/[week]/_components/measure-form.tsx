"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import type { TMeasureFromLagesbild } from "@/lib/measures/schema";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const resolveMeasureFromLagesbild = lazyZodResolver<TMeasureFromLagesbild>(() => import("@/lib/measures/schema").then((s) => s.ZMeasureFromLagesbild));

// A decision taken in the meeting becomes an action with an owner and a due date.
export function MeasureForm(props: {
  groupId: string;
  week: string;
  organisations: { id: string; name: string }[];
  areas: { id: string; name: string }[];
  defaultDue: string;
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const m = useI18n().m.measureForm;
  const [pending, startTransition] = useTransition();
  const [done, setDone] = useState<string | null>(null);
  const defaults: TMeasureFromLagesbild = { groupId: props.groupId, week: props.week, title: "", ownerOrgId: "", responsibleName: "", areaId: "", dueDate: props.defaultDue };
  const { register, handleSubmit, setError, reset, formState } = useForm<TMeasureFromLagesbild>({ resolver: resolveMeasureFromLagesbild, defaultValues: defaults });
  const e = formState.errors;
  const onSubmit = (values: TMeasureFromLagesbild) =>
    startTransition(async () => {
      const result = await props.action(values);
      if (!result.ok) {
        applyErrors(result, setError);
        return;
      }
      setDone(fill(m.created, { title: values.title }));
      reset(defaults);
      router.refresh();
    });
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={m.label}>
      <p aria-live="polite" role="status">{done ?? ""}</p>
      {e.root?.serverError ? <FormError message={e.root.serverError.message} /> : null}
      <FormControls busy={pending}>
        <Field id="m-title" label={m.title} error={e.title?.message}>{(a) => <input {...a} {...register("title")} />}</Field>
        <div className="form-row">
          <Field id="m-owner" label={m.ownerOrg} error={e.ownerOrgId?.message}>
            {(a) => (
              <select {...a} {...register("ownerOrgId")}>
                <option value="">{m.choose}</option>
                {props.organisations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            )}
          </Field>
          <Field id="m-responsible" label={m.responsible} error={e.responsibleName?.message}>{(a) => <input {...a} {...register("responsibleName")} />}</Field>
          <Field id="m-area" label={m.area} error={e.areaId?.message}>
            {(a) => (
              <select {...a} {...register("areaId")}>
                <option value="">{"–"}</option>
                {props.areas.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            )}
          </Field>
          <Field id="m-due" label={m.due} error={e.dueDate?.message}>{(a) => <input {...a} type="date" {...register("dueDate")} />}</Field>
        </div>
        <button className="btn" type="submit" disabled={pending}>{m.submit}</button>
      </FormControls>
    </form>
  );
}
