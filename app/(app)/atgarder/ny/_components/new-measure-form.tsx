"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import type { ActionResult } from "@/lib/action-result";
import type { TMeasureCreate } from "@/lib/measures/schema";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { ChoiceGroup, Field } from "@/components/ui/field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const resolveMeasureCreate = lazyZodResolver<TMeasureCreate>(() => import("@/lib/measures/schema").then((s) => s.ZMeasureCreate));

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
  const applyErrors = useApplyActionErrors();
  const { m: { measureFormFull: m, common } } = useI18n();
  const { register, handleSubmit, formState, setError } = useForm<TMeasureCreate>({ resolver: resolveMeasureCreate, defaultValues: props.defaults });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.action(values);
    if (!result.ok) return applyErrors(result, setError);
    router.push(`/atgarder/${result.data.id}`);
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormControls>
        {e.root?.serverError ? <FormError message={e.root.serverError.message} /> : null}
        <Field id="n-title" label={m.title} error={e.title?.message}>{(a) => <input {...a} {...register("title")} />}</Field>
        <Field id="n-desc" label={m.description} error={e.description?.message}>{(a) => <textarea {...a} rows={3} {...register("description")} />}</Field>
        <div className="form-row">
          <Field id="n-owner" label={m.ownerOrg} error={e.ownerOrgId?.message}>
            {(a) => <select {...a} {...register("ownerOrgId")}><option value="">{common.choose}</option>{props.organisations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}</select>}
          </Field>
          <Field id="n-resp" label={m.responsible} error={e.responsibleName?.message}>{(a) => <input {...a} {...register("responsibleName")} />}</Field>
          <Field id="n-kind" label={m.kind} error={e.kind?.message}>
            {(a) => <select {...a} {...register("kind")}><option value="SHORT_TERM">{m.shortTerm}</option><option value="LONG_TERM">{m.longTerm}</option></select>}
          </Field>
        </div>
        <ChoiceGroup id="n-participants" legend={<><strong>{m.participants}</strong>{` ${m.joint}`}</>} error={e.participantOrgIds?.message} scroll="10rem">
          {props.organisations.map((o) => <label key={o.id}><input type="checkbox" value={o.id} {...register("participantOrgIds")} />{` ${o.name}`}</label>)}
        </ChoiceGroup>
        <div className="form-row">
          <Field id="n-area" label={m.area} error={e.areaId?.message}>
            {(a) => <select {...a} {...register("areaId")}><option value="">{m.noArea}</option>{props.areas.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}</select>}
          </Field>
          <Field id="n-place" label={m.place} error={e.place?.message}>{(a) => <input {...a} {...register("place")} />}</Field>
          <Field id="n-start" label={m.start} error={e.startDate?.message}>{(a) => <input {...a} type="date" {...register("startDate")} />}</Field>
          <Field id="n-due" label={m.due} error={e.dueDate?.message}>{(a) => <input {...a} type="date" {...register("dueDate")} />}</Field>
        </div>
        <div className="form-row">
          <Field id="n-goal" label={m.goal} error={e.goalId?.message}>
            {(a) => <select {...a} {...register("goalId")}><option value="">{m.noGoal}</option>{props.goals.map((g) => <option key={g.id} value={g.id}>{g.label}</option>)}</select>}
          </Field>
          <Field id="n-group" label={props.groupRequired ? m.group : m.groupOptional} error={e.groupId?.message}>
            {(a) => <select {...a} {...register("groupId")}>{props.groupRequired ? null : <option value="">{m.noGroup}</option>}{props.groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}</select>}
          </Field>
        </div>
        <button type="submit" className="btn" disabled={formState.isSubmitting}>{formState.isSubmitting ? common.saving : m.submit}</button>
      </FormControls>
    </form>
  );
}
