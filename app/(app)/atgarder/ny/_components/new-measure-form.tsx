"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionResult } from "@/lib/action-result";
import { ZMeasureCreate, type TMeasureCreate } from "@/lib/measures/schema";
import { applyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";

type Option = { id: string; name: string };

export function NewMeasureForm(props: {
  defaults: TMeasureCreate;
  areas: Option[];
  organisations: Option[];
  goals: { id: string; label: string }[];
  groups: Option[];
  groupRequired: boolean;
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const { register, handleSubmit, formState, setError } = useForm<TMeasureCreate>({ resolver: zodResolver(ZMeasureCreate), defaultValues: props.defaults });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.action(values);
    if (!result.ok) return applyActionErrors(result, setError);
    router.push(`/atgarder/${result.data.id}`);
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      {e.root?.serverError ? <div className="alert alert-error" role="alert">{e.root.serverError.message}</div> : null}
      <Field id="n-title" label="Åtgärd" error={e.title?.message}>{(a) => <input {...a} {...register("title")} />}</Field>
      <Field id="n-desc" label="Beskrivning (valfri)" error={e.description?.message}>{(a) => <textarea {...a} rows={3} {...register("description")} />}</Field>
      <div className="form-row">
        <Field id="n-owner" label="Ansvarig organisation" error={e.ownerOrgId?.message}>
          {(a) => <select {...a} {...register("ownerOrgId")}><option value="">Välj …</option>{props.organisations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}</select>}
        </Field>
        <Field id="n-resp" label="Ansvarig person (valfri)" error={e.responsibleName?.message}>{(a) => <input {...a} {...register("responsibleName")} />}</Field>
        <Field id="n-kind" label="Typ" error={e.kind?.message}>
          {(a) => <select {...a} {...register("kind")}><option value="SHORT_TERM">Kortsiktig</option><option value="LONG_TERM">Långsiktig</option></select>}
        </Field>
      </div>
      <fieldset className="field">
        <legend><strong>Deltagande organisationer</strong> (gemensam åtgärd)</legend>
        <div className="checks" style={{ maxHeight: "10rem", overflowY: "auto" }}>
          {props.organisations.map((o) => <label key={o.id}><input type="checkbox" value={o.id} {...register("participantOrgIds")} /> {o.name}</label>)}
        </div>
        <span className="field-error" aria-live="polite">{e.participantOrgIds?.message ?? ""}</span>
      </fieldset>
      <div className="form-row">
        <Field id="n-area" label="Kommundel" error={e.areaId?.message}>
          {(a) => <select {...a} {...register("areaId")}><option value="">Ingen särskild</option>{props.areas.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}</select>}
        </Field>
        <Field id="n-place" label="Plats (valfri)" error={e.place?.message}>{(a) => <input {...a} {...register("place")} />}</Field>
        <Field id="n-start" label="Start" error={e.startDate?.message}>{(a) => <input {...a} type="date" {...register("startDate")} />}</Field>
        <Field id="n-due" label="Klart senast" error={e.dueDate?.message}>{(a) => <input {...a} type="date" {...register("dueDate")} />}</Field>
      </div>
      <div className="form-row">
        <Field id="n-goal" label="Bidrar till mål (valfritt)" error={e.goalId?.message}>
          {(a) => <select {...a} {...register("goalId")}><option value="">Inget</option>{props.goals.map((g) => <option key={g.id} value={g.id}>{g.label}</option>)}</select>}
        </Field>
        <Field id="n-group" label={props.groupRequired ? "Grupp" : "Grupp (valfri)"} error={e.groupId?.message}>
          {(a) => <select {...a} {...register("groupId")}>{props.groupRequired ? null : <option value="">Ingen</option>}{props.groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}</select>}
        </Field>
      </div>
      <button type="submit" className="btn" disabled={!hydrated || formState.isSubmitting}>{formState.isSubmitting ? "Sparar …" : "Lägg till åtgärden"}</button>
    </form>
  );
}
