"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { useActionSubmit } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action-result";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

type Action = (input: unknown) => Promise<ActionResult<undefined>>;
type OpenMeasure = { id: string; title: string };
const DECISIONS = ["HAND_OVER", "CANCEL", "KEEP"] as const;

export function ExtendInsatsForm({ groupId, action }: { groupId: string; action: Action }) {
  const m = useI18n().m.insatsManage;
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("");
  const { pending, errors, submit } = useActionSubmit(action, () => setReason(""));
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit({ groupId, plannedEndDate: date, reason }); }} aria-label={m.extendLabel}>
      {errors.form ? <FormError message={errors.form} /> : null}
      <FormControls busy={pending}>
        <div className="form-row">
          <Field id="x-date" label={m.newEnd} error={errors.plannedEndDate}>{(a) => <input {...a} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
          <Field id="x-reason" label={m.extendReason} error={errors.reason}>{(a) => <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
        </div>
        <button className="btn btn-secondary" type="submit" disabled={pending}>{m.extend}</button>
      </FormControls>
    </form>
  );
}

export function CloseInsatsForm({ groupId, openMeasures, action }: { groupId: string; openMeasures: OpenMeasure[]; action: Action }) {
  const { m: { insatsManage: t, common } } = useI18n();
  const [outcome, setOutcome] = useState("");
  const [lessons, setLessons] = useState("");
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  const { pending, errors, submit } = useActionSubmit(action, () => undefined);
  return (
    <form
      aria-label={t.closeLabel}
      onSubmit={(e) => {
        e.preventDefault();
        submit({ groupId, outcome, lessons, openMeasures: openMeasures.filter((m) => decisions[m.id]).map((m) => ({ id: m.id, decision: decisions[m.id] })) });
      }}
    >
      {errors.form ? <FormError message={errors.form} /> : null}
      <FormControls busy={pending}>
        <Field id="c-outcome" label={t.outcome} error={errors.outcome}>{(a) => <textarea {...a} rows={3} value={outcome} onChange={(e) => setOutcome(e.target.value)} />}</Field>
        <Field id="c-lessons" label={t.lessons} error={errors.lessons}>{(a) => <textarea {...a} rows={2} value={lessons} onChange={(e) => setLessons(e.target.value)} />}</Field>
        {openMeasures.length ? (
          <div className="field">
            <strong>{t.openMeasures}</strong>
            {openMeasures.map((m) => (
              <label key={m.id} className="form-row">
                <span>{m.title}</span>
                <select aria-label={fill(t.decisionFor, { title: m.title })} value={decisions[m.id] ?? ""} onChange={(e) => setDecisions((d) => ({ ...d, [m.id]: e.target.value }))}>
                  <option value="">{common.choose}</option>
                  {DECISIONS.map((v) => <option key={v} value={v}>{t.decisions[v]}</option>)}
                </select>
              </label>
            ))}
            <span className="field-error" aria-live="polite">{errors.openMeasures ?? ""}</span>
          </div>
        ) : null}
        <button className="btn" type="submit" disabled={pending}>{t.close}</button>
      </FormControls>
    </form>
  );
}

export function FollowUpForm({ measureId, title, action }: { measureId: string; title: string; action: Action }) {
  const m = useI18n().m.insatsManage;
  const [text, setText] = useState("");
  const { pending, errors, submit } = useActionSubmit(action, () => setText(""));
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit({ measureId, text }); }} aria-label={fill(m.followUpOf, { title })}>
      <FormControls busy={pending} className="toolbar">
        <input aria-label={fill(m.followUpOf, { title })} placeholder={m.whatHappened} value={text} onChange={(e) => setText(e.target.value)} style={{ flex: 1, minWidth: "12rem" }} />
        <button className="btn btn-secondary" type="submit" disabled={pending}>{m.addFollowUp}</button>
        <span className="field-error" aria-live="polite">{errors.text ?? errors.form ?? ""}</span>
      </FormControls>
    </form>
  );
}
