"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import type { z } from "zod";
import type { ZApiTokenCreate } from "@/lib/api-tokens/schema";
import { useApplyActionErrors } from "@/components/ui/apply-action-errors";
import { ChoiceGroup, Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action-result";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

type Values = z.input<typeof ZApiTokenCreate>;
const resolveForm = lazyZodResolver<Values>(() => import("@/lib/api-tokens/schema").then((s) => s.ZApiTokenCreate));

export function CreateTokenForm(props: { organisations: { id: string; name: string }[]; action: (input: unknown) => Promise<ActionResult<{ token: string }>> }) {
  const router = useRouter();
  const applyErrors = useApplyActionErrors();
  const { m: { adminForms: m, common } } = useI18n();
  const [pending, startTransition] = useTransition();
  const [token, setToken] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({ resolver: resolveForm, defaultValues: { name: "", organisationId: "", access: "report" } });
  const onSubmit = (values: Values) =>
    startTransition(async () => {
      const result = await props.action(values);
      if (!result.ok) {
        applyErrors(result, setError);
        return;
      }
      setToken(result.data.token);
      reset();
      router.refresh();
    });
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      {token ? (
        <div className="alert alert-info" role="status">
          <p>{m.copyNow}</p>
          <code data-testid="new-token" style={{ wordBreak: "break-all" }}>{token}</code>
        </div>
      ) : null}
      {formState.errors.root?.serverError ? <FormError message={formState.errors.root.serverError.message} /> : null}
      <FormControls busy={pending}>
        <div className="form-row">
          <Field id="name" label={m.name} error={formState.errors.name?.message}>{(a) => <input {...a} {...register("name")} />}</Field>
          <Field id="organisationId" label={m.organisation} error={formState.errors.organisationId?.message}>
            {(a) => (
              <select {...a} {...register("organisationId")}>
                <option value="">{common.choose}</option>
                {props.organisations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            )}
          </Field>
        </div>
        <ChoiceGroup id="access" legend={m.access} error={formState.errors.access?.message}>
          <label><input type="radio" value="report" {...register("access")} />{` ${m.accessReport}`}</label>
          <label><input type="radio" value="bi" {...register("access")} />{` ${m.accessBi}`}</label>
        </ChoiceGroup>
        <button className="btn" type="submit" disabled={pending}>{m.create}</button>
      </FormControls>
    </form>
  );
}

export function RevokeButton(props: { id: string; name: string; action: (input: unknown) => Promise<ActionResult<undefined>> }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const m = useI18n().m.adminForms;
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn btn-secondary"
      disabled={!hydrated || pending}
      aria-label={fill(m.revokeName, { name: props.name })}
      onClick={() => startTransition(async () => { await props.action({ id: props.id }); router.refresh(); })}
    >
      {m.revoke}
    </button>
  );
}
