import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { RegisterServiceWorker } from "@/components/pwa/register-service-worker";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Logga in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  if (await getViewer()) redirect("/");
  const { callbackUrl, error } = await searchParams;
  const oidcName = env().OIDC_ISSUER ? env().OIDC_NAME : null;
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Logga in i EST</h1>
        <p className="lead">Effektiv samordning för trygghet</p>
        <LoginForm callbackUrl={safeCallback(callbackUrl)} oidcName={oidcName} initialError={error ? "Inloggningen misslyckades. Försök igen." : undefined} />
      </div>
      <RegisterServiceWorker clear />
      <p className="auth-footer">
        <Link href="/tillganglighet">Tillgänglighetsredogörelse</Link>
      </p>
    </main>
  );
}

// Only same-site paths: never send a user on to another site after signing in.
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}
