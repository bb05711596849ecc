"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";
import type { TTertialComment } from "@/lib/analysis/schema";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const resolveTertialComment = lazyZodResolver<TTertialComment>(() => import("@/lib/analysis/schema").then((s) => s.ZTertialComment));
/** A review comment on one section of the analysis. */
export function CommentForm(props: { tertial: string; sections: { id: string; label: string }[]; add: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const m = useI18n().m.tertialForms;
  const { register, handleSubmit, formState, setError, reset } = useForm<TTertialComment>({
    resolver: resolveTertialComment,
    defaultValues: { tertial: props.tertial, section: "overall", text: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.add(values);
    if (!result.ok) return applyErrors(result, setError);
    reset({ ...values, text: "" });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="no-print" data-testid="comment-form">
      <FormControls>
        <div className="form-row">
          <Field id="c-section" label={m.section} error={formState.errors.section?.message}>
            {(a11y) => (
              <select {...a11y} {...register("section")}>
                {props.sections.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
              </select>
            )}
          </Field>
        </div>
        <Field id="c-text" label={m.comment} error={formState.errors.text?.message}>
          {(a11y) => <textarea {...a11y} rows={3} {...register("text")} />}
        </Field>
        {formState.errors.root?.serverError ? <FormError message={formState.errors.root.serverError.message} /> : null}
        <button type="submit" className="btn btn-secondary" disabled={formState.isSubmitting}>{m.addComment}</button>
      </FormControls>
    </form>
  );
}
