import { test } from "node:test";
import assert from "node:assert/strict";
import { dirOf, LANGUAGES, MESSAGES, type Lang } from "./messages";

test("every public text exists in all four languages, and only Arabic is right-to-left", () => {
  const keys = Object.keys(MESSAGES.sv).sort();
  for (const lang of Object.keys(LANGUAGES) as Lang[]) {
    assert.deepEqual(Object.keys(MESSAGES[lang]).sort(), keys, `${lang} has the same keys`);
    for (const k of keys) assert.ok(MESSAGES[lang][k as keyof (typeof MESSAGES)["sv"]].trim().length > 0, `${lang}.${k} is not empty`);
    if (lang !== "sv") assert.notEqual(MESSAGES[lang].title, MESSAGES.sv.title, `${lang} is translated`);
  }
  assert.deepEqual((Object.keys(LANGUAGES) as Lang[]).map(dirOf), ["ltr", "ltr", "rtl", "ltr"]);
});
