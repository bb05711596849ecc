"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";
import type { TTertialNarrative } from "@/lib/analysis/schema";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import { useAutosave } from "@/components/ui/use-autosave";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const resolveTertialNarrative = lazyZodResolver<TTertialNarrative>(() => import("@/lib/analysis/schema").then((s) => s.ZTertialNarrative));
/** The analysis's words: an overall assessment and one per kommundel, saved with a version check. */
export function NarrativeForm(props: {
  tertial: string;
  version: number;
  overall: string;
  proposal: string;
  areas: { id: string; name: string; text: string }[];
  save: (input: unknown) => Promise<ActionResult<{ version: number }>>;
}) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const { m: { tertialForms: m, common } } = useI18n();
  const [saved, setSaved] = useState(false);
  // "Sparat." only once the page around the form shows the saved version (the review buttons
  // send it along), so a click right after saving never carries a stale version.
  const [refreshing, startRefresh] = useTransition();
  const form = useForm<TTertialNarrative>({
    resolver: resolveTertialNarrative,
    defaultValues: { tertial: props.tertial, version: props.version, overall: props.overall, proposal: props.proposal, areas: Object.fromEntries(props.areas.map((a) => [a.id, a.text])) },
  });
  const { register, handleSubmit, formState, setError } = form;

  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    const result = await props.save(values);
    if (!result.ok) return applyErrors(result, setError);
    form.reset({ ...values, version: result.data.version });
    setSaved(true);
    startRefresh(() => router.refresh());
  });
  useAutosave(useWatch({ control: form.control }), formState.isDirty, formState.isSubmitting || refreshing, () => void onSubmit());

  const areaError = (id: string) => (formState.errors.areas as Record<string, { message?: string }> | undefined)?.[id]?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="stack" data-testid="narrative-form">
      <FormControls>
        <Field id="n-overall" label={m.overall} hint={m.overallHint} error={formState.errors.overall?.message}>
          {(a11y) => <textarea {...a11y} rows={6} {...register("overall")} />}
        </Field>
        {props.areas.map((a) => (
          <Field key={a.id} id={`n-${a.id}`} label={fill(m.areaJudgement, { area: a.name })} error={areaError(a.id)}>
            {(a11y) => <textarea {...a11y} rows={3} {...register(`areas.${a.id}`)} />}
          </Field>
        ))}
        <Field id="n-proposal" label={m.proposal} hint={m.proposalHint} error={formState.errors.proposal?.message}>
          {(a11y) => <textarea {...a11y} rows={4} {...register("proposal")} />}
        </Field>
        {formState.errors.root?.serverError ? <FormError message={formState.errors.root.serverError.message} /> : null}
        <div className="toolbar">
          <button type="submit" className="btn" disabled={formState.isSubmitting}>{formState.isSubmitting ? common.saving : m.saveText}</button>
          <span aria-live="polite" className="meta">{refreshing ? common.saving : saved && !formState.isDirty ? m.saved : formState.isDirty ? common.autosaving : ""}</span>
        </div>
      </FormControls>
    </form>
  );
}
