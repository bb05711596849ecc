"use client";

import { useState } from "react";
import Link from "next/link";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { type AnyAction, useActionSubmit } from "@/components/ui/use-action";
import { CADENCES } from "@/lib/meetings/schema";

const WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"];

type Cadence = { cadence: string; weekday: string; time: string; minutes: string; reminderLeadHours: string; reportingWeekday: string };

/** Change the cadence from a date on (the meetings from then are laid out again). */
export function CadenceForm(props: { groupId: string; initial: Cadence; today: string; isVecko: boolean; action: AnyAction<{ meetings: number }> }) {
  const hydrated = useHydrated();
  const [v, setV] = useState({ ...props.initial, fromDate: props.today });
  const [done, setDone] = useState("");
  const { pending, errors, submit } = useActionSubmit(props.action, (d) => setDone(`Mötesrytmen är ändrad: ${d.meetings} möten utlagda för de kommande tolv månaderna.`));
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  return (
    <form aria-label="Ändra mötesrytm" onSubmit={(e) => { e.preventDefault(); setDone(""); submit({ groupId: props.groupId, ...v }); }}>
      <p role="status" aria-live="polite">{done}</p>
      {errors.form ? <div className="alert alert-error">{errors.form}</div> : null}
      <fieldset disabled={pending}>
        <div className="form-row">
          <Field id="c-cadence" label="Mötesrytm" error={errors.cadence}>
            {(a) => <select {...a} value={v.cadence} onChange={set("cadence")}>{Object.entries(CADENCES).map(([k, l]) => <option key={k} value={k}>{l}</option>)}</select>}
          </Field>
          <Field id="c-weekday" label="Veckodag" error={errors.weekday}>
            {(a) => <select {...a} value={v.weekday} onChange={set("weekday")}>{WEEKDAYS.map((d, i) => <option key={d} value={i + 1}>{d}</option>)}</select>}
          </Field>
          <Field id="c-time" label="Tid (svensk tid)" error={errors.time}>{(a) => <input {...a} type="time" value={v.time} onChange={set("time")} />}</Field>
          <Field id="c-minutes" label="Längd i minuter" error={errors.minutes}>{(a) => <input {...a} type="number" min={15} max={480} value={v.minutes} onChange={set("minutes")} />}</Field>
        </div>
        <div className="form-row">
          <Field id="c-from" label="Gäller från och med" error={errors.fromDate} hint="Senare möten utan protokoll läggs ut på nytt.">{(a) => <input {...a} type="date" value={v.fromDate} onChange={set("fromDate")} />}</Field>
          <Field id="c-lead" label="Påminnelse, timmar före" error={errors.reminderLeadHours}>{(a) => <input {...a} type="number" min={1} max={336} value={v.reminderLeadHours} onChange={set("reminderLeadHours")} />}</Field>
          {props.isVecko ? (
            <Field id="c-report" label="Rapportdag" error={errors.reportingWeekday} hint="Då påminns organisationer som inte har rapporterat.">
              {(a) => (
                <select {...a} value={v.reportingWeekday} onChange={set("reportingWeekday")}>
                  <option value="">Dagen före mötet</option>
                  {WEEKDAYS.map((d, i) => <option key={d} value={i + 1}>{d}</option>)}
                </select>
              )}
            </Field>
          ) : null}
        </div>
        <button className="btn" type="submit" disabled={!hydrated || pending}>Ändra mötesrytm</button>
      </fieldset>
    </form>
  );
}

/** An extra meeting outside the cadence. */
export function AddMeetingForm(props: { groupId: string; today: string; time: string; minutes: number; action: AnyAction<{ id: string; overlaps: string[] }> }) {
  const hydrated = useHydrated();
  const [v, setV] = useState({ date: props.today, time: props.time, minutes: String(props.minutes), location: "" });
  const [done, setDone] = useState<{ id: string; overlaps: string[] } | null>(null);
  const { pending, errors, submit } = useActionSubmit(props.action, setDone);
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  return (
    <form aria-label="Lägg till möte" onSubmit={(e) => { e.preventDefault(); setDone(null); submit({ groupId: props.groupId, ...v }); }}>
      <div role="status" aria-live="polite">
        {done ? (
          <p className={done.overlaps.length ? "alert alert-warn" : "alert alert-info"}>
            Mötet är tillagt. <Link href={`/moten/${done.id}`}>Öppna det</Link>.{done.overlaps.length ? ` Det krockar med gruppens möte ${done.overlaps.join(", ")}.` : ""}
          </p>
        ) : null}
      </div>
      {errors.form ? <div className="alert alert-error">{errors.form}</div> : null}
      <fieldset disabled={pending}>
        <div className="form-row">
          <Field id="a-date" label="Datum" error={errors.date}>{(a) => <input {...a} type="date" value={v.date} onChange={set("date")} />}</Field>
          <Field id="a-time" label="Tid (svensk tid)" error={errors.time}>{(a) => <input {...a} type="time" value={v.time} onChange={set("time")} />}</Field>
          <Field id="a-minutes" label="Minuter" error={errors.minutes}>{(a) => <input {...a} type="number" min={15} max={480} value={v.minutes} onChange={set("minutes")} />}</Field>
          <Field id="a-location" label="Plats (valfritt)" error={errors.location}>{(a) => <input {...a} value={v.location} onChange={set("location")} />}</Field>
        </div>
        <button className="btn btn-secondary" type="submit" disabled={!hydrated || pending}>Lägg till möte</button>
      </fieldset>
    </form>
  );
}
