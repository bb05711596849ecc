"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionResult } from "@/lib/action-result";
import { ZIndicator, type TIndicator } from "@/lib/indicators/schema";
import { applyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";

/** Defines (or changes) a nämnd's indicator: unit, direction, baseline, target and milestones. */
export function IndicatorForm(props: { defaults: TIndicator; boards: string[]; action: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const { register, handleSubmit, formState, setError } = useForm<TIndicator>({ resolver: zodResolver(ZIndicator), defaultValues: props.defaults });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.action(values);
    if (!result.ok) return applyActionErrors(result, setError);
    router.push(`/indikatorer/${result.data.id}`);
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      {e.root?.serverError ? <div className="alert alert-error" role="alert">{e.root.serverError.message}</div> : null}
      <div className="form-row">
        <Field id="i-board" label="Nämnd" error={e.ownerBoard?.message}>{(a) => <input {...a} list="boards" {...register("ownerBoard")} />}</Field>
        <Field id="i-name" label="Indikator" error={e.name?.message}>{(a) => <input {...a} {...register("name")} />}</Field>
      </div>
      <datalist id="boards">{props.boards.map((b) => <option key={b} value={b} />)}</datalist>
      <Field id="i-def" label="Definition" hint="Vad mäts, hur och av vem?" error={e.definition?.message}>{(a) => <textarea {...a} rows={3} {...register("definition")} />}</Field>
      <div className="form-row">
        <Field id="i-unit" label="Enhet" error={e.unit?.message}>
          {(a) => <select {...a} {...register("unit")}><option value="%">Procent (%)</option><option value="st">Antal (st)</option><option value="index">Index</option><option value="kr">Kronor</option></select>}
        </Field>
        <Field id="i-dir" label="Riktning" error={e.direction?.message}>
          {(a) => <select {...a} {...register("direction")}><option value="HIGHER_IS_BETTER">Högre är bättre</option><option value="LOWER_IS_BETTER">Lägre är bättre</option></select>}
        </Field>
        <Field id="i-byear" label="Utgångsår" error={e.baselineYear?.message}>{(a) => <input {...a} inputMode="numeric" {...register("baselineYear")} />}</Field>
        <Field id="i-base" label="Utgångsvärde" error={e.baseline?.message}>{(a) => <input {...a} inputMode="decimal" {...register("baseline")} />}</Field>
        <Field id="i-target" label="Mål 2030" error={e.target?.message}>{(a) => <input {...a} inputMode="decimal" {...register("target")} />}</Field>
      </div>
      <Field id="i-miles" label="Delmål" hint="T.ex. ”2025: 40; 2030: 50”" error={e.milestones?.message}>{(a) => <input {...a} {...register("milestones")} />}</Field>
      <button type="submit" className="btn" disabled={!hydrated || formState.isSubmitting}>Spara indikatorn</button>
    </form>
  );
}
