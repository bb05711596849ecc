// Number formatting per language with formatters made once: `toLocaleString` with options builds a
// new Intl.NumberFormat on every call, which shows in pages that format hundreds of numbers.
import { INTL_TAG, type Locale } from "@/lib/i18n/locales";

const formatters = new Map<string, Intl.NumberFormat>();

/** "1,5", "12", "1 234,6" (sv) or "1.5", "1,234.6" (en): at most `max` decimals, at least `min`. */
export function formatDecimal(n: number, max = 1, min = 0, locale: Locale = "sv"): string {
  const key = `${locale}:${max}:${min}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: max, minimumFractionDigits: min })));
  return f.format(n);
}
