"use client";

import { createContext, useContext, useMemo } from "react";
import type { ClientMessages } from "@/lib/i18n/catalogue";
import { translateMessage } from "@/lib/i18n/fill";
import type { Locale } from "@/lib/i18n/locales";
import { formattersFor, type Formatters } from "@/lib/time/format";

type ClientI18n = { locale: Locale; m: ClientMessages; f: Formatters };
const I18nContext = createContext<ClientI18n | null>(null);

/** Gives client components the viewer's language. Only the namespaces a screen's client
 * components use travel to the browser: the layout sends the common ones, a page adds its own
 * through <ClientMessages> (nested providers merge). */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Partial<ClientMessages>; children: React.ReactNode }) {
  const parent = useContext(I18nContext);
  const value = useMemo(() => ({ locale, m: { ...parent?.m, ...messages } as ClientMessages, f: formattersFor(locale) }), [locale, messages, parent]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

/** Shows a Swedish validation or domain message in the viewer's language (as is when untranslated
 * or outside a provider). Field and the form hooks run every error through it. */
export function useTranslateMessage(): (message: string) => string {
  const table = useContext(I18nContext)?.m.validation;
  return (message) => (table ? translateMessage(table, message) : message);
}

export function useI18n(): ClientI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
