"use client";

import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { signIn } from "next-auth/react";
import type { z } from "zod";
import type { ZAcceptInvitation } from "@/lib/users/schema";
import { Field } from "@/components/ui/field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

// The server checks the same schema (lib/users/schema.ts); this gives the answer before sending.
type TForm = z.infer<typeof ZAcceptInvitation>;
const resolveForm = lazyZodResolver<TForm>(() => import("@/lib/users/schema").then((s) => s.ZAcceptInvitation));

/** Creates the account from the invitation, then signs in and opens the group. */
export function AcceptForm({ token, email }: { token: string; email: string }) {
  const m = useI18n().m.auth;
  const { register, handleSubmit, setError, formState } = useForm<TForm>({ resolver: resolveForm, defaultValues: { name: "", password: "" } });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: TForm) {
    const res = await fetch(`/api/invitations/${encodeURIComponent(token)}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(values) });
    const body = (await res.json().catch(() => ({}))) as { error?: string; fieldErrors?: Record<string, string[]>; next?: string };
    if (!res.ok) {
      for (const [field, messages] of Object.entries(body.fieldErrors ?? {})) setError(field as keyof TForm, { message: messages[0] });
      if (!body.fieldErrors) setError("root.serverError", { message: body.error ?? m.createFailed });
      return;
    }
    const signedIn = await signIn("credentials", { email, password: values.password, redirect: false });
    window.location.assign(signedIn && !signedIn.error ? (body.next ?? "/") : "/login");
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <div role="status" aria-live="assertive">{errors.root?.serverError ? <FormError message={errors.root.serverError.message} /> : null}</div>
      <FormControls busy={isSubmitting}>
        <Field id="inv-email" label={m.email}>{(a11y) => <input {...a11y} type="email" value={email} readOnly autoComplete="username" />}</Field>
        <Field id="inv-name" label={m.yourName} error={errors.name?.message}>{(a11y) => <input {...a11y} autoComplete="name" {...register("name")} />}</Field>
        <Field id="inv-password" label={m.choosePassword} hint={m.passwordHint} error={errors.password?.message}>
          {(a11y) => <input {...a11y} type="password" autoComplete="new-password" {...register("password")} />}
        </Field>
        <button type="submit" className="btn" style={{ width: "100%" }} disabled={isSubmitting}>{isSubmitting ? m.creating : m.createAndJoin}</button>
      </FormControls>
    </form>
  );
}
