// Filling in messages: placeholders and counted forms. Isomorphic and free of the catalogue, so
// client code can use it without shipping every language.
import { type Locale, INTL_TAG } from "./locales";

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
