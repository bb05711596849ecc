// The messages and formatters of one language, outside a request: for texts composed for someone
// else than the viewer (e-mail and in-app messages go out in the recipient's language).
import { formattersFor, type Formatters } from "@/lib/time/format";
import { CATALOGUE, type Messages } from "./catalogue";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

export type I18n = { locale: Locale; m: Messages; f: Formatters };

/** A stored language code (User.locale) to its messages; an unknown one falls back to Swedish. */
export function i18nFor(locale: string | null | undefined): I18n {
  const l = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return { locale: l, m: CATALOGUE[l], f: formattersFor(l) };
}
