import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { VALIDATION } from "./validation";
import { translateMessage } from "./fill";

// The files whose Swedish messages reach the app's forms: every zod schema and every module that
// raises a domain error. (The residents' tip form has its own four languages; the operator's CLI
// speaks Swedish.)
const libFiles = (readdirSync("lib", { recursive: true }) as string[]).map((f) => `lib/${f}`).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
// when.ts turns the report form's date and time into an instant and answers at the field.
const SOURCES = libFiles.filter((f) => f.endsWith("/schema.ts") || f === "lib/incidents/when.ts" || readFileSync(f, "utf8").includes("new DomainError(")).filter((f) => !f.startsWith("lib/generated/") && f !== "lib/tips/schema.ts" && f !== "lib/users/operator.ts");

// A message is a capitalised string literal ending in "." or "?" passed to zod or an error.
const MESSAGE = /(?:[,(]\s*|message:\s*|error:\s*)"([A-ZÅÄÖ][^"\n]*[.?])"/g;

// The CSV import reports each row's problem as a lower-case phrase (also in the CLI and the API).
const IMPORT_SOURCES = ["lib/incidents/import/row.ts", "lib/incidents/import/run.ts", "lib/text/table-file.ts"];
const IMPORT_REASON = /(?:reason:\s*|error:\s*|fill\(|, )"([a-zåäö][^"\n]* [^"\n]*)"/g;

test("every Swedish validation message has a translation in every other language, and none is stale", () => {
  const messages = new Set([
    ...SOURCES.flatMap((f) => [...readFileSync(f, "utf8").matchAll(MESSAGE)].map((m) => m[1]!)),
    ...IMPORT_SOURCES.flatMap((f) => [...readFileSync(f, "utf8").matchAll(IMPORT_REASON)].map((m) => m[1]!)),
  ]);
  assert.ok(messages.size > 50, `found the schemas' messages (${messages.size})`);
  for (const [locale, table] of Object.entries(VALIDATION)) {
    assert.deepEqual([...messages].filter((m) => !(m in table)), [], `${locale} lacks translations`);
    const extra = Object.keys(table).filter((k) => !messages.has(k));
    assert.deepEqual(extra, [], `${locale} translates messages no schema has`);
    for (const [sv, text] of Object.entries(table)) assert.ok(text.trim() && text !== sv, `${locale}: "${sv}" is untranslated`);
  }
});

test("a message with values is translated by its template, the values carried over", () => {
  const message = "Mötet 2026-12-01, 2026-12-08 har redan protokoll, närvaro eller beslut och kan inte tas bort. Låt ändringen gälla från dagen efter.";
  assert.equal(translateMessage(VALIDATION.en, message), "The meeting 2026-12-01, 2026-12-08 already has minutes, attendance or decisions and cannot be removed. Let the change apply from the day after.");
  assert.equal(translateMessage(VALIDATION.en, "Inbjudan gäller kim@example.se. Logga in med den adressen."), "The invitation is for kim@example.se. Sign in with that address.");
  assert.equal(translateMessage(VALIDATION.en, "Välj kategori."), "Choose a category.");
  assert.equal(translateMessage(VALIDATION.en, "Ett meddelande utan översättning."), "Ett meddelande utan översättning.");
});
