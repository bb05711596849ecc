"use client";

import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { piiMessage, redactPii } from "@/lib/validation/pii";
import { sensitiveMessage, type SensitiveKind } from "@/lib/validation/sensitive";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { PinPicker } from "@/components/map/pin-picker";
import { OutboxPanel, useOutbox } from "./use-outbox";
import { useReportFields } from "./use-report-fields";
import type { z } from "zod";
import type { ZIncidentFields } from "@/lib/incidents/schema";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

/** The schema's fields, each present; a pin's coordinates are numbers or empty. */
type Values = Required<Omit<z.input<typeof ZIncidentFields>, "latitude" | "longitude">> & { latitude: number | ""; longitude: number | "" };
type Options = {
  areas: { id: string; name: string }[];
  categories: { id: string; label: string; children: { id: string; label: string }[] }[];
  center: [number, number];
  tileUrl: string | null;
};

export type IncidentFormProps = {
  options: Options;
  defaults: Partial<Values>;
  /** Create: a new idempotency key per incident; reports made offline queue under the owner
   * (the signed-in user). Edit: the id and version being changed. */
  mode: { kind: "create"; owner: string } | { kind: "edit"; id: string; version: number };
  submit: (values: unknown) => Promise<ActionResult<{ id?: string; isoWeek?: string; version?: number; duplicate?: { occurredAt: string; place: string }; sensitive?: SensitiveKind[] }>>;
  suggestPlaces: (areaId: string) => Promise<string[]>;
  /** The kommundel a pin lies in (the areas' outlines, on the server); absent or null: none known. */
  areaAtPin?: (input: { latitude: number; longitude: number }) => Promise<{ id: string; name: string } | null>;
};

const loadSchema = () => import("@/lib/incidents/schema").then((s) => s.ZIncidentFields);

const EMPTY: Values = {
  date: "", time: "", untilTime: "", areaId: "", place: "", latitude: "", longitude: "",
  categoryId: "", subcategoryId: "", description: "", policeReported: false, needsFollowUp: false,
};

export function IncidentForm({ options, defaults, mode, submit, suggestPlaces, areaAtPin }: IncidentFormProps) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const { m: { incidentForm: m, common }, f } = useI18n();
  const [pending, startTransition] = useTransition();
  const [saved, setSaved] = useState<string | null>(null);
  // A report of the same place, category and hour already exists: the reporter decides.
  const [duplicate, setDuplicate] = useState<{ occurredAt: string; place: string; values: Values } | null>(null);
  // Probable names, ages or sensitive facts in the description: the reporter rewrites the text or
  // confirms it; a confirmation holds for the text as it was confirmed.
  const [sensitiveAsk, setSensitiveAsk] = useState<Values | null>(null);
  const [confirmedText, setConfirmedText] = useState<string | null>(null);
  const [places, setPlaces] = useState<string[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [showMap, setShowMap] = useState(false);
  const [geoError, setGeoError] = useState<string | null>(null);
  // After a save the fields were disabled (focus fell to the page); once they are back, focus
  // returns to the first one, so the next incident starts without 17 presses of Tab.
  const focusFirst = useRef(false);
  useEffect(() => {
    if (pending || !focusFirst.current) return;
    focusFirst.current = false;
    document.getElementById("date")?.focus();
  }, [pending, key]);
  const outbox = useOutbox(submit, mode.kind === "create" ? mode.owner : "");
  const { values, errors, field, checkbox, set, submit: handleSubmit, reset, setError } = useReportFields<Values>({ ...EMPTY, ...defaults }, loadSchema);
  const { areaId, categoryId, description, place, latitude, longitude } = values;
  const pin: [number, number] | null = latitude !== "" && longitude !== "" ? [Number(latitude), Number(longitude)] : null;
  // Set when the pin chose the kommundel, so the reporter is told (and can change it back).
  const [areaFromPin, setAreaFromPin] = useState<string | null>(null);
  const setPin = (lat: number | "", lng: number | "") => {
    set({ latitude: lat, longitude: lng });
    setAreaFromPin(null);
    if (lat === "" || lng === "" || !areaAtPin) return;
    // Offline or without outlines nothing is chosen; the reporter picks the kommundel as before.
    void areaAtPin({ latitude: lat, longitude: lng })
      .then((area) => {
        if (!area) return;
        set({ areaId: area.id });
        setAreaFromPin(area.name);
      })
      .catch(() => undefined);
  };
  const useMyPosition = () => {
    setGeoError(null);
    navigator.geolocation.getCurrentPosition(
      (p) => setPin(Math.round(p.coords.latitude * 1e6) / 1e6, Math.round(p.coords.longitude * 1e6) / 1e6),
      () => setGeoError(m.positionFailed),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };
  const subcategories = useMemo(() => options.categories.find((c) => c.id === categoryId)?.children ?? [], [options, categoryId]);
  const pii = { description: piiMessage(description, m.pii), place: piiMessage(place, m.pii) };
  const sensitive = pii.description ? null : sensitiveMessage(description, m.sensitive);

  useEffect(() => {
    let current = true;
    if (areaId) void suggestPlaces(areaId).then((p) => current && setPlaces(p));
    return () => {
      current = false;
    };
  }, [areaId, suggestPlaces]);

  function onSubmit(values: Values, checkDuplicate = mode.kind === "create", confirmed = confirmedText) {
    setSaved(null);
    setDuplicate(null);
    setSensitiveAsk(null);
    const sensitiveConfirmed = confirmed === values.description;
    if (sensitiveMessage(values.description, m.sensitive) && !sensitiveConfirmed) return setSensitiveAsk(values);
    const fields = { ...values, sensitiveConfirmed };
    const payload = mode.kind === "create" ? { ...fields, idempotencyKey: key } : { ...fields, id: mode.id, version: mode.version };
    const afterCreate = (message: string) => {
      // The next incident of the week is often like this one: keep when, where and what kind;
      // clear the rest, and put the reporter back at the first field.
      reset({ ...EMPTY, date: values.date, time: values.time, areaId: values.areaId, place: values.place, categoryId: values.categoryId });
      setShowMap(false);
      setKey(crypto.randomUUID());
      setSaved(message);
      focusFirst.current = true;
    };
    const queueOffline = () => {
      const area = options.areas.find((a) => a.id === values.areaId)?.name ?? "";
      outbox.queue(key, payload, `${values.date} ${values.time}, ${[area, values.place].filter(Boolean).join(", ")}`);
      afterCreate(m.savedOffline);
    };
    // Without network a new report waits on the device (an edit needs the server's version).
    if (mode.kind === "create" && !navigator.onLine) return queueOffline();
    startTransition(async () => {
      let result: Awaited<ReturnType<typeof submit>>;
      try {
        result = await submit(checkDuplicate ? { ...payload, checkDuplicate } : payload);
      } catch (error) {
        if (mode.kind === "create") return queueOffline(); // the connection failed on the way
        throw error;
      }
      if (!result.ok) {
        applyErrors(result, setError);
        return;
      }
      if (result.data.sensitive) {
        setSensitiveAsk(values);
        return;
      }
      if (result.data.duplicate) {
        setDuplicate({ ...result.data.duplicate, values });
        return;
      }
      if (mode.kind === "create") {
        afterCreate(fill(m.saved, { week: result.data.isoWeek ? f.period(result.data.isoWeek) : "–" }));
      } else {
        setSaved(m.updated);
      }
      router.refresh();
    });
  }

  const redact = (name: "description" | "place") => set({ [name]: redactPii(values[name]) }, { validate: true });

  return (
    <>
    {mode.kind === "create" ? <OutboxPanel queued={outbox.queued} sent={outbox.sent} discard={outbox.discard} /> : null}
    <form onSubmit={(e) => {
      // A new attempt: the last save's banner goes, whether or not this one gets through.
      setSaved(null);
      return handleSubmit((v) => onSubmit(v))(e);
    }} noValidate className="incident-form">
      <div aria-live="polite">
        {saved ? <div className="alert alert-info" role="status">{saved}</div> : null}
        {errors.root ? <FormError message={errors.root} /> : null}
        {sensitiveAsk ? (
          <div className="alert alert-warn" role="alert" data-testid="sensitive">
            <p>{sensitiveMessage(sensitiveAsk.description, m.sensitive)}</p>
            <div className="toolbar">
              <button type="button" className="btn btn-secondary" onClick={() => {
                setSensitiveAsk(null);
                document.getElementById("description")?.focus();
              }}>{m.sensitiveRewrite}</button>
              <button type="button" className="btn" onClick={() => {
                setConfirmedText(sensitiveAsk.description);
                onSubmit(sensitiveAsk, mode.kind === "create", sensitiveAsk.description);
              }}>{m.sensitiveSave}</button>
            </div>
          </div>
        ) : null}
        {duplicate ? (
          <div className="alert alert-warn" role="alert" data-testid="duplicate">
            <p>{fill(m.duplicate, { place: duplicate.place, time: f.time(new Date(duplicate.occurredAt)) })}</p>
            <div className="toolbar">
              <button type="button" className="btn" onClick={() => onSubmit(duplicate.values, false)}>{m.duplicateSave}</button>
              <button type="button" className="btn btn-secondary" onClick={() => {
                setDuplicate(null);
                reset({ ...EMPTY, date: duplicate.values.date, time: duplicate.values.time, areaId: duplicate.values.areaId });
                setKey(crypto.randomUUID());
                setSaved(m.duplicateSkipped);
              }}>{m.duplicateSkip}</button>
            </div>
          </div>
        ) : null}
      </div>
      <FormControls busy={pending}>
        <div className="form-row">
          <Field id="date" label={m.date} hint={m.dateHint} error={errors.date}>
            {(a) => (
              // Text, not type="date": Chrome's date field turns a typed "2026-12-06" into
              // "202612-06-06". The schema reads 20261206 and 2026-12-6 too.
              <input {...a} type="text" placeholder={m.datePlaceholder} autoComplete="off" spellCheck={false} maxLength={10} {...field("date")} />
            )}
          </Field>
          <Field id="time" label={m.time} error={errors.time}>
            {(a) => <input {...a} type="time" {...field("time")} />}
          </Field>
          <Field id="untilTime" label={m.until} hint={m.untilHint} error={errors.untilTime}>
            {(a) => <input {...a} type="time" {...field("untilTime")} />}
          </Field>
        </div>
        <div className="form-row">
          <Field id="areaId" label={m.area} error={errors.areaId}>
            {(a) => (
              <select {...a} {...field("areaId")}>
                <option value="">{m.chooseArea}</option>
                {options.areas.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            )}
          </Field>
          <Field id="place" label={m.place} hint={m.placeHint} error={pii.place ?? errors.place}>
            {(a) => <input {...a} list="place-suggestions" autoComplete="off" {...field("place")} />}
          </Field>
          <datalist id="place-suggestions">
            {places.map((p) => <option key={p} value={p} />)}
          </datalist>
        </div>
        {pii.place ? <button type="button" className="btn btn-secondary" onClick={() => redact("place")}>{m.removePiiPlace}</button> : null}
        <div className="field">
          <span className="meta">{fill(m.pin, { pin: pin ? `${pin[0]}, ${pin[1]}` : common.none })}</span>
          <div className="toolbar">
            <button type="button" className="btn btn-secondary" onClick={() => setShowMap((v) => !v)} aria-expanded={showMap}>{showMap ? m.hideMap : m.showMap}</button>
            <button type="button" className="btn btn-secondary" onClick={useMyPosition}>{m.myPosition}</button>
            {pin ? <button type="button" className="btn-link" onClick={() => setPin("", "")}>{m.removePin}</button> : null}
          </div>
          <span className="field-error" aria-live="polite">{geoError ?? errors.latitude ?? errors.longitude ?? ""}</span>
          <span className="meta" aria-live="polite" data-testid="area-from-pin">{areaFromPin ? fill(m.areaFromPin, { area: areaFromPin }) : ""}</span>
        </div>
        {showMap ? <PinPicker center={pin ?? options.center} value={pin} tileUrl={options.tileUrl} label={m.mapLabel} onPick={(lat, lng) => setPin(lat, lng)} /> : null}
        <div className="form-row">
          <Field id="categoryId" label={m.category} error={errors.categoryId}>
            {(a) => (
              <select {...a} {...field("categoryId", { alsoSet: { subcategoryId: "" } })}>
                <option value="">{m.chooseCategory}</option>
                {options.categories.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
              </select>
            )}
          </Field>
          <Field id="subcategoryId" label={m.subcategory} error={errors.subcategoryId}>
            {(a) => (
              <select {...a} {...field("subcategoryId")} disabled={subcategories.length === 0}>
                <option value="">{"–"}</option>
                {subcategories.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
              </select>
            )}
          </Field>
        </div>
        <Field id="description" label={m.description} hint={m.descriptionHint} error={pii.description ?? errors.description}>
          {(a) => <textarea {...a} rows={4} {...field("description")} />}
        </Field>
        {sensitive && confirmedText !== description ? <p className="field-warning" aria-live="polite" data-testid="sensitive-hint">{sensitive}</p> : null}
        {pii.description ? (
          <p>
            <button type="button" className="btn btn-secondary" onClick={() => redact("description")}>{m.removePii}</button>
          </p>
        ) : null}
        <div className="checks">
          <label><input type="checkbox" {...checkbox("policeReported")} /> {m.policeReported}</label>
          <label><input type="checkbox" {...checkbox("needsFollowUp")} /> {m.needsFollowUp}</label>
        </div>
        <button type="submit" className="btn" disabled={pending}>
          {pending ? common.saving : mode.kind === "create" ? m.create : m.update}
        </button>
      </FormControls>
    </form>
    </>
  );
}
