"use client";

import { createContext, useContext, useMemo } from "react";
import type { ClientMessages } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { formattersFor, type Formatters } from "@/lib/time/format";

type ClientI18n = { locale: Locale; m: ClientMessages; f: Formatters };
const I18nContext = createContext<ClientI18n | null>(null);

/** Gives client components the viewer's language: only the namespaces they use, in one language,
 * travel to the browser (the layout picks them). */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: ClientMessages; children: React.ReactNode }) {
  const value = useMemo(() => ({ locale, m: messages, f: formattersFor(locale) }), [locale, messages]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): ClientI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
