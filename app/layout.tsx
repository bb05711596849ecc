import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { getI18n } from "@/lib/i18n/server";
import { dirOf, isLang } from "@/lib/tips/messages";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "EST – Effektiv samordning för trygghet", template: "%s · EST" },
  description: "Händelser, lägesbilder, tertialanalyser och EST Insats för kommunens trygghetsarbete.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is per user and per request; nothing is prerendered or cached between users.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The public pages for residents come in four languages (proxy.ts passes the choice on); the
  // app speaks the language the signed-in user chose.
  const asked = (await headers()).get("x-est-lang");
  const lang = isLang(asked) ? asked : (await getI18n()).locale;
  return (
    <html lang={lang} dir={dirOf(lang)}>
      <body>{children}</body>
    </html>
  );
}
