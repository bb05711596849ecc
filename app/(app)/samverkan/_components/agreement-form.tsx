"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import type { ActionResult } from "@/lib/action-result";
import type { TAgreementCreate } from "@/lib/agreements/schema";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const resolveAgreementCreate = lazyZodResolver<TAgreementCreate>(() => import("@/lib/agreements/schema").then((s) => s.ZAgreementCreate));

export function AgreementForm(props: { defaults: TAgreementCreate; action: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const m = useI18n().m.agreementForms;
  const { register, handleSubmit, formState, setError } = useForm<TAgreementCreate>({ resolver: resolveAgreementCreate, defaultValues: props.defaults });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.action(values);
    if (!result.ok) return applyErrors(result, setError);
    router.push("/samverkan");
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormControls>
        {e.root?.serverError ? <FormError message={e.root.serverError.message} /> : null}
        <Field id="ag-title" label={m.name} error={e.title?.message}>{(a) => <input {...a} {...register("title")} />}</Field>
        <div className="form-row">
          <Field id="ag-from" label={m.from} error={e.validFrom?.message}>{(a) => <input {...a} type="date" {...register("validFrom")} />}</Field>
          <Field id="ag-to" label={m.to} error={e.validTo?.message}>{(a) => <input {...a} type="date" {...register("validTo")} />}</Field>
        </div>
        <Field id="ag-commitments" label={m.commitments} hint={m.commitmentsHint} error={e.commitments?.message}>
          {(a) => <textarea {...a} rows={8} {...register("commitments")} />}
        </Field>
        <button type="submit" className="btn" disabled={formState.isSubmitting}>{m.save}</button>
      </FormControls>
    </form>
  );
}
