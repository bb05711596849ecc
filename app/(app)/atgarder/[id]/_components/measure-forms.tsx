"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import type { ActionResult } from "@/lib/action-result";
import type { TMeasureEvaluation, TMeasureJudgement, TMeasureStatus } from "@/lib/measures/schema";
import { MEASURE_STATUS, VERDICTS } from "@/lib/measures/codes";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { ChoiceGroup, Field } from "@/components/ui/field";
import { type AnyAction, useActionSubmit } from "@/components/ui/use-action";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const resolveMeasureStatus = lazyZodResolver<TMeasureStatus>(() => import("@/lib/measures/schema").then((s) => s.ZMeasureStatus));
const resolveMeasureJudgement = lazyZodResolver<TMeasureJudgement>(() => import("@/lib/measures/schema").then((s) => s.ZMeasureJudgement));
const resolveMeasureEvaluation = lazyZodResolver<TMeasureEvaluation>(() => import("@/lib/measures/schema").then((s) => s.ZMeasureEvaluation));

const VERDICT_CODES = Object.keys(VERDICTS) as (keyof typeof VERDICTS)[];

/** Did the action help? The choices both forms ask it with, none chosen first. */
function VerdictOptions() {
  const { m: { measureDetail: m, common } } = useI18n();
  return (
    <>
      <option value="">{common.choose}</option>
      {VERDICT_CODES.map((k) => <option key={k} value={k}>{m.verdicts[k]}</option>)}
    </>
  );
}

export function StatusForm(props: { initial: TMeasureStatus; needsVerdict: boolean; action: (input: unknown) => Promise<ActionResult<{ version: number }>> }) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const { m: { measureDetail: m } } = useI18n();
  const { register, handleSubmit, formState, setError, control } = useForm<TMeasureStatus>({ resolver: resolveMeasureStatus, defaultValues: props.initial });
  const status = useWatch({ control, name: "status" });
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.action(values);
    if (!result.ok) return applyErrors(result, setError);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="no-print" data-testid="status-form">
      <FormControls>
        <div className="form-row">
          <Field id="m-status" label={m.status} error={formState.errors.status?.message}>
            {(a11y) => <select {...a11y} {...register("status")}>{MEASURE_STATUS.map((s) => <option key={s} value={s}>{m.statuses[s]}</option>)}</select>}
          </Field>
          {status === "DONE" && props.needsVerdict ? (
            <Field id="m-done-verdict" label={m.helped} error={formState.errors.verdict?.message}>
              {(a11y) => (
                <select {...a11y} {...register("verdict")}>
                  <VerdictOptions />
                </select>
              )}
            </Field>
          ) : null}
          {status === "CANCELLED" ? (
            <Field id="m-reason" label={m.cancelReasonField} error={formState.errors.cancelReason?.message}>
              {(a11y) => <input {...a11y} {...register("cancelReason")} />}
            </Field>
          ) : null}
        </div>
        {formState.errors.root?.serverError ? <FormError message={formState.errors.root.serverError.message} /> : null}
        <button type="submit" className="btn btn-secondary" disabled={formState.isSubmitting}>{m.changeStatus}</button>
      </FormControls>
    </form>
  );
}

export function JudgementForm(props: { initial: TMeasureJudgement; action: (input: unknown) => Promise<ActionResult<void>> }) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const { m: { measureDetail: m } } = useI18n();
  const { register, handleSubmit, formState, setError } = useForm<TMeasureJudgement>({ resolver: resolveMeasureJudgement, defaultValues: props.initial });
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.action(values);
    if (!result.ok) return applyErrors(result, setError);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="no-print" data-testid="judgement-form">
      <FormControls>
        <Field id="m-verdict" label={m.verdict} error={formState.errors.verdict?.message}>
          {(a11y) => (
            <select {...a11y} {...register("verdict")}>
              <VerdictOptions />
            </select>
          )}
        </Field>
        <Field id="m-judgement" label={m.reason} error={formState.errors.judgement?.message}>
          {(a11y) => <textarea {...a11y} rows={3} {...register("judgement")} />}
        </Field>
        {formState.errors.root?.serverError ? <FormError message={formState.errors.root.serverError.message} /> : null}
        <button type="submit" className="btn btn-secondary" disabled={formState.isSubmitting}>{m.saveJudgement}</button>
      </FormControls>
    </form>
  );
}

/** The plain-language line residents see on the area's "Ni sa, vi gjorde" page (empty hides it). */
export function PublishForm(props: { measureId: string; initial: string; action: AnyAction }) {
  const { m: { measureDetail: m, common } } = useI18n();
  const [text, setText] = useState(props.initial);
  const [done, setDone] = useState("");
  const { pending, errors, submit } = useActionSubmit(props.action, () => setDone(text ? m.nowPublic : m.noLongerPublic));
  return (
    <form aria-label={m.public} onSubmit={(e) => { e.preventDefault(); setDone(""); submit({ measureId: props.measureId, publicText: text }); }}>
      <p role="status" aria-live="polite">{done}</p>
      {errors.form ? <FormError message={errors.form} /> : null}
      <FormControls busy={pending}>
        <Field id="pub-text" label={m.publicText} error={errors.publicText} hint={m.publicTextHint}>
          {(a) => <textarea {...a} rows={2} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <button className="btn btn-secondary" type="submit" disabled={pending}>{common.save}</button>
      </FormControls>
    </form>
  );
}

/** How the effect is to be judged: categories, comparison and windows (issue 25). */
export function EvaluationPlanForm(props: {
  initial: TMeasureEvaluation;
  categories: { id: string; label: string }[];
  areas: { id: string; name: string }[];
  action: (input: unknown) => Promise<ActionResult<void>>;
}) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const { m: { measureDetail: m } } = useI18n();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, formState, setError, control } = useForm<TMeasureEvaluation>({ resolver: resolveMeasureEvaluation, defaultValues: props.initial });
  const chosen = useWatch({ control, name: "control" });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    const result = await props.action(values);
    if (!result.ok) return applyErrors(result, setError);
    setSaved(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="no-print" aria-label={m.plan} data-testid="evaluation-form">
      <p role="status" aria-live="polite">{saved ? m.planSaved : ""}</p>
      <FormControls>
        <ChoiceGroup id="ev-categories" legend={<strong>{m.planCategories}</strong>} error={e.categoryIds?.message}>
          {props.categories.map((c) => <label key={c.id}><input type="checkbox" value={c.id} {...register("categoryIds")} />{` ${c.label}`}</label>)}
        </ChoiceGroup>
        <ChoiceGroup id="ev-control" legend={<strong>{m.planControl}</strong>} error={e.control?.message}>
          <label><input type="radio" value="MUNICIPALITY" {...register("control")} />{` ${m.controlMunicipality}`}</label>
          <label><input type="radio" value="AREAS" {...register("control")} />{` ${m.controlAreas}`}</label>
        </ChoiceGroup>
        {chosen === "AREAS" ? (
          <ChoiceGroup id="ev-areas" legend={<strong>{m.planAreas}</strong>} error={e.controlAreaIds?.message}>
            {props.areas.map((a) => <label key={a.id}><input type="checkbox" value={a.id} {...register("controlAreaIds")} />{` ${a.name}`}</label>)}
          </ChoiceGroup>
        ) : null}
        <div className="form-row">
          <Field id="ev-before-first" label={m.beforeFirst} error={e.beforeFirst?.message}>{(a) => <input {...a} type="date" {...register("beforeFirst")} />}</Field>
          <Field id="ev-before-last" label={m.beforeLast} error={e.beforeLast?.message}>{(a) => <input {...a} type="date" {...register("beforeLast")} />}</Field>
          <Field id="ev-after-first" label={m.afterFirst} error={e.afterFirst?.message}>{(a) => <input {...a} type="date" {...register("afterFirst")} />}</Field>
          <Field id="ev-after-last" label={m.afterLast} error={e.afterLast?.message}>{(a) => <input {...a} type="date" {...register("afterLast")} />}</Field>
        </div>
        {e.root?.serverError ? <FormError message={e.root.serverError.message} /> : null}
        <button type="submit" className="btn btn-secondary" disabled={formState.isSubmitting}>{m.savePlan}</button>
      </FormControls>
    </form>
  );
}
