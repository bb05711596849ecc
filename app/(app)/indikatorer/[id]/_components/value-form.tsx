"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import type { ActionResult } from "@/lib/action-result";
import type { TIndicatorValue } from "@/lib/indicators/schema";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const resolveIndicatorValue = lazyZodResolver<TIndicatorValue>(() => import("@/lib/indicators/schema").then((s) => s.ZIndicatorValue));

/** Records a value for a period and area; a second value for the same pair corrects the first. */
export function ValueForm(props: { indicatorId: string; unit: string | null; defaultPeriod: string; areas: { id: string; name: string }[]; action: (input: unknown) => Promise<ActionResult<void>> }) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const m = useI18n().m.indicatorForms;
  const { register, handleSubmit, formState, setError, reset } = useForm<TIndicatorValue>({
    resolver: resolveIndicatorValue,
    defaultValues: { indicatorId: props.indicatorId, periodKey: props.defaultPeriod, areaId: "", value: "", note: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.action(values);
    if (!result.ok) return applyErrors(result, setError);
    reset({ ...values, value: "", note: "" });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="no-print" data-testid="value-form">
      <FormControls>
        <div className="form-row">
          <Field id="v-period" label={m.period} hint={m.periodHint} error={formState.errors.periodKey?.message}>{(a) => <input {...a} {...register("periodKey")} />}</Field>
          <Field id="v-area" label={m.area} error={formState.errors.areaId?.message}>
            {(a) => (
              <select {...a} {...register("areaId")}>
                <option value="">{m.wholeMunicipality}</option>
                {props.areas.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
              </select>
            )}
          </Field>
          <Field id="v-value" label={props.unit ? fill(m.valueUnit, { unit: props.unit }) : m.value} error={formState.errors.value?.message}>{(a) => <input {...a} inputMode="decimal" {...register("value")} />}</Field>
        </div>
        <Field id="v-note" label={m.note} error={formState.errors.note?.message}>{(a) => <input {...a} {...register("note")} />}</Field>
        {formState.errors.root?.serverError ? <FormError message={formState.errors.root.serverError.message} /> : null}
        <button type="submit" className="btn" disabled={formState.isSubmitting}>{m.record}</button>
      </FormControls>
    </form>
  );
}
