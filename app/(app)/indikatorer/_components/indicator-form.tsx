"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import type { ActionResult } from "@/lib/action-result";
import type { TIndicator } from "@/lib/indicators/schema";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const resolveIndicator = lazyZodResolver<TIndicator>(() => import("@/lib/indicators/schema").then((s) => s.ZIndicator));

/** Defines (or changes) a nämnd's indicator: unit, direction, baseline, target and milestones. */
export function IndicatorForm(props: { defaults: TIndicator; boards: string[]; action: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const m = useI18n().m.indicatorForms;
  const { register, handleSubmit, formState, setError } = useForm<TIndicator>({ resolver: resolveIndicator, defaultValues: props.defaults });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.action(values);
    if (!result.ok) return applyErrors(result, setError);
    router.push(`/indikatorer/${result.data.id}`);
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormControls>
        {e.root?.serverError ? <FormError message={e.root.serverError.message} /> : null}
        <div className="form-row">
          <Field id="i-board" label={m.board} error={e.ownerBoard?.message}>{(a) => <input {...a} list="boards" {...register("ownerBoard")} />}</Field>
          <Field id="i-name" label={m.indicator} error={e.name?.message}>{(a) => <input {...a} {...register("name")} />}</Field>
        </div>
        <datalist id="boards">{props.boards.map((b) => <option key={b} value={b} />)}</datalist>
        <Field id="i-def" label={m.definition} hint={m.definitionHint} error={e.definition?.message}>{(a) => <textarea {...a} rows={3} {...register("definition")} />}</Field>
        <div className="form-row">
          <Field id="i-unit" label={m.unit} error={e.unit?.message}>
            {(a) => <select {...a} {...register("unit")}><option value="%">{m.units.percent}</option><option value="st">{m.units.count}</option><option value="index">{m.units.index}</option><option value="kr">{m.units.kronor}</option></select>}
          </Field>
          <Field id="i-dir" label={m.direction} error={e.direction?.message}>
            {(a) => <select {...a} {...register("direction")}><option value="HIGHER_IS_BETTER">{m.higher}</option><option value="LOWER_IS_BETTER">{m.lower}</option></select>}
          </Field>
          <Field id="i-byear" label={m.baselineYear} error={e.baselineYear?.message}>{(a) => <input {...a} inputMode="numeric" {...register("baselineYear")} />}</Field>
          <Field id="i-base" label={m.baseline} error={e.baseline?.message}>{(a) => <input {...a} inputMode="decimal" {...register("baseline")} />}</Field>
          <Field id="i-target" label={m.target} error={e.target?.message}>{(a) => <input {...a} inputMode="decimal" {...register("target")} />}</Field>
        </div>
        <Field id="i-miles" label={m.milestones} hint={m.milestonesHint} error={e.milestones?.message}>{(a) => <input {...a} {...register("milestones")} />}</Field>
        <button type="submit" className="btn" disabled={formState.isSubmitting}>{m.save}</button>
      </FormControls>
    </form>
  );
}
