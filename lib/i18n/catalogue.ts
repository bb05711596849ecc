// One message catalogue for the app's UI: every text a component shows comes from here, in the
// viewer's language. Swedish is the source; `en` has the same type, so a missing or extra key is a
// compile error, and catalogue.test.ts checks the placeholders as well. Isomorphic.
import type { Locale } from "./locales";
import { sv } from "./messages/sv";
import { en } from "./messages/en";

export { fill, plural, type Plural } from "./fill";

export type Messages = typeof sv;
export const CATALOGUE: Record<Locale, Messages> = { sv, en };

/** The namespaces client components read; the layout sends only these to the browser. */
export const CLIENT_NAMESPACES = ["common", "incidentForm", "outbox", "weekReport", "incident", "judgementForm", "measureForm", "group", "tertialForms", "insatsForm", "insatsManage"] as const;
export type ClientMessages = Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
export const clientMessages = (m: Messages): ClientMessages => Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, m[ns]])) as ClientMessages;
