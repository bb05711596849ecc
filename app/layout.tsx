import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { getI18nOrDefault } from "@/lib/i18n/server";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { dirOf, isLang } from "@/lib/tips/messages";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "EST – Effektiv samordning för trygghet", template: "%s · EST" },
  description: "Händelser, lägesbilder, tertialanalyser och EST Insats för kommunens trygghetsarbete.",
  // The app's own icon (also the installed app's, app/manifest.ts): without it every page asks
  // for a /favicon.ico that does not exist.
  icons: { icon: { url: "/icons/est-192.png", type: "image/png", sizes: "192x192" }, apple: "/icons/est-192.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is per user and per request; nothing is prerendered or cached between users.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The public pages for residents come in four languages (proxy.ts passes the choice on); the
  // app speaks the language the signed-in user chose.
  const asked = (await headers()).get("x-est-lang");
  const i18n = await getI18nOrDefault();
  const lang = isLang(asked) ? asked : i18n.locale;
  return (
    <html lang={lang} dir={dirOf(lang)}>
      <body>
        {/* The error page is a client component outside the app layout: it gets its words here. */}
        <I18nProvider locale={i18n.locale} messages={{ errorPage: i18n.m.errorPage }}>
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
