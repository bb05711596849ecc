"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { type AnyAction, useActionSubmit } from "@/components/ui/use-action";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

type Option = { id: string; name: string };
type Observation = { text: string; categoryId: string; areaId: string; place: string };
const EMPTY: Observation = { text: "", categoryId: "", areaId: "", place: "" };

/** A night walk: when, how many, where; each observation may become an incident. */
export function NightWalkForm(props: { municipalityId: string; today: string; areas: Option[]; categories: Option[]; action: AnyAction<{ id: string; incidents: number }> }) {
  const { m: { nightWalkForm: m, common } } = useI18n();
  const [v, setV] = useState({ date: props.today, startTime: "21:00", endTime: "01:00", walkers: "4", route: "" });
  const [areaIds, setAreaIds] = useState<string[]>([]);
  const [obs, setObs] = useState<Observation[]>([]);
  const [done, setDone] = useState("");
  const { pending, errors, submit } = useActionSubmit(props.action, (d) => {
    setDone(d.incidents ? fill(m.doneIncidents, { count: d.incidents }) : m.done);
    setObs([]);
    setV((x) => ({ ...x, route: "" }));
  });
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  const setOb = (i: number, k: keyof Observation) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setObs((list) => list.map((o, j) => (j === i ? { ...o, [k]: e.target.value } : o)));
  const err = (path: string) => errors[path];
  return (
    <form aria-label={m.label} onSubmit={(e) => { e.preventDefault(); setDone(""); submit({ municipalityId: props.municipalityId, ...v, areaIds, observations: obs }); }}>
      <p role="status" aria-live="polite">{done}</p>
      {errors.form ? <FormError message={errors.form} /> : null}
      <FormControls busy={pending}>
        <div className="form-row">
          <Field id="nw-date" label={m.date} error={err("date")}>{(a) => <input {...a} type="date" value={v.date} onChange={set("date")} />}</Field>
          <Field id="nw-start" label={m.from} error={err("startTime")}>{(a) => <input {...a} type="time" value={v.startTime} onChange={set("startTime")} />}</Field>
          <Field id="nw-end" label={m.to} error={err("endTime")}>{(a) => <input {...a} type="time" value={v.endTime} onChange={set("endTime")} />}</Field>
          <Field id="nw-walkers" label={m.walkers} error={err("walkers")}>{(a) => <input {...a} type="number" min={1} max={200} value={v.walkers} onChange={set("walkers")} />}</Field>
        </div>
        <fieldset className="checks">
          <legend>{m.areas}</legend>
          {props.areas.map((a) => (
            <label key={a.id}><input type="checkbox" checked={areaIds.includes(a.id)} onChange={() => setAreaIds((s) => (s.includes(a.id) ? s.filter((x) => x !== a.id) : [...s, a.id]))} />{` ${a.name}`}</label>
          ))}
          <span className="field-error" aria-live="polite">{err("areaIds") ?? ""}</span>
        </fieldset>
        <Field id="nw-route" label={m.route} error={err("route")}>{(a) => <textarea {...a} rows={2} value={v.route} onChange={set("route")} />}</Field>
        <h3>{m.observations}</h3>
        {obs.map((o, i) => (
          <fieldset key={i} className="card" style={{ marginBottom: "0.75rem" }}>
            <legend>{fill(m.observation, { n: i + 1 })}</legend>
            <Field id={`ob-${i}-text`} label={m.whatSeen} error={err(`observations`)}>{(a) => <textarea {...a} rows={2} value={o.text} onChange={setOb(i, "text")} />}</Field>
            <div className="form-row">
              <Field id={`ob-${i}-category`} label={m.asIncident}>
                {(a) => <select {...a} value={o.categoryId} onChange={setOb(i, "categoryId")}><option value="">{m.justObservation}</option>{props.categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select>}
              </Field>
              {o.categoryId ? (
                <>
                  <Field id={`ob-${i}-area`} label={m.area}>{(a) => <select {...a} value={o.areaId} onChange={setOb(i, "areaId")}><option value="">{common.choose}</option>{props.areas.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select>}</Field>
                  <Field id={`ob-${i}-place`} label={m.place}>{(a) => <input {...a} value={o.place} onChange={setOb(i, "place")} />}</Field>
                </>
              ) : null}
            </div>
            <button type="button" className="btn-link" onClick={() => setObs((l) => l.filter((_, j) => j !== i))}>{m.removeObservation}</button>
          </fieldset>
        ))}
        <p><button type="button" className="btn btn-secondary" onClick={() => setObs((l) => [...l, { ...EMPTY }])}>{m.addObservation}</button></p>
        <button className="btn" type="submit" disabled={pending}>{m.submit}</button>
      </FormControls>
    </form>
  );
}
