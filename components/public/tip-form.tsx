"use client";

import { useRef, useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { Field } from "@/components/ui/field";
import type { Lang, MessageKey, MESSAGES } from "@/lib/tips/messages";
import { TIP_KINDS } from "@/lib/tips/codes";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const PinPicker = dynamic(() => import("@/components/map/pin-picker").then((m) => m.PinPicker), { ssr: false });

type Messages = (typeof MESSAGES)["sv"];

/**
 * The residents' tip form. Sends a multipart request (a photo may come along); on any error the
 * form keeps everything typed and says what to fix, in the visitor's language.
 */
export function TipForm(props: { lang: Lang; t: Messages; municipality: string; areas: { id: string; name: string }[]; center: [number, number]; tileUrl: string | null }) {
  const { t } = props;
  const form = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, MessageKey>>({});
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [pin, setPin] = useState<[number, number] | null>(null);
  const [showMap, setShowMap] = useState(false);
  const msg = (k: MessageKey | undefined) => (k ? t[k] : undefined);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setFormError(null);
    try {
      const body = new FormData(e.currentTarget);
      body.set("language", props.lang);
      if (pin) {
        body.set("latitude", String(pin[0]));
        body.set("longitude", String(pin[1]));
      }
      const response = await fetch(`/api/tips/${props.municipality}`, { method: "POST", body });
      const json = (await response.json().catch(() => ({}))) as { code?: string; error?: MessageKey; fieldErrors?: Record<string, MessageKey> };
      if (response.ok && json.code) {
        setErrors({});
        setCode(json.code);
        return;
      }
      setErrors(json.fieldErrors ?? {});
      setFormError(json.error ?? (json.fieldErrors ? null : "err_generic"));
    } catch {
      setFormError("err_generic");
    } finally {
      setPending(false);
    }
  }

  if (code) {
    const status = `/tipsa/status?${new URLSearchParams({ code, lang: props.lang })}`;
    return (
      <section className="card" aria-labelledby="thanks" role="status">
        <h2 id="thanks">{t.thanks}</h2>
        <p>{t.codeIntro}</p>
        <p className="tracking-code" data-testid="tracking-code">{code}</p>
        <p><Link className="btn" href={status}>{t.statusLink}</Link></p>
        <p><button type="button" className="btn-link" onClick={() => { setCode(null); form.current?.reset(); setPin(null); }}>{t.another}</button></p>
      </section>
    );
  }

  return (
    <form ref={form} onSubmit={submit} noValidate aria-label={t.title} encType="multipart/form-data">
      <div aria-live="assertive">{formError ? <FormError message={t[formError]} /> : null}</div>
      <FormControls busy={pending}>
        <fieldset>
          <legend>{t.kind}</legend>
          <div className="choice">
            {TIP_KINDS.map((k, i) => (
              <label key={k}><input type="radio" name="kind" value={k} defaultChecked={i === 0} /> {t[`kind_${k}`]}</label>
            ))}
          </div>
          <span className="field-error" aria-live="polite">{msg(errors.kind) ?? ""}</span>
        </fieldset>
        <Field id="tip-area" label={t.area} error={msg(errors.areaId)}>
          {(a) => (
            <select {...a} name="areaId" defaultValue="">
              <option value="">{t.areaUnknown}</option>
              {props.areas.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
            </select>
          )}
        </Field>
        <Field id="tip-place" label={t.place} hint={t.placeHint} error={msg(errors.place)}>{(a) => <input {...a} name="place" required autoComplete="off" />}</Field>
        <p>
          <button type="button" className="btn btn-secondary" aria-expanded={showMap} onClick={() => setShowMap((v) => !v)}>{t.map}</button>
        </p>
        {showMap ? <PinPicker center={pin ?? props.center} value={pin} tileUrl={props.tileUrl} label={t.map} onPick={(lat, lng) => setPin([lat, lng])} /> : null}
        <div className="form-row">
          <Field id="tip-date" label={t.date} error={msg(errors.date)}>{(a) => <input {...a} type="date" name="date" />}</Field>
          <Field id="tip-time" label={t.time} error={msg(errors.time)}>{(a) => <input {...a} type="time" name="time" />}</Field>
        </div>
        <Field id="tip-description" label={t.description} hint={t.descriptionHint} error={msg(errors.description)}>{(a) => <textarea {...a} name="description" rows={4} />}</Field>
        <Field id="tip-photo" label={t.photo} hint={t.photoHint} error={msg(errors.photo)}>{(a) => <input {...a} type="file" name="photo" accept="image/jpeg,image/png,image/webp" />}</Field>
        <fieldset>
          <legend>{t.contact}</legend>
          <p className="hint">{t.contactHint}</p>
          <Field id="tip-name" label={t.name} error={msg(errors.contactName)}>{(a) => <input {...a} name="contactName" autoComplete="name" />}</Field>
          <div className="form-row">
            <Field id="tip-email" label={t.email} error={msg(errors.contactEmail)}>{(a) => <input {...a} type="email" name="contactEmail" autoComplete="email" dir="ltr" />}</Field>
            <Field id="tip-phone" label={t.phone} error={msg(errors.contactPhone)}>{(a) => <input {...a} type="tel" name="contactPhone" autoComplete="tel" dir="ltr" />}</Field>
          </div>
        </fieldset>
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="tip-website">{t.honeypot}</label>
          <input id="tip-website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <button className="btn" type="submit" disabled={pending}>{pending ? t.sending : t.submit}</button>
      </FormControls>
    </form>
  );
}
