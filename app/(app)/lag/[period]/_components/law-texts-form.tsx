"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import type { ActionResult } from "@/lib/action-result";
import type { TLawTexts } from "@/lib/law/schema";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import { useAutosave } from "@/components/ui/use-autosave";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const resolveLawTexts = lazyZodResolver<TLawTexts>(() => import("@/lib/law/schema").then((s) => s.ZLawTexts));

/** The two parts of the document written by people: annan information and analys. */
export function LawTextsForm(props: { initial: TLawTexts; save: (input: unknown) => Promise<ActionResult<{ revision: number }>> }) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const { m: { lawForms: m, common } } = useI18n();
  const [saved, setSaved] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const { register, handleSubmit, formState, setError, reset, control } = useForm<TLawTexts>({ resolver: resolveLawTexts, defaultValues: props.initial });
  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    const result = await props.save(values);
    if (!result.ok) return applyErrors(result, setError);
    reset({ ...values, revision: result.data.revision });
    setSaved(true);
    startRefresh(() => router.refresh());
  });
  useAutosave(useWatch({ control }), formState.isDirty, formState.isSubmitting || refreshing, () => void onSubmit());
  return (
    <form onSubmit={onSubmit} noValidate className="stack no-print" data-testid="law-form">
      <FormControls>
        <Field id="law-other" label={m.otherInfo} hint={m.otherInfoHint} error={formState.errors.otherInfo?.message}>
          {(a11y) => <textarea {...a11y} rows={6} {...register("otherInfo")} />}
        </Field>
        <Field id="law-analysis" label={m.analysis} hint={m.analysisHint} error={formState.errors.analysis?.message}>
          {(a11y) => <textarea {...a11y} rows={10} {...register("analysis")} />}
        </Field>
        <Field id="law-proposal" label={m.proposal} hint={m.proposalHint} error={formState.errors.proposal?.message}>
          {(a11y) => <textarea {...a11y} rows={4} {...register("proposal")} />}
        </Field>
        {formState.errors.root?.serverError ? <FormError message={formState.errors.root.serverError.message} /> : null}
        <div className="toolbar">
          <button type="submit" className="btn" disabled={formState.isSubmitting}>{formState.isSubmitting ? common.saving : m.saveDraft}</button>
          <span aria-live="polite" className="meta">{refreshing ? common.saving : saved && !formState.isDirty ? m.saved : formState.isDirty ? common.autosaving : ""}</span>
        </div>
      </FormControls>
    </form>
  );
}
