// Probable names, ages and sensitive facts about persons in free text (issue 30). A warning, not a
// refusal: "Kalle Svensson (15) … känd av socialtjänsten" has no number a pattern can be sure of,
// so the reporter is asked to rewrite it or to confirm with one click that it is fine. Place names
// must not warn, also those named after persons ("Sankt Eriks väg", "Kung Hans väg", "Erik
// Dahlbergs väg"): a run of capitalised words followed by a word for a street or a place is a
// place. Pure and isomorphic: the form checks as the reporter types, the server again on saving.
import { FIRST_NAMES, SURNAMES } from "./names";

export type SensitiveKind = "namn" | "ålder" | "känslig uppgift";
export type SensitiveHit = { kind: SensitiveKind; start: number; end: number; text: string };

// Words that make the capitalised words before them a place: "Sankt Eriks väg", "Gustav Adolfs torg".
const PLACE_WORDS = new Set([
  "väg", "vägen", "gata", "gatan", "gränd", "gränden", "torg", "torget", "plan", "planen", "plats", "platsen", "park", "parken",
  "allé", "allén", "stig", "stigen", "backe", "backen", "skola", "skolan", "gård", "gården", "hus", "huset", "hall", "hallen",
  "station", "stationen", "centrum", "kyrka", "kyrkan", "bad", "badet", "strand", "stranden", "lund", "lunden", "äng", "ängen",
  "brygga", "bryggan", "bro", "bron", "terrass", "kvarter", "kvarteret", "gymnasium", "förskola", "förskolan",
]);
const SAINT = new Set(["Sankt", "S:t", "St.", "Kung", "Drottning", "Prins", "Prinsessan"]);

// Ages of persons: "(15)", "15 år" (not "för 2 år sedan", not "15 år i rad"), "15-åring", "15-årig".
const AGES = [
  /\(\s*\d{1,2}\s*(?:år)?\s*\)/g,
  /(?<![\d,.])\d{1,2}\s?-?\s?åring(?:en|ar|arna)?\b/giu,
  /(?<![\d,.])\d{1,2}\s?-?\s?åriga?\b/giu,
  /(?<![\d,.])\d{1,2}\s+år(?:\s+gammal|\s+gamla|\s+gammalt)(?![\p{L}])/giu,
];

// Phrases that say something sensitive about a person (OSL, GDPR art. 9 and 10): health, drugs,
// social services, origin and religion, suspicion of crime. Descriptions of events at places
// ("misstänkt droghantering vid garaget", "klotter") do not warn.
const PHRASES: RegExp[] = [
  /\b(?:känd|kända|aktuell|aktuella)\s+(?:av|hos|för|inom)\s+(?:socialtjänsten|soc|polisen)\b/giu,
  /\bsocialtjänsten\s+(?:känner|är inkopplad|har kontakt)\b/giu,
  /\b(?:orosanmälan|orosanmält|orosanmäld|LVU|LVM|familjehem(?:met)?|HVB-hem(?:met)?|placerad\s+på\s+HVB)\b/gu,
  /\b(?:påverkad|påverkade)\s+av\s+(?:narkotika|droger|alkohol|knark)\b/giu,
  /\b(?:narkotikapåverkad|drogpåverkad|alkoholpåverkad)e?\b/giu,
  /\b(?:narkoman(?:er|en)?|missbrukare(?:n)?|knarkare(?:n)?|alkoholist(?:er|en)?|langare(?:n)?)\b/giu,
  /\b(?:psykiskt\s+sjuk[at]?|psykisk\s+ohälsa|psykos|schizofren\w*|diagnos\w*|ADHD|autism|självmord\w*|suicid\w*|funktionsnedsättning\w*|gravid)\b/giu,
  /\b(?:invandrare|invandrarkille|invandrartjej|utländsk\s+härkomst|etniskt?\s+\p{L}+|mörkhyad\w*|romer|zigenare|somalier|araber|muslim(?:er|en)?|jude(?:n)?|judar(?:na)?)\b/giu,
  /\b(?:misstänkt|misstänks|misstänkta)\s+för\b/giu,
  /\b(?:gärningsman(?:nen)?|gärningsmän(?:nen)?|tidigare\s+dömd|dömd\s+för|straffad\s+för|känd\s+kriminell|kriminellt\s+belastad)\b/giu,
];

const WORD = /[\p{L}][\p{L}:.-]*/gu;
const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);

/** The words of the text with where they are. */
function words(text: string) {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0].replace(/[.:-]+$/, ""), start: m.index!, end: m.index! + m[0].replace(/[.:-]+$/, "").length }));
}

/** Indexes of the words that belong to a place name: capitalised words (and "Sankt", "Kung" …)
 * right before a place word, and the place word itself. */
function placeWords(ws: { word: string }[]): Set<number> {
  const inPlace = new Set<number>();
  ws.forEach((w, i) => {
    if (!PLACE_WORDS.has(w.word.toLowerCase()) || i === 0) return;
    let j = i - 1;
    if (!isCapitalised(ws[j]!.word)) return;
    inPlace.add(i);
    while (j >= 0 && (isCapitalised(ws[j]!.word) || SAINT.has(ws[j]!.word))) inPlace.add(j--);
  });
  return inPlace;
}

const base = (w: string) => w.replace(/s$/, "");
const isFirstName = (w: string) => isCapitalised(w) && (FIRST_NAMES.has(w) || FIRST_NAMES.has(base(w)));
const isSurname = (w: string) => isCapitalised(w) && (SURNAMES.has(w) || SURNAMES.has(base(w)) || /^\p{Lu}\p{Ll}+(?:sson|ssons)$/u.test(w));

export function findSensitive(text: string): SensitiveHit[] {
  const hits: SensitiveHit[] = [];
  const add = (kind: SensitiveKind, start: number, end: number) => {
    if (hits.some((h) => start < h.end && end > h.start)) return;
    hits.push({ kind, start, end, text: text.slice(start, end) });
  };
  const ws = words(text);
  const places = placeWords(ws);
  for (let i = 0; i < ws.length; i++) {
    if (places.has(i)) continue;
    const w = ws[i]!;
    const next = ws[i + 1];
    if (isFirstName(w.word) && next && !places.has(i + 1) && isSurname(next.word)) {
      add("namn", w.start, next.end);
      i++;
    } else if (isFirstName(w.word) || isSurname(w.word)) add("namn", w.start, w.end);
  }
  for (const re of AGES) for (const m of text.matchAll(re)) add("ålder", m.index!, m.index! + m[0].length);
  for (const re of PHRASES) for (const m of text.matchAll(re)) add("känslig uppgift", m.index!, m.index! + m[0].length);
  return hits.sort((a, b) => a.start - b.start);
}

/** How the warning reads in a language: `{found}` is the list of what was found. */
export type SensitiveTexts = { message: string; and: string; kinds: Record<SensitiveKind, string> };
export const SENSITIVE_SV: SensitiveTexts = {
  message: "Texten verkar innehålla {found}. Beskriv platser och händelser, inte personer – skriv om texten, eller bekräfta att den kan sparas så.",
  and: "och",
  kinds: { namn: "namn", ålder: "en ålder", "känslig uppgift": "känsliga uppgifter om någon" },
};

/** A sentence naming what was found, quoting it; null when nothing was. */
export function sensitiveMessage(text: string, t: SensitiveTexts = SENSITIVE_SV): string | null {
  const hits = findSensitive(text);
  if (hits.length === 0) return null;
  const kinds = [...new Set(hits.map((h) => h.kind))].map((k) => `${t.kinds[k]} (${hits.filter((h) => h.kind === k).map((h) => `”${h.text}”`).slice(0, 3).join(", ")})`);
  const listed = kinds.length > 1 ? `${kinds.slice(0, -1).join(", ")} ${t.and} ${kinds.at(-1)}` : kinds[0]!;
  return t.message.replace("{found}", listed);
}
