"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import type { ActionResult } from "@/lib/action-result";
import type { TReportingDays, TReportingPause } from "@/lib/coverage/schema";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import { FormControls } from "@/components/ui/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormError } from "@/components/ui/form-error";

type Action = (input: unknown) => Promise<ActionResult<void>>;
const resolveDays = lazyZodResolver<TReportingDays>(() => import("@/lib/coverage/schema").then((s) => s.ZReportingDays));
const resolvePause = lazyZodResolver<TReportingPause>(() => import("@/lib/coverage/schema").then((s) => s.ZReportingPause));

/** When an organisation is expected to report: a start (empty: from its first report) and a last day. */
export function ReportingDaysForm(props: { organisationId: string; organisation: string; start: string; lastDay: string; action: Action }) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const m = useI18n().m.reportingDays;
  const { register, handleSubmit, formState, setError } = useForm<TReportingDays>({
    resolver: resolveDays,
    defaultValues: { organisationId: props.organisationId, start: props.start, lastDay: props.lastDay },
  });
  const e = formState.errors;
  const id = (name: string) => `rd-${props.organisationId}-${name}`;
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.action(values);
    if (!result.ok) return applyErrors(result, setError);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`${m.days}: ${props.organisation}`}>
      <FormControls busy={formState.isSubmitting}>
        {e.root?.serverError ? <FormError message={e.root.serverError.message} /> : null}
        <div className="form-row">
          <Field id={id("start")} label={m.start} hint={m.startHint} error={e.start?.message}>{(a) => <input {...a} type="date" {...register("start")} />}</Field>
          <Field id={id("last")} label={m.lastDay} hint={m.lastDayHint} error={e.lastDay?.message}>{(a) => <input {...a} type="date" {...register("lastDay")} />}</Field>
        </div>
        <button type="submit" className="btn btn-secondary">{m.saveDays}</button>
      </FormControls>
    </form>
  );
}

/** Adds days an organisation is not expected to report (a school's summer break). */
export function ReportingPauseForm(props: { organisationId: string; organisation: string; action: Action }) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const m = useI18n().m.reportingDays;
  const { register, handleSubmit, formState, setError, reset } = useForm<TReportingPause>({
    resolver: resolvePause,
    defaultValues: { organisationId: props.organisationId, from: "", to: "", reason: "" },
  });
  const e = formState.errors;
  const id = (name: string) => `rp-${props.organisationId}-${name}`;
  const onSubmit = handleSubmit(async (values) => {
    const result = await props.action(values);
    if (!result.ok) return applyErrors(result, setError);
    reset();
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`${m.addPause}: ${props.organisation}`}>
      <FormControls busy={formState.isSubmitting}>
        {e.root?.serverError ? <FormError message={e.root.serverError.message} /> : null}
        <div className="form-row">
          <Field id={id("from")} label={m.pauseFrom} error={e.from?.message}>{(a) => <input {...a} type="date" {...register("from")} />}</Field>
          <Field id={id("to")} label={m.pauseTo} error={e.to?.message}>{(a) => <input {...a} type="date" {...register("to")} />}</Field>
          <Field id={id("reason")} label={m.pauseReason} error={e.reason?.message}>{(a) => <input {...a} {...register("reason")} />}</Field>
        </div>
        <button type="submit" className="btn btn-secondary">{m.addPause}</button>
      </FormControls>
    </form>
  );
}
