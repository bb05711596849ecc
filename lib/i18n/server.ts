import "server-only";
import { cache } from "react";
import { getViewer } from "@/lib/auth/session";
import { i18nFor, type I18n } from "./i18n";
import { DEFAULT_LOCALE } from "./locales";

export type { I18n };

/** The viewer's language, messages and formatters for this request (Swedish when signed out). */
export const getI18n = cache(async (): Promise<I18n> => i18nFor((await getViewer())?.locale ?? DEFAULT_LOCALE));

/** The same for the root layout, which must render even when the database is down (the error
 * page inside it says so): then Swedish. */
export async function getI18nOrDefault(): Promise<I18n> {
  try {
    return await getI18n();
  } catch {
    return i18nFor(DEFAULT_LOCALE);
  }
}
