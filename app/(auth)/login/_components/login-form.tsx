"use client";

import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { signIn } from "next-auth/react";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { TSignIn } from "@/lib/auth/schema";
import { useI18n } from "@/components/i18n/i18n-provider";
import { fill } from "@/lib/i18n/fill";
import { FormControls } from "@/components/ui/form-controls";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { SIGN_IN_THROTTLED } from "@/lib/auth/sign-in-errors";
import { FormError } from "@/components/ui/form-error";

const resolveSignIn = lazyZodResolver<TSignIn>(() => import("@/lib/auth/schema").then((s) => s.ZSignIn));

export function LoginForm({ callbackUrl, oidcName, initialError }: { callbackUrl: string; oidcName: string | null; initialError?: string }) {
  const hydrated = useHydrated();
  const m = useI18n().m.auth;
  const { register, handleSubmit, setError, formState } = useForm<TSignIn>({
    resolver: resolveSignIn,
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: TSignIn) {
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setError("root.serverError", { // The same message whether the account exists or not: no hint for someone guessing addresses.
        message: result?.status === 429 || result?.error === SIGN_IN_THROTTLED ? m.tooMany : m.badCredentials });
      return;
    }
    // A full navigation so every server component renders with the new session.
    window.location.assign(safeCallbackPath(callbackUrl));
  }

  const formError = errors.root?.serverError?.message ?? initialError;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-describedby={formError ? "login-error" : undefined}>
      <div id="login-error" role="status" aria-live="assertive">
        {formError ? <FormError message={formError} /> : null}
      </div>
      <FormControls busy={isSubmitting}>
        <Field id="email" label={m.email} error={errors.email?.message}>
          {(a11y) => <input {...a11y} type="email" autoComplete="username" {...register("email")} />}
        </Field>
        <Field id="password" label={m.password} error={errors.password?.message}>
          {(a11y) => <input {...a11y} type="password" autoComplete="current-password" {...register("password")} />}
        </Field>
        <button type="submit" className="btn" disabled={isSubmitting} style={{ width: "100%" }}>
          {isSubmitting ? m.signingIn : m.signIn}
        </button>
      </FormControls>
      {oidcName ? (
        <p style={{ marginTop: "1rem" }}>
          <button type="button" className="btn btn-secondary" style={{ width: "100%" }} disabled={!hydrated} onClick={() => signIn("oidc", { callbackUrl: safeCallbackPath(callbackUrl) })}>
            {fill(m.signInWith, { name: oidcName })}
          </button>
        </p>
      ) : null}
    </form>
  );
}
