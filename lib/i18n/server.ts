import "server-only";
import { cache } from "react";
import { getViewer } from "@/lib/auth/session";
import { formattersFor, type Formatters } from "@/lib/time/format";
import { CATALOGUE, type Messages } from "./catalogue";
import { DEFAULT_LOCALE, type Locale } from "./locales";

export type I18n = { locale: Locale; m: Messages; f: Formatters };

/** The viewer's language, messages and formatters for this request (Swedish when signed out). */
export const getI18n = cache(async (): Promise<I18n> => {
  const locale = (await getViewer())?.locale ?? DEFAULT_LOCALE;
  return { locale, m: CATALOGUE[locale], f: formattersFor(locale) };
});
