"use client";

import { useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { ChoiceGroup, Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import type { TInsatsOpen } from "@/lib/insats/schema";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";
import { fill } from "@/lib/i18n/catalogue";

const resolveInsatsOpen = lazyZodResolver<TInsatsOpen>(() => import("@/lib/insats/schema").then((s) => s.ZInsatsOpen));

export function OpenInsatsForm(props: {
  defaults: TInsatsOpen;
  areas: { id: string; name: string }[];
  people: { id: string; name: string; organisation: string }[];
  organisations: { id: string; name: string }[];
  /** Insatser already open, with their areas and the date they opened, formatted. */
  running: { id: string; name: string; since: string; areaIds: string[] }[];
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const { m: { insatsForm: m, common } } = useI18n();
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, formState, control } = useForm<TInsatsOpen>({ resolver: resolveInsatsOpen, defaultValues: props.defaults });
  const e = formState.errors;
  // Warned before sending: an Insats already open in a chosen area is offered instead.
  const chosen = [useWatch({ control, name: "areaIds" }) ?? []].flat();
  const running = props.running.filter((r) => r.areaIds.some((a) => chosen.includes(a)));
  const onSubmit = (values: TInsatsOpen) =>
    startTransition(async () => {
      const result = await props.action(values);
      if (!result.ok) return applyErrors(result, setError);
      router.push(`/groups/${result.data.id}`);
    });
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      {e.root?.serverError ? <FormError message={e.root.serverError.message} /> : null}
      <FormControls busy={pending}>
        <Field id="i-name" label={m.name} error={e.name?.message}>{(a) => <input {...a} {...register("name")} />}</Field>
        <Field id="i-problem" label={m.problem} hint={m.problemHint} error={e.problem?.message}>
          {(a) => <textarea {...a} rows={4} {...register("problem")} />}
        </Field>
        <Field id="i-places" label={m.places} error={e.places?.message}>{(a) => <input {...a} {...register("places")} />}</Field>
        <ChoiceGroup id="i-areas" legend={<strong>{m.areas}</strong>} error={e.areaIds?.message}>
          {props.areas.map((a) => <label key={a.id}><input type="checkbox" value={a.id} {...register("areaIds")} />{` ${a.name}`}</label>)}
        </ChoiceGroup>
        {running.length > 0 ? (
          <div className="alert alert-warn" data-testid="running-insats">
            <ChoiceGroup id="i-duplicate" legend={<strong>{m.runningTitle}</strong>} error={e.confirmDuplicate?.message}>
              <ul>{running.map((r) => <li key={r.id}><Link href={`/groups/${r.id}`}>{fill(m.openRunning, { name: r.name, since: r.since })}</Link></li>)}</ul>
              <label><input type="checkbox" {...register("confirmDuplicate")} />{` ${m.confirmDuplicate}`}</label>
            </ChoiceGroup>
          </div>
        ) : null}
        <div className="form-row">
          <Field id="i-end" label={m.plannedEnd} hint={m.plannedEndHint} error={e.plannedEndDate?.message}>{(a) => <input {...a} type="date" {...register("plannedEndDate")} />}</Field>
          <Field id="i-cadence" label={m.cadence} error={e.cadence?.message}>
            {(a) => (
              <select {...a} {...register("cadence")}>
                <option value="TWICE_WEEKLY">{m.cadences.TWICE_WEEKLY}</option>
                <option value="WEEKLY">{m.cadences.WEEKLY}</option>
                <option value="AD_HOC">{m.cadences.AD_HOC}</option>
              </select>
            )}
          </Field>
          <Field id="i-weekday" label={m.firstDay} error={e.weekday?.message}>
            {(a) => (
              <select {...a} {...register("weekday")}>
                {m.weekdays.map((d, i) => <option key={d} value={i + 1}>{d}</option>)}
              </select>
            )}
          </Field>
          <Field id="i-time" label={m.time} error={e.time?.message}>{(a) => <input {...a} type="time" {...register("time")} />}</Field>
        </div>
        <ChoiceGroup id="i-members" legend={<><strong>{m.invite}</strong>{` ${m.inviteAll}`}</>} error={e.memberIds?.message} scroll="14rem">
          {props.people.map((p) => <label key={p.id}><input type="checkbox" value={p.id} {...register("memberIds")} />{` ${p.name} (${p.organisation})`}</label>)}
        </ChoiceGroup>
        <div className="form-row">
          <Field id="i-invite" label={m.inviteEmail} hint={m.inviteEmailHint} error={e.inviteEmails?.message}>
            {(a) => <textarea {...a} rows={2} {...register("inviteEmails")} />}
          </Field>
          <Field id="i-invite-org" label={m.inviteOrg} error={e.inviteOrganisationId?.message}>
            {(a) => (
              <select {...a} {...register("inviteOrganisationId")}>
                <option value="">{common.choose}</option>
                {props.organisations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            )}
          </Field>
        </div>
        <button type="submit" className="btn" disabled={pending}>{pending ? m.starting : m.start}</button>
      </FormControls>
    </form>
  );
}
