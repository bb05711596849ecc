"use client";

import { useState } from "react";
import Link from "next/link";
import { Field } from "@/components/ui/field";
import { type AnyAction, useActionSubmit } from "@/components/ui/use-action";
import { CADENCES } from "@/lib/meetings/codes";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const CADENCE_CODES = Object.keys(CADENCES) as (keyof typeof CADENCES)[];

type Cadence = { cadence: string; weekday: string; time: string; minutes: string; reminderLeadHours: string; reportingWeekday: string; summerFrom: string; summerTo: string };

/** Change the cadence from a date on (the meetings from then are laid out again). */
export function CadenceForm(props: { groupId: string; initial: Cadence; today: string; isVecko: boolean; withBreak: boolean; action: AnyAction<{ meetings: number }> }) {
  const m = useI18n().m.calendarForms;
  const [v, setV] = useState({ ...props.initial, fromDate: props.today });
  const [done, setDone] = useState("");
  const { pending, errors, submit } = useActionSubmit(props.action, (d) => setDone(fill(m.cadenceChanged, { count: d.meetings })));
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  return (
    <form aria-label={m.changeCadence} onSubmit={(e) => { e.preventDefault(); setDone(""); submit({ groupId: props.groupId, ...v }); }}>
      <p role="status" aria-live="polite">{done}</p>
      {errors.form ? <FormError message={errors.form} /> : null}
      <FormControls busy={pending}>
        <div className="form-row">
          <Field id="c-cadence" label={m.cadence} error={errors.cadence}>
            {(a) => <select {...a} value={v.cadence} onChange={set("cadence")}>{CADENCE_CODES.map((k) => <option key={k} value={k}>{m.cadences[k]}</option>)}</select>}
          </Field>
          <Field id="c-weekday" label={m.weekday} error={errors.weekday}>
            {(a) => <select {...a} value={v.weekday} onChange={set("weekday")}>{m.weekdays.map((d, i) => <option key={d} value={i + 1}>{d}</option>)}</select>}
          </Field>
          <Field id="c-time" label={m.time} error={errors.time}>{(a) => <input {...a} type="time" value={v.time} onChange={set("time")} />}</Field>
          <Field id="c-minutes" label={m.length} error={errors.minutes}>{(a) => <input {...a} type="number" min={15} max={480} value={v.minutes} onChange={set("minutes")} />}</Field>
        </div>
        <div className="form-row">
          <Field id="c-from" label={m.from} error={errors.fromDate} hint={m.fromHint}>{(a) => <input {...a} type="date" value={v.fromDate} onChange={set("fromDate")} />}</Field>
          <Field id="c-lead" label={m.lead} error={errors.reminderLeadHours}>{(a) => <input {...a} type="number" min={1} max={336} value={v.reminderLeadHours} onChange={set("reminderLeadHours")} />}</Field>
          {props.isVecko ? (
            <Field id="c-report" label={m.reportingDay} error={errors.reportingWeekday} hint={m.reportingHint}>
              {(a) => (
                <select {...a} value={v.reportingWeekday} onChange={set("reportingWeekday")}>
                  <option value="">{m.dayBefore}</option>
                  {m.weekdays.map((d, i) => <option key={d} value={i + 1}>{d}</option>)}
                </select>
              )}
            </Field>
          ) : null}
        </div>
        {props.withBreak ? (
          <fieldset className="form-row" aria-describedby="c-summer-hint">
            <legend>{m.summerBreak}</legend>
            <span className="hint" id="c-summer-hint">{m.summerHint}</span>
            <Field id="c-summer-from" label={m.summerFrom} error={errors.summerFrom}>{(a) => <input {...a} type="number" min={1} max={53} inputMode="numeric" value={v.summerFrom} onChange={set("summerFrom")} />}</Field>
            <Field id="c-summer-to" label={m.summerTo} error={errors.summerTo}>{(a) => <input {...a} type="number" min={1} max={53} inputMode="numeric" value={v.summerTo} onChange={set("summerTo")} />}</Field>
          </fieldset>
        ) : null}
        <button className="btn" type="submit" disabled={pending}>{m.changeCadence}</button>
      </FormControls>
    </form>
  );
}

/** An extra meeting outside the cadence. */
export function AddMeetingForm(props: { groupId: string; today: string; time: string; minutes: number; action: AnyAction<{ id: string; overlaps: string[] }> }) {
  const m = useI18n().m.calendarForms;
  const [v, setV] = useState({ date: props.today, time: props.time, minutes: String(props.minutes), location: "" });
  const [done, setDone] = useState<{ id: string; overlaps: string[] } | null>(null);
  const { pending, errors, submit } = useActionSubmit(props.action, setDone);
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  return (
    <form aria-label={m.addMeeting} onSubmit={(e) => { e.preventDefault(); setDone(null); submit({ groupId: props.groupId, ...v }); }}>
      <div role="status" aria-live="polite">
        {done ? (
          <p className={done.overlaps.length ? "alert alert-warn" : "alert alert-info"}>
            {`${m.added} `}<Link href={`/moten/${done.id}`}>{m.open}</Link>{"."}{done.overlaps.length ? ` ${fill(m.addedClash, { list: done.overlaps.join(", ") })}` : ""}
          </p>
        ) : null}
      </div>
      {errors.form ? <FormError message={errors.form} /> : null}
      <FormControls busy={pending}>
        <div className="form-row">
          <Field id="a-date" label={m.date} error={errors.date}>{(a) => <input {...a} type="date" value={v.date} onChange={set("date")} />}</Field>
          <Field id="a-time" label={m.time} error={errors.time}>{(a) => <input {...a} type="time" value={v.time} onChange={set("time")} />}</Field>
          <Field id="a-minutes" label={m.minutes} error={errors.minutes}>{(a) => <input {...a} type="number" min={15} max={480} value={v.minutes} onChange={set("minutes")} />}</Field>
          <Field id="a-location" label={m.location} error={errors.location}>{(a) => <input {...a} value={v.location} onChange={set("location")} />}</Field>
        </div>
        <button className="btn btn-secondary" type="submit" disabled={pending}>{m.addMeeting}</button>
      </FormControls>
    </form>
  );
}
