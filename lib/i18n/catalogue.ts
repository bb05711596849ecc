// One message catalogue for the app's UI: every text a component shows comes from here, in the
// viewer's language. Swedish is the source; `en` has the same type, so a missing or extra key is a
// compile error, and catalogue.test.ts checks the placeholders as well. Isomorphic.
import { type Locale, INTL_TAG } from "./locales";
import { sv } from "./messages/sv";
import { en } from "./messages/en";

export type Messages = typeof sv;
export const CATALOGUE: Record<Locale, Messages> = { sv, en };

/** "{count} händelser" + { count: 3 } → "3 händelser". A placeholder without a value stays visible. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export type Plural = { one: string; other: string };
const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The form of a counted message for `count` by the language's plural rules, filled with it. */
export function plural(locale: Locale, forms: Plural, count: number, values: Record<string, string | number> = {}): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(INTL_TAG[locale])));
  return fill(rules.select(count) === "one" ? forms.one : forms.other, { count, ...values });
}

/** The namespaces client components read; the layout sends only these to the browser. */
export const CLIENT_NAMESPACES = ["common", "incidentForm", "outbox", "weekReport", "incident"] as const;
export type ClientMessages = Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;
export const clientMessages = (m: Messages): ClientMessages => Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, m[ns]])) as ClientMessages;
