// Keeps personal data out of free text: incidents describe places and events, never persons.
// Finds Swedish personnummer and samordningsnummer (Luhn-checked, real dates), phone numbers,
// e-mail addresses and vehicle registration plates. Pure and isomorphic: the form checks as the
// user types and the server checks again before anything is saved.
export type PiiKind = "personnummer" | "samordningsnummer" | "telefonnummer" | "e-postadress" | "registreringsnummer";
export type PiiHit = { kind: PiiKind; start: number; end: number };

export const PII_LABEL: Record<PiiKind, string> = {
  personnummer: "ett personnummer",
  samordningsnummer: "ett samordningsnummer",
  telefonnummer: "ett telefonnummer",
  "e-postadress": "en e-postadress",
  registreringsnummer: "ett registreringsnummer",
};

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function validDate(yy: number, month: number, day: number, century?: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const year = century !== undefined ? century * 100 + yy : 2000 + yy;
  const leap = century !== undefined ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 : yy % 4 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** "personnummer", "samordningsnummer" or null for a 10/12-digit candidate. */
export function classifyIdentityNumber(candidate: string): "personnummer" | "samordningsnummer" | null {
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{3})(\d)$/.exec(candidate);
  if (!m) return null;
  const century = m[1] !== undefined ? Number(m[1]) : undefined;
  if (century !== undefined && (century < 18 || century > 20)) return null;
  const [yy, mm, dd] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const coordination = dd > 60;
  if (!validDate(yy, mm, coordination ? dd - 60 : dd, century)) return null;
  if (!luhnValid(`${m[2]}${m[3]}${m[4]}${m[5]}${m[6]}`)) return null;
  return coordination ? "samordningsnummer" : "personnummer";
}

// The patterns run on a normalised copy of the text (see `normalise`): full-width forms folded
// (NFKC), every dash a hyphen, "(at)"/"[at]" an @. Hits are mapped back to the original text.
// Identity numbers: the date may be written with dots (12.12.12), the last four after a hyphen,
// plus, slash or space, with spaces around the separator.
const IDENTITY = /(?<![\d-])(?:\d{2})?\d{2}\.?\d{2}\.?\d{2}(?: ?[-+/] ?| )?\d{4}(?![\d-])/g;
// Swedish phone numbers: 0, +46 (optionally "(0)") or 0046 and 7–10 more digits, grouped by
// spaces, hyphens or dots.
const PHONE = /(?<![\d+])(?:\+46 ?(?:\(0\))?|0046|0)[\s.-]?\(?[1-9]\d{0,2}\)?(?:[\s.-]?\d){5,8}(?!\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+ ?@ ?[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Plates: three letters (not I, Q, V, Å, Ä, Ö), then two digits and a digit or letter. Capitals
// may be separated by a space or hyphen ("ABC 123", "ABC-123"); written in small letters only
// when joined ("abc123"), so that "med 150" stays text.
const PLATE = /(?<![A-Za-zÅÄÖåäö0-9])(?:[A-HJ-PR-UW-Z]{3}[ -]?\d{2}[A-HJ-PR-UW-Z0-9]|[a-hj-pr-uw-zA-HJ-PR-UW-Z]{3}\d{2}[a-hj-pr-uw-zA-HJ-PR-UW-Z0-9])(?![A-Za-zÅÄÖåäö0-9])/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const AT_WORDS = /[([]\s*(?:at|snabel-?a)\s*[)\]]/gi;

/** The text in the form the patterns read, and for each of its characters the index in the
 * original it came from (one more entry: the original's length). */
function normalise(text: string): { norm: string; at: number[] } {
  let norm = "";
  const at: number[] = [];
  let i = 0;
  for (const ch of text) {
    const folded = DASHES.test(ch) ? "-" : ch.normalize("NFKC");
    for (const c of folded) {
      norm += c;
      at.push(i);
    }
    i += ch.length;
  }
  at.push(text.length);
  // "(at)" and "[at]" stand for @: one character in place of several.
  let out = "";
  const outAt: number[] = [];
  let last = 0;
  for (const m of norm.matchAll(AT_WORDS)) {
    const start = m.index ?? 0;
    out += norm.slice(last, start) + "@";
    outAt.push(...at.slice(last, start), at[start]!);
    last = start + m[0].length;
  }
  out += norm.slice(last);
  outAt.push(...at.slice(last));
  return { norm: out, at: outAt };
}

/** Every piece of personal data found in the text, in order, without overlaps. */
// Every pattern needs a digit (any script's: NFKC folds them to ASCII), an @ (or a full-width or
// small one) or a written "(at)": text with none of them is checked without normalising it, which
// is most place names and descriptions (the import checks two per row).
const MAY_HOLD_PII = /[\p{N}@\uFF20\uFE6B]|[([\uFF08\uFF3B]\s*(?:at|snabel)/iu;

export function findPii(text: string): PiiHit[] {
  if (!MAY_HOLD_PII.test(text)) return [];
  const { norm, at } = normalise(text);
  const hits: PiiHit[] = [];
  const add = (re: RegExp, kind: (match: string) => PiiKind | null) => {
    for (const m of norm.matchAll(re)) {
      const start = at[m.index ?? 0]!;
      const end = at[(m.index ?? 0) + m[0].length]!;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      const k = kind(m[0]);
      if (k) hits.push({ kind: k, start, end });
    }
  };
  add(IDENTITY, (s) => classifyIdentityNumber(s.replace(/[.\s]/g, "").replace("/", "-")));
  add(EMAIL, () => "e-postadress");
  add(PHONE, () => "telefonnummer");
  add(PLATE, () => "registreringsnummer");
  return hits.sort((a, b) => a.start - b.start);
}

/** The text with each hit replaced by a marker saying what was removed. */
export function redactPii(text: string): string {
  let out = "";
  let at = 0;
  for (const hit of findPii(text)) {
    out += text.slice(at, hit.start) + `[${hit.kind} borttaget]`;
    at = hit.end;
  }
  return out + text.slice(at);
}

/** How the warning reads in a language: `{kinds}` is the list of what was found. */
export type PiiTexts = { message: string; and: string; kinds: Record<PiiKind, string> };
const PII_SV: PiiTexts = {
  message: "Texten innehåller {kinds}. Beskriv platser och händelser, inte personer – ta bort uppgiften eller använd ”Ta bort personuppgifter”.",
  and: "och",
  kinds: PII_LABEL,
};

/** A sentence naming what was found, for the field error (Swedish unless texts are given); null
 * when the text is clean. */
export function piiMessage(text: string, t: PiiTexts = PII_SV): string | null {
  const hits = findPii(text);
  if (hits.length === 0) return null;
  const kinds = [...new Set(hits.map((h) => t.kinds[h.kind]))];
  return t.message.replace("{kinds}", kinds.join(` ${t.and} `));
}
