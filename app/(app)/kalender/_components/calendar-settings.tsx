"use client";

import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { type AnyAction, useActionSubmit } from "@/components/ui/use-action";
import { REMINDER_KINDS } from "@/lib/meetings/codes";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

/** The secret feed link: shown once when made; a new one or revoking stops the old at once. */
export function FeedLink(props: { origin: string; exists: boolean; groups: { id: string; name: string }[]; create: AnyAction<{ token: string }>; revoke: AnyAction }) {
  const hydrated = useHydrated();
  const m = useI18n().m.calendarForms;
  const [token, setToken] = useState<string | null>(null);
  const { pending, errors, submit } = useActionSubmit(props.create, (d) => setToken(d.token));
  const revoke = useActionSubmit(props.revoke, () => setToken(null));
  const base = token ? `${props.origin}/api/kalender/${token}` : null;
  return (
    <div>
      {base ? (
        <div className="alert alert-info" data-testid="feed-links">
          <p>{`${m.copyNow} `}<em>{m.outlookPath}</em>{"."}</p>
          <p><label htmlFor="feed-all">{m.allGroups}</label><input id="feed-all" readOnly value={base} onFocus={(e) => e.currentTarget.select()} /></p>
          {props.groups.map((g) => (
            <p key={g.id}><label htmlFor={`feed-${g.id}`}>{g.name}</label><input id={`feed-${g.id}`} readOnly value={`${base}/${g.id}`} onFocus={(e) => e.currentTarget.select()} /></p>
          ))}
        </div>
      ) : props.exists ? (
        <p className="meta">{m.hasLink}</p>
      ) : (
        <p className="meta">{m.noLink}</p>
      )}
      {errors.form ?? revoke.errors.form ? <FormError message={errors.form ?? revoke.errors.form} /> : null}
      <div className="toolbar">
        <button className="btn" type="button" disabled={!hydrated || pending} onClick={() => submit({})}>{props.exists || token ? m.createNew : m.create}</button>
        {props.exists || token ? (
          <button
            className="btn btn-secondary"
            type="button"
            disabled={!hydrated || revoke.pending}
            onClick={() => window.confirm(m.revokeConfirm) && revoke.submit({})}
          >
            {m.revoke}
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function ReminderPreferences(props: { initial: Record<keyof typeof REMINDER_KINDS, boolean>; action: AnyAction }) {
  const hydrated = useHydrated();
  const { m: { calendarForms: m, common } } = useI18n();
  const [v, setV] = useState(props.initial);
  const [done, setDone] = useState("");
  const { pending, errors, submit } = useActionSubmit(props.action, () => setDone(m.saved));
  return (
    <form aria-label={m.reminders} onSubmit={(e) => { e.preventDefault(); setDone(""); submit(v); }}>
      <p role="status" aria-live="polite">{done}</p>
      {errors.form ? <FormError message={errors.form} /> : null}
      <FormControls busy={pending} className="checks" style={{ flexDirection: "column" }}>
        <legend>{m.emailMe}</legend>
        {(Object.keys(REMINDER_KINDS) as (keyof typeof REMINDER_KINDS)[]).map((k) => (
          <label key={k}><input type="checkbox" checked={v[k]} onChange={(e) => setV((x) => ({ ...x, [k]: e.target.checked }))} />{` ${m.kinds[k]}`}</label>
        ))}
      </FormControls>
      <button className="btn btn-secondary" type="submit" disabled={!hydrated || pending}>{common.save}</button>
    </form>
  );
}
