"use client";

import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { type AnyAction, useActionSubmit } from "@/components/ui/use-action";
import { REMINDER_KINDS } from "@/lib/meetings/schema";

/** The secret feed link: shown once when made; a new one or revoking stops the old at once. */
export function FeedLink(props: { origin: string; exists: boolean; groups: { id: string; name: string }[]; create: AnyAction<{ token: string }>; revoke: AnyAction }) {
  const hydrated = useHydrated();
  const [token, setToken] = useState<string | null>(null);
  const { pending, errors, submit } = useActionSubmit(props.create, (d) => setToken(d.token));
  const revoke = useActionSubmit(props.revoke, () => setToken(null));
  const base = token ? `${props.origin}/api/kalender/${token}` : null;
  return (
    <div>
      {base ? (
        <div className="alert alert-info" data-testid="feed-links">
          <p>Kopiera länken nu – den visas bara en gång. I Outlook: <em>Lägg till kalender → Från internet</em>.</p>
          <p><label htmlFor="feed-all">Alla mina grupper</label><input id="feed-all" readOnly value={base} onFocus={(e) => e.currentTarget.select()} /></p>
          {props.groups.map((g) => (
            <p key={g.id}><label htmlFor={`feed-${g.id}`}>{g.name}</label><input id={`feed-${g.id}`} readOnly value={`${base}/${g.id}`} onFocus={(e) => e.currentTarget.select()} /></p>
          ))}
        </div>
      ) : props.exists ? (
        <p className="meta">Du har en aktiv kalenderlänk. Skapa en ny om du har tappat bort den; den gamla slutar då att fungera.</p>
      ) : (
        <p className="meta">Du har ingen kalenderlänk ännu.</p>
      )}
      {errors.form ?? revoke.errors.form ? <div className="alert alert-error">{errors.form ?? revoke.errors.form}</div> : null}
      <div className="toolbar">
        <button className="btn" type="button" disabled={!hydrated || pending} onClick={() => submit({})}>{props.exists || token ? "Skapa ny kalenderlänk" : "Skapa kalenderlänk"}</button>
        {props.exists || token ? (
          <button
            className="btn btn-secondary"
            type="button"
            disabled={!hydrated || revoke.pending}
            onClick={() => window.confirm("Kalendrar som prenumererar slutar uppdateras. Återkalla?") && revoke.submit({})}
          >
            Återkalla länken
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function ReminderPreferences(props: { initial: Record<keyof typeof REMINDER_KINDS, boolean>; action: AnyAction }) {
  const hydrated = useHydrated();
  const [v, setV] = useState(props.initial);
  const [done, setDone] = useState("");
  const { pending, errors, submit } = useActionSubmit(props.action, () => setDone("Inställningarna är sparade."));
  return (
    <form aria-label="Påminnelser" onSubmit={(e) => { e.preventDefault(); setDone(""); submit(v); }}>
      <p role="status" aria-live="polite">{done}</p>
      {errors.form ? <div className="alert alert-error">{errors.form}</div> : null}
      <fieldset disabled={pending} className="checks" style={{ flexDirection: "column" }}>
        <legend>Skicka mig e-post</legend>
        {(Object.keys(REMINDER_KINDS) as (keyof typeof REMINDER_KINDS)[]).map((k) => (
          <label key={k}><input type="checkbox" checked={v[k]} onChange={(e) => setV((x) => ({ ...x, [k]: e.target.checked }))} /> {REMINDER_KINDS[k]}</label>
        ))}
      </fieldset>
      <button className="btn btn-secondary" type="submit" disabled={!hydrated || pending}>Spara</button>
    </form>
  );
}
