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

type Pattern = { match: RegExp; names: string[]; text: string };
const patternsOf = new WeakMap<Record<string, string>, Pattern[]>();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A Swedish message in another language from a table keyed by the Swedish text: the exact text,
 * else a key with placeholders ("Mötet {dates} har …") that the message fills, its values carried
 * over. A message the table lacks is shown as it is.
 */
export function translateMessage(table: Record<string, string>, message: string): string {
  const exact = table[message];
  if (exact !== undefined) return exact;
  let patterns = patternsOf.get(table);
  if (!patterns) {
    patterns = Object.entries(table).filter(([key]) => key.includes("{")).map(([key, text]) => {
      const names: string[] = [];
      const source = key.split(/\{(\w+)\}/).map((part, i) => (i % 2 ? (names.push(part), "(.+?)") : escapeRegExp(part))).join("");
      return { match: new RegExp(`^${source}$`, "s"), names, text };
    });
    patternsOf.set(table, patterns);
  }
  for (const { match, names, text } of patterns) {
    const found = match.exec(message);
    if (found) return fill(text, Object.fromEntries(names.map((name, i) => [name, found[i + 1]!])));
  }
  return message;
}
