"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import { useAutosave } from "@/components/ui/use-autosave";
import { type AnyAction, useActionSubmit } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action-result";
import type { TDecision } from "@/lib/meetings/schema";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const resolveDecision = lazyZodResolver<TDecision>(() => import("@/lib/meetings/schema").then((s) => s.ZDecision));

type Option = { id: string; name: string };

/** Move the meeting (date, time, length, place), or cancel it with a reason. */
export function MeetingTools(props: { meetingId: string; date: string; time: string; minutes: number; location: string; move: AnyAction<{ overlaps: string[] }>; cancel: AnyAction }) {
  const m = useI18n().m.meetingForms;
  const [v, setV] = useState({ date: props.date, time: props.time, minutes: String(props.minutes), location: props.location });
  const [reason, setReason] = useState("");
  const [notice, setNotice] = useState("");
  const [clash, setClash] = useState(false);
  const move = useActionSubmit(props.move, (d) => {
    setClash(d.overlaps.length > 0);
    setNotice(d.overlaps.length ? fill(m.movedClash, { list: d.overlaps.join(", ") }) : m.moved);
  });
  const cancel = useActionSubmit(props.cancel);
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  return (
    <div className="grid">
      <form aria-label={m.move} onSubmit={(e) => { e.preventDefault(); move.submit({ meetingId: props.meetingId, ...v }); }}>
        <p role="status" aria-live="polite" className={clash ? "alert alert-warn" : undefined}>{notice}</p>
        {move.errors.form ? <FormError message={move.errors.form} /> : null}
        <FormControls busy={move.pending}>
          <div className="form-row">
            <Field id="mv-date" label={m.date} error={move.errors.date}>{(a) => <input {...a} type="date" value={v.date} onChange={set("date")} />}</Field>
            <Field id="mv-time" label={m.time} error={move.errors.time}>{(a) => <input {...a} type="time" value={v.time} onChange={set("time")} />}</Field>
            <Field id="mv-minutes" label={m.minutes} error={move.errors.minutes}>{(a) => <input {...a} type="number" min={15} max={480} value={v.minutes} onChange={set("minutes")} />}</Field>
          </div>
          <Field id="mv-location" label={m.location} error={move.errors.location}>{(a) => <input {...a} value={v.location} onChange={set("location")} />}</Field>
          <button className="btn btn-secondary" type="submit" disabled={move.pending}>{m.saveTime}</button>
        </FormControls>
      </form>
      <form aria-label={m.cancel} onSubmit={(e) => { e.preventDefault(); cancel.submit({ meetingId: props.meetingId, reason }); }}>
        {cancel.errors.form ? <FormError message={cancel.errors.form} /> : null}
        <FormControls busy={cancel.pending}>
          <Field id="cx-reason" label={m.cancelReason} error={cancel.errors.reason} hint={m.cancelHint}>
            {(a) => <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button className="btn btn-danger" type="submit" disabled={cancel.pending}>{m.cancel}</button>
        </FormControls>
      </form>
    </div>
  );
}

export function AgendaAddForm({ meetingId, action }: { meetingId: string; action: AnyAction }) {
  const m = useI18n().m.meetingForms;
  const [title, setTitle] = useState("");
  const [notes, setNotes] = useState("");
  const { pending, errors, submit } = useActionSubmit(action, () => { setTitle(""); setNotes(""); });
  return (
    <form aria-label={m.newItemLabel} onSubmit={(e) => { e.preventDefault(); submit({ meetingId, title, notes }); }}>
      {errors.form ? <FormError message={errors.form} /> : null}
      <FormControls busy={pending}>
        <div className="form-row">
          <Field id="ag-title" label={m.newItem} error={errors.title}>{(a) => <input {...a} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
          <Field id="ag-notes" label={m.itemNotes} error={errors.notes}>{(a) => <input {...a} value={notes} onChange={(e) => setNotes(e.target.value)} />}</Field>
        </div>
        <button className="btn btn-secondary" type="submit" disabled={pending}>{m.addItem}</button>
      </FormControls>
    </form>
  );
}

/** Attendance and the minutes per agenda item, saved together (with a version check). */
export function MinutesForm(props: {
  meetingId: string;
  version: number;
  members: (Option & { organisation: string | null })[];
  organisations: Option[];
  present: string[];
  organisationsPresent: string[];
  items: { id: string; title: string; minutes: string }[];
  general: string;
  action: AnyAction<{ version: number }>;
}) {
  const { m: { meetingForms: m, common } } = useI18n();
  const [version, setVersion] = useState(props.version);
  const [present, setPresent] = useState(new Set(props.present));
  const [orgs, setOrgs] = useState(new Set(props.organisationsPresent));
  const [items, setItems] = useState(Object.fromEntries(props.items.map((i) => [i.id, i.minutes])));
  const [general, setGeneral] = useState(props.general);
  const [saved, setSaved] = useState("");
  // Every change counts up; the form is dirty until a save of the latest count has gone through,
  // so typing on while a save runs is saved next.
  const [edits, setEdits] = useState(0);
  const [savedEdits, setSavedEdits] = useState(0);
  const sending = useRef(0);
  const edited = () => setEdits((n) => n + 1);
  const { pending, errors, submit } = useActionSubmit(props.action, (d) => { setVersion(d.version); setSavedEdits(sending.current); setSaved(m.minutesSaved); });
  const toggle = (set: Set<string>, id: string) => { const next = new Set(set); if (next.has(id)) next.delete(id); else next.add(id); return next; };
  const save = () => {
    setSaved("");
    sending.current = edits;
    submit({ meetingId: props.meetingId, version, present: [...present], organisations: [...orgs], items: props.items.map((i) => ({ id: i.id, minutes: items[i.id] ?? "" })), general });
  };
  // Minutes are written during the meeting: saved by themselves a few seconds after each pause.
  // A refused save (a conflict, a too long text) waits for the next edit or the button.
  const [refusedEdits, setRefusedEdits] = useState(-1);
  useEffect(() => {
    if (Object.keys(errors).length > 0) setRefusedEdits(sending.current);
  }, [errors]);
  useAutosave(edits, edits !== savedEdits && edits !== refusedEdits, pending, save);
  return (
    <form
      aria-label={m.attendance}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <p role="status" aria-live="polite">{pending ? common.saving : edits !== savedEdits && edits !== refusedEdits ? common.autosaving : saved}</p>
      {errors.form ? <FormError message={errors.form} /> : null}
      <FormControls>
        <div className="grid">
          <fieldset className="checks checks-column">
            <legend>{m.presentMembers}</legend>
            {props.members.map((mb) => (
              <label key={mb.id}><input type="checkbox" checked={present.has(mb.id)} onChange={() => { setPresent((s) => toggle(s, mb.id)); edited(); }} />{` ${mb.name}`}{mb.organisation ? <span className="meta">{` · ${mb.organisation}`}</span> : null}</label>
            ))}
            <span className="field-error" aria-live="polite">{errors.present ?? ""}</span>
          </fieldset>
          <fieldset className="checks checks-column">
            <legend>{m.representedOrgs}</legend>
            <p className="hint">{m.representedHint}</p>
            {props.organisations.map((o) => (
              <label key={o.id}><input type="checkbox" checked={orgs.has(o.id)} onChange={() => { setOrgs((s) => toggle(s, o.id)); edited(); }} />{` ${o.name}`}</label>
            ))}
            <span className="field-error" aria-live="polite">{errors.organisations ?? ""}</span>
          </fieldset>
        </div>
        {props.items.map((item, i) => (
          <Field key={item.id} id={`mi-${item.id}`} label={`§ ${i + 1} ${item.title}`} error={errors[`items`]}>
            {(a) => <textarea {...a} rows={3} value={items[item.id] ?? ""} onChange={(e) => { setItems((x) => ({ ...x, [item.id]: e.target.value })); edited(); }} />}
          </Field>
        ))}
        <Field id="mi-general" label={m.general} error={errors.general}>{(a) => <textarea {...a} rows={2} value={general} onChange={(e) => { setGeneral(e.target.value); edited(); }} />}</Field>
        <button className="btn" type="submit" disabled={pending}>{m.saveMinutes}</button>
      </FormControls>
    </form>
  );
}

/** A decision under an agenda item; ticking "åtgärd" makes it an action on the spot. */
export function DecisionForm(props: {
  meetingId: string;
  items: Option[];
  organisations: Option[];
  areas: Option[];
  defaultDue: string;
  action: (input: unknown) => Promise<ActionResult<{ decisionId: string; measureId: string | null }>>;
}) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const { m: { meetingForms: m, common } } = useI18n();
  const [pending, startTransition] = useTransition();
  const [done, setDone] = useState("");
  const defaults: TDecision = { meetingId: props.meetingId, agendaItemId: "", text: "", createMeasure: false, ownerOrgId: "", responsibleName: "", areaId: "", dueDate: props.defaultDue };
  const { register, handleSubmit, setError, reset, control, formState } = useForm<TDecision>({ resolver: resolveDecision, defaultValues: defaults });
  const asMeasure = useWatch({ control, name: "createMeasure" });
  const e = formState.errors;
  const onSubmit = (values: TDecision) =>
    startTransition(async () => {
      const result = await props.action(values);
      if (!result.ok) return applyErrors(result, setError);
      setDone(result.data.measureId ? m.decisionSavedMeasure : m.decisionSaved);
      reset({ ...defaults, agendaItemId: values.agendaItemId });
      router.refresh();
    });
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={m.newDecision}>
      <p role="status" aria-live="polite">{done}</p>
      {e.root?.serverError ? <FormError message={e.root.serverError.message} /> : null}
      <FormControls busy={pending}>
        <div className="form-row">
          <Field id="d-item" label={m.underItem} error={e.agendaItemId?.message}>
            {(a) => (
              <select {...a} {...register("agendaItemId")}>
                <option value="">{m.other}</option>
                {props.items.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            )}
          </Field>
        </div>
        <Field id="d-text" label={m.decision} error={e.text?.message}>{(a) => <textarea {...a} rows={2} {...register("text")} />}</Field>
        <label className="check"><input type="checkbox" {...register("createMeasure")} />{` ${m.asMeasure}`}</label>
        {asMeasure ? (
          <div className="form-row">
            <Field id="d-owner" label={m.ownerOrg} error={e.ownerOrgId?.message}>
              {(a) => (
                <select {...a} {...register("ownerOrgId")}>
                  <option value="">{common.choose}</option>
                  {props.organisations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                </select>
              )}
            </Field>
            <Field id="d-responsible" label={m.responsible} error={e.responsibleName?.message}>{(a) => <input {...a} {...register("responsibleName")} />}</Field>
            <Field id="d-area" label={m.area} error={e.areaId?.message} hint={m.areaHint}>
              {(a) => (
                <select {...a} {...register("areaId")}>
                  <option value="">{"–"}</option>
                  {props.areas.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                </select>
              )}
            </Field>
            <Field id="d-due" label={m.due} error={e.dueDate?.message}>{(a) => <input {...a} type="date" {...register("dueDate")} />}</Field>
          </div>
        ) : null}
        <button className="btn" type="submit" disabled={pending}>{m.saveDecision}</button>
      </FormControls>
    </form>
  );
}
