"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { type AnyAction, useActionSubmit } from "@/components/ui/use-action";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

const ROLES = ["MEMBER", "COORDINATOR", "OBSERVER"] as const;

/** A coordinator adds someone from the municipality to the group, with a role. */
export function AddMemberForm(props: { groupId: string; candidates: { id: string; name: string; organisation: string }[]; action: AnyAction }) {
  const m = useI18n().m.group;
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<string>("MEMBER");
  const { pending, errors, submit } = useActionSubmit(props.action, () => setUserId(""));
  return (
    <form aria-label={m.addMember} onSubmit={(e) => { e.preventDefault(); submit({ groupId: props.groupId, userId, role }); }}>
      {errors.form ? <FormError message={errors.form} /> : null}
      <FormControls busy={pending}>
        <div className="form-row">
          <Field id="mm-user" label={m.person} error={errors.userId} hint={m.personHint}>
            {(a) => (
              <select {...a} value={userId} onChange={(e) => setUserId(e.target.value)}>
                <option value="">{m.choose}</option>
                {props.candidates.map((c) => <option key={c.id} value={c.id}>{`${c.name} (${c.organisation})`}</option>)}
              </select>
            )}
          </Field>
          <Field id="mm-role" label={m.role} error={errors.role}>
            {(a) => <select {...a} value={role} onChange={(e) => setRole(e.target.value)}>{ROLES.map((r) => <option key={r} value={r}>{m.roles[r]}</option>)}</select>}
          </Field>
        </div>
        <button className="btn btn-secondary" type="submit" disabled={pending}>{m.add}</button>
      </FormControls>
    </form>
  );
}

/** Changes a member's role in place. */
export function MemberRoleSelect(props: { groupId: string; userId: string; name: string; role: string; action: AnyAction }) {
  const hydrated = useHydrated();
  const m = useI18n().m.group;
  const { pending, errors, submit } = useActionSubmit(props.action);
  return (
    <span>
      <select aria-label={fill(m.roleFor, { name: props.name })} defaultValue={props.role} disabled={!hydrated || pending} onChange={(e) => submit({ groupId: props.groupId, userId: props.userId, role: e.target.value })}>
        {ROLES.map((r) => <option key={r} value={r}>{m.roles[r]}</option>)}
      </select>
      {errors.form ? <span className="field-error" role="alert">{errors.form}</span> : null}
    </span>
  );
}
