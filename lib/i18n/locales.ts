// The languages a signed-in user can choose for the app (public pages for residents have their own
// four, see lib/tips/messages.ts). Isomorphic.
export const LOCALES = { sv: "Svenska", en: "English" } as const;
export type Locale = keyof typeof LOCALES;
export const DEFAULT_LOCALE: Locale = "sv";
export const isLocale = (x: unknown): x is Locale => typeof x === "string" && Object.hasOwn(LOCALES, x);

/** The BCP 47 tag Intl formats with: Swedish as in Sweden, English as in Britain (day before month,
 * 24-hour clock), since the readers are Swedish partners who work in English. */
export const INTL_TAG: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };
