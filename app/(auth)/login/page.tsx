import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { RegisterServiceWorker } from "@/components/pwa/register-service-worker";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LoginForm } from "./_components/login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.auth.signIn };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  if (await getViewer()) redirect("/");
  const { callbackUrl, error } = await searchParams;
  const oidcName = env().OIDC_ISSUER ? env().OIDC_NAME : null;
  const { m } = await getI18n();
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>{m.auth.title}</h1>
        <p className="lead">{m.auth.est}</p>
        <ClientMessages ns={["auth"]}>
          <LoginForm callbackUrl={safeCallbackPath(callbackUrl)} oidcName={oidcName} initialError={error ? m.auth.failed : undefined} />
        </ClientMessages>
      </div>
      <RegisterServiceWorker clear />
      <p className="auth-footer">
        <Link href="/tillganglighet">{m.common.accessibility}</Link>
      </p>
    </main>
  );
}
