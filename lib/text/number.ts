// Swedish number formatting with formatters made once: `toLocaleString` with options builds a new
// Intl.NumberFormat on every call, which shows in pages that format hundreds of numbers.
const formatters = new Map<string, Intl.NumberFormat>();

/** "1,5", "12", "1 234,6": at most `max` decimals (at least `min`), Swedish separators. */
export function formatDecimal(n: number, max = 1, min = 0): string {
  const key = `${max}:${min}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: max, minimumFractionDigits: min })));
  return f.format(n);
}
