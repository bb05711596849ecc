import { test } from "node:test";
import assert from "node:assert/strict";
import { CATALOGUE, fill, plural } from "./catalogue";
import { LOCALES } from "./locales";

// Every leaf of a message tree as "path → text".
function leaves(node: unknown, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === "string") out.set(path, node);
  else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) for (const [p, s] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, s);
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("every language has exactly the Swedish keys, none empty, with the same placeholders", () => {
  const source = leaves(CATALOGUE.sv);
  assert.ok(source.size > 100, "the catalogue holds the app's texts");
  for (const locale of Object.keys(LOCALES) as (keyof typeof LOCALES)[]) {
    const other = leaves(CATALOGUE[locale]);
    assert.deepEqual([...source.keys()].filter((k) => !other.has(k)), [], `${locale} lacks keys`);
    assert.deepEqual([...other.keys()].filter((k) => !source.has(k)), [], `${locale} has keys Swedish lacks`);
    for (const [key, text] of other) {
      assert.ok(text.trim().length > 0, `${locale}.${key} is empty`);
      assert.deepEqual(placeholders(text), placeholders(source.get(key)!), `${locale}.${key} placeholders`);
    }
  }
});

test("fill and plural", () => {
  assert.equal(fill("Sida {page} av {pages}", { page: 2, pages: 5 }), "Sida 2 av 5");
  assert.equal(fill("{missing} kvar", {}), "{missing} kvar");
  assert.equal(plural("sv", CATALOGUE.sv.incidents.total, 1), "1 händelse");
  assert.equal(plural("sv", CATALOGUE.sv.incidents.total, 3), "3 händelser");
  assert.equal(plural("en", CATALOGUE.en.incidents.total, 0), "0 incidents");
  assert.equal(plural("en", CATALOGUE.en.incidents.total, 1), "1 incident");
});
