"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { type AnyAction, useActionSubmit } from "@/components/ui/use-action";
import { GROUP_ROLE_LABEL } from "@/lib/groups/labels";

const ROLES = ["MEMBER", "COORDINATOR", "OBSERVER"] as const;

/** A coordinator adds someone from the municipality to the group, with a role. */
export function AddMemberForm(props: { groupId: string; candidates: { id: string; name: string; organisation: string }[]; action: AnyAction }) {
  const hydrated = useHydrated();
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<string>("MEMBER");
  const { pending, errors, submit } = useActionSubmit(props.action, () => setUserId(""));
  return (
    <form aria-label="Lägg till medlem" onSubmit={(e) => { e.preventDefault(); submit({ groupId: props.groupId, userId, role }); }}>
      {errors.form ? <div className="alert alert-error">{errors.form}</div> : null}
      <fieldset disabled={pending}>
        <div className="form-row">
          <Field id="mm-user" label="Person" error={errors.userId} hint="Den som saknar konto bjuds in med e-post av en samordnare.">
            {(a) => (
              <select {...a} value={userId} onChange={(e) => setUserId(e.target.value)}>
                <option value="">Välj …</option>
                {props.candidates.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.organisation})</option>)}
              </select>
            )}
          </Field>
          <Field id="mm-role" label="Roll" error={errors.role}>
            {(a) => <select {...a} value={role} onChange={(e) => setRole(e.target.value)}>{ROLES.map((r) => <option key={r} value={r}>{GROUP_ROLE_LABEL[r]}</option>)}</select>}
          </Field>
        </div>
        <button className="btn btn-secondary" type="submit" disabled={!hydrated || pending}>Lägg till</button>
      </fieldset>
    </form>
  );
}

/** Changes a member's role in place. */
export function MemberRoleSelect(props: { groupId: string; userId: string; name: string; role: string; action: AnyAction }) {
  const hydrated = useHydrated();
  const { pending, errors, submit } = useActionSubmit(props.action);
  return (
    <span>
      <select aria-label={`Roll för ${props.name}`} defaultValue={props.role} disabled={!hydrated || pending} onChange={(e) => submit({ groupId: props.groupId, userId: props.userId, role: e.target.value })}>
        {ROLES.map((r) => <option key={r} value={r}>{GROUP_ROLE_LABEL[r]}</option>)}
      </select>
      {errors.form ? <span className="field-error" role="alert">{errors.form}</span> : null}
    </span>
  );
}
