import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { VALIDATION } from "./validation";

// The files whose Swedish messages reach the app's forms: every zod schema, and the domain
// errors raised under a field. (The residents' tip form has its own four languages.)
const SOURCES = [
  ...readdirSync("lib").flatMap((d) => { try { return readdirSync(`lib/${d}`).filter((f) => f === "schema.ts").map((f) => `lib/${d}/${f}`); } catch { return []; } }),
  "lib/auth/schema.ts", "lib/users/invitations.ts", "lib/groups/members.ts", "lib/api-tokens/tokens.ts",
  "app/(auth)/invite/[token]/_components/accept-form.tsx", "app/(app)/admin/api-tokens/_components/token-forms.tsx",
].filter((f, i, all) => f !== "lib/tips/schema.ts" && all.indexOf(f) === i);

// A message is a capitalised string literal ending in "." or "?" passed to zod or an error.
const MESSAGE = /(?:[,(]\s*|message:\s*|error:\s*)"([A-ZÅÄÖ][^"\n]*[.?])"/g;

test("every Swedish validation message has a translation in every other language, and none is stale", () => {
  const messages = new Set(SOURCES.flatMap((f) => [...readFileSync(f, "utf8").matchAll(MESSAGE)].map((m) => m[1]!)));
  assert.ok(messages.size > 50, `found the schemas' messages (${messages.size})`);
  for (const [locale, table] of Object.entries(VALIDATION)) {
    assert.deepEqual([...messages].filter((m) => !(m in table)), [], `${locale} lacks translations`);
    const extra = Object.keys(table).filter((k) => !messages.has(k));
    assert.deepEqual(extra, [], `${locale} translates messages no schema has`);
    for (const [sv, text] of Object.entries(table)) assert.ok(text.trim() && text !== sv, `${locale}: "${sv}" is untranslated`);
  }
});
