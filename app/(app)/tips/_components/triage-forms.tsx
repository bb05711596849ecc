"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { Field } from "@/components/ui/field";
import { type AnyAction, useActionSubmit } from "@/components/ui/use-action";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

type Option = { id: string; name: string };

/** The queue with a checkbox per tip and one bulk action: close the chosen ones with a reason. */
export function TipQueue(props: { tips: { id: string; title: string; meta: string; detail: string }[]; close: AnyAction<{ closed: number }> }) {
  const m = useI18n().m.tipForms;
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState("");
  const [done, setDone] = useState("");
  const { pending, errors, submit } = useActionSubmit(props.close, (d) => { setDone(fill(m.closedCount, { count: d.closed })); setChosen(new Set()); setReason(""); });
  const toggle = (id: string) => setChosen((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  return (
    <form aria-label={m.queue} onSubmit={(e) => { e.preventDefault(); setDone(""); submit({ tipIds: [...chosen], reason }); }}>
      <p role="status" aria-live="polite">{done}</p>
      {errors.form ?? errors.tipIds ? <FormError message={errors.form ?? errors.tipIds} /> : null}
      <FormControls busy={pending}>
        <ul className="status-list" data-testid="tip-queue">
          {props.tips.map((t) => (
            <li key={t.id}>
              <label className="check" style={{ margin: 0 }}>
                <input type="checkbox" checked={chosen.has(t.id)} onChange={() => toggle(t.id)} aria-label={fill(m.choose, { title: t.title })} />
                <span><Link href={`/tips/${t.id}`}>{t.title}</Link>{" "}<span className="meta">{t.detail}</span></span>
              </label>
              <span className="meta">{t.meta}</span>
            </li>
          ))}
        </ul>
        <div className="form-row" style={{ marginTop: "1rem" }}>
          <Field id="bulk-reason" label={m.bulkReason} error={errors.reason}>{(a) => <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={m.bulkReasonExample} />}</Field>
          <button className="btn btn-secondary" type="submit" disabled={pending || chosen.size === 0}>{fill(m.closeChosen, { count: chosen.size })}</button>
        </div>
      </FormControls>
    </form>
  );
}

/** Accept: the tip becomes an incident with source "medborgare". */
export function AcceptTipForm(props: { tipId: string; areas: Option[]; categories: Option[]; initial: { areaId: string; categoryId: string; place: string; date: string; time: string }; action: AnyAction<{ incidentId: string }> }) {
  const router = useRouter();
  const { m: { tipForms: m, common } } = useI18n();
  const [v, setV] = useState(props.initial);
  const { pending, errors, submit } = useActionSubmit(props.action, (d) => router.push(`/incidents/${d.incidentId}`));
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((x) => ({ ...x, [k]: e.target.value }));
  return (
    <form aria-label={m.accept} onSubmit={(e) => { e.preventDefault(); submit({ tipId: props.tipId, ...v }); }}>
      {errors.form ? <FormError message={errors.form} /> : null}
      <FormControls busy={pending}>
        <div className="form-row">
          <Field id="acc-category" label={m.category} error={errors.categoryId}>
            {(a) => <select {...a} value={v.categoryId} onChange={set("categoryId")}><option value="">{common.choose}</option>{props.categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select>}
          </Field>
          <Field id="acc-area" label={m.area} error={errors.areaId}>
            {(a) => <select {...a} value={v.areaId} onChange={set("areaId")}><option value="">{common.choose}</option>{props.areas.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select>}
          </Field>
        </div>
        <Field id="acc-place" label={m.place} error={errors.place}>{(a) => <input {...a} value={v.place} onChange={set("place")} />}</Field>
        <div className="form-row">
          <Field id="acc-date" label={m.date} error={errors.date}>{(a) => <input {...a} type="date" value={v.date} onChange={set("date")} />}</Field>
          <Field id="acc-time" label={m.time} error={errors.time}>{(a) => <input {...a} type="time" value={v.time} onChange={set("time")} />}</Field>
        </div>
        <button className="btn" type="submit" disabled={pending}>{m.accept}</button>
      </FormControls>
    </form>
  );
}

export function MergeTipForm(props: { tipId: string; candidates: Option[]; action: AnyAction }) {
  const { m: { tipForms: m, common } } = useI18n();
  const [incidentId, setIncidentId] = useState("");
  const { pending, errors, submit } = useActionSubmit(props.action);
  return (
    <form aria-label={m.mergeLabel} onSubmit={(e) => { e.preventDefault(); submit({ tipId: props.tipId, incidentId }); }}>
      {errors.form ? <FormError message={errors.form} /> : null}
      <FormControls busy={pending}>
        <Field id="merge-incident" label={m.existing} error={errors.incidentId}>
          {(a) => <select {...a} value={incidentId} onChange={(e) => setIncidentId(e.target.value)}><option value="">{common.choose}</option>{props.candidates.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select>}
        </Field>
        <button className="btn btn-secondary" type="submit" disabled={pending}>{m.merge}</button>
      </FormControls>
    </form>
  );
}

export function CloseTipForm(props: { tipId: string; action: AnyAction<{ closed: number }> }) {
  const m = useI18n().m.tipForms;
  const [reason, setReason] = useState("");
  const { pending, errors, submit } = useActionSubmit(props.action);
  return (
    <form aria-label={m.closeLabel} onSubmit={(e) => { e.preventDefault(); submit({ tipIds: [props.tipId], reason }); }}>
      {errors.form ? <FormError message={errors.form} /> : null}
      <FormControls busy={pending}>
        <Field id="close-reason" label={m.closeReason} error={errors.reason}>{(a) => <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
        <button className="btn btn-secondary" type="submit" disabled={pending}>{m.close}</button>
      </FormControls>
    </form>
  );
}
