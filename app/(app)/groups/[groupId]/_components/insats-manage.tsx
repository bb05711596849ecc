"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useActionSubmit } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action-result";

type Action = (input: unknown) => Promise<ActionResult<undefined>>;
type OpenMeasure = { id: string; title: string };
const DECISIONS = [["HAND_OVER", "Lämna över till EST Vecko"], ["CANCEL", "Avbryt"], ["KEEP", "Behåll som den är"]] as const;

export function ExtendInsatsForm({ groupId, action }: { groupId: string; action: Action }) {
  const hydrated = useHydrated();
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("");
  const { pending, errors, submit } = useActionSubmit(action, () => setReason(""));
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit({ groupId, plannedEndDate: date, reason }); }} aria-label="Förläng insatsen">
      {errors.form ? <div className="alert alert-error">{errors.form}</div> : null}
      <fieldset disabled={pending}>
        <div className="form-row">
          <Field id="x-date" label="Nytt slutdatum" error={errors.plannedEndDate}>{(a) => <input {...a} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
          <Field id="x-reason" label="Varför förlängs insatsen?" error={errors.reason}>{(a) => <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
        </div>
        <button className="btn btn-secondary" type="submit" disabled={!hydrated || pending}>Förläng</button>
      </fieldset>
    </form>
  );
}

export function CloseInsatsForm({ groupId, openMeasures, action }: { groupId: string; openMeasures: OpenMeasure[]; action: Action }) {
  const hydrated = useHydrated();
  const [outcome, setOutcome] = useState("");
  const [lessons, setLessons] = useState("");
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  const { pending, errors, submit } = useActionSubmit(action, () => undefined);
  return (
    <form
      aria-label="Avsluta insatsen"
      onSubmit={(e) => {
        e.preventDefault();
        submit({ groupId, outcome, lessons, openMeasures: openMeasures.filter((m) => decisions[m.id]).map((m) => ({ id: m.id, decision: decisions[m.id] })) });
      }}
    >
      {errors.form ? <div className="alert alert-error">{errors.form}</div> : null}
      <fieldset disabled={pending}>
        <Field id="c-outcome" label="Vad ledde insatsen till?" error={errors.outcome}>{(a) => <textarea {...a} rows={3} value={outcome} onChange={(e) => setOutcome(e.target.value)} />}</Field>
        <Field id="c-lessons" label="Lärdomar (valfritt)" error={errors.lessons}>{(a) => <textarea {...a} rows={2} value={lessons} onChange={(e) => setLessons(e.target.value)} />}</Field>
        {openMeasures.length ? (
          <div className="field">
            <strong>Öppna åtgärder – vad händer med dem?</strong>
            {openMeasures.map((m) => (
              <label key={m.id} className="form-row">
                <span>{m.title}</span>
                <select aria-label={`Beslut för ${m.title}`} value={decisions[m.id] ?? ""} onChange={(e) => setDecisions((d) => ({ ...d, [m.id]: e.target.value }))}>
                  <option value="">Välj …</option>
                  {DECISIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                </select>
              </label>
            ))}
            <span className="field-error" aria-live="polite">{errors.openMeasures ?? ""}</span>
          </div>
        ) : null}
        <button className="btn" type="submit" disabled={!hydrated || pending}>Avsluta insatsen med slutrapport</button>
      </fieldset>
    </form>
  );
}

export function FollowUpForm({ measureId, title, action }: { measureId: string; title: string; action: Action }) {
  const hydrated = useHydrated();
  const [text, setText] = useState("");
  const { pending, errors, submit } = useActionSubmit(action, () => setText(""));
  return (
    <form className="toolbar" onSubmit={(e) => { e.preventDefault(); submit({ measureId, text }); }} aria-label={`Uppföljning av ${title}`}>
      <input aria-label={`Uppföljning av ${title}`} placeholder="Vad har hänt?" value={text} onChange={(e) => setText(e.target.value)} disabled={pending} style={{ flex: 1, minWidth: "12rem" }} />
      <button className="btn btn-secondary" type="submit" disabled={!hydrated || pending}>Lägg till uppföljning</button>
      <span className="field-error" aria-live="polite">{errors.text ?? errors.form ?? ""}</span>
    </form>
  );
}
