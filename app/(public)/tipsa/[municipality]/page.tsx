import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { isLang, messagesFor } from "@/lib/tips/messages";
import { getMapCenter, getPublicMunicipality } from "@/lib/tips/queries";
import { PublicShell } from "@/components/public/public-shell";
import { TipForm } from "@/components/public/tip-form";

export const metadata: Metadata = { title: "Tipsa" };

/** The public tip form for one municipality: no sign-in, anonymous by default, four languages. */
export default async function TipPage({ params, searchParams }: { params: Promise<{ municipality: string }>; searchParams: Promise<{ lang?: string }> }) {
  const [{ municipality: slug }, { lang: asked }] = await Promise.all([params, searchParams]);
  const lang = isLang(asked) ? asked : "sv";
  const municipality = await getPublicMunicipality(slug);
  if (!municipality) notFound();
  const t = messagesFor(lang);
  return (
    <PublicShell lang={lang} municipality={municipality.name} path={`/tipsa/${slug}`}>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <TipForm lang={lang} t={t} municipality={slug} areas={municipality.areas} center={await getMapCenter(municipality.id)} tileUrl={env().MAP_TILE_URL ?? null} />
    </PublicShell>
  );
}
