// One message catalogue for the app's UI: every text a component shows comes from here, in the
// viewer's language. Swedish is the source; `en` has the same type, so a missing or extra key is a
// compile error, and catalogue.test.ts checks the placeholders as well. Isomorphic.
import type { Locale } from "./locales";
import { sv } from "./messages/sv";
import { en } from "./messages/en";

export { fill, plural, type Plural } from "./fill";

export type Messages = typeof sv;
export const CATALOGUE: Record<Locale, Messages> = { sv, en };

/** The namespaces client components read (through useI18n). The layout sends "common" to every
 * page; a page sends the others its client components need with <ClientMessages ns={…}>. */
export const CLIENT_NAMESPACES = [
  "common", "incidentForm", "outbox", "weekReport", "incident", "judgementForm", "measureForm", "group", "tertialForms",
  "insatsForm", "insatsManage", "measureFormFull", "measureDetail", "meetingForms", "calendarForms", "importForm", "tipForms", "nightWalkForm", "agreementForms", "contextForm", "goalForm", "indicatorForms", "lawForms", "adminForms", "auth", "errorPage", "reportingDays", "quickEntry",
] as const;
export type ClientNamespace = (typeof CLIENT_NAMESPACES)[number];
export type ClientMessages = Pick<Messages, ClientNamespace> & {
  /** Translations of the Swedish validation messages (lib/i18n/validation.ts); absent in Swedish. */
  validation?: Record<string, string>;
};
