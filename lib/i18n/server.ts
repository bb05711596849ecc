import "server-only";
import { cache } from "react";
import { getViewer } from "@/lib/auth/session";
import { formattersFor, type Formatters } from "@/lib/time/format";
import { CATALOGUE, type Messages } from "./catalogue";
import { DEFAULT_LOCALE, type Locale } from "./locales";

export type I18n = { locale: Locale; m: Messages; f: Formatters };

const forLocale = (locale: Locale): I18n => ({ locale, m: CATALOGUE[locale], f: formattersFor(locale) });

/** The viewer's language, messages and formatters for this request (Swedish when signed out). */
export const getI18n = cache(async (): Promise<I18n> => forLocale((await getViewer())?.locale ?? DEFAULT_LOCALE));

/** The same for the root layout, which must render even when the database is down (the error
 * page inside it says so): then Swedish. */
export async function getI18nOrDefault(): Promise<I18n> {
  try {
    return await getI18n();
  } catch {
    return forLocale(DEFAULT_LOCALE);
  }
}
