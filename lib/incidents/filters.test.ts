import { test } from "node:test";
import assert from "node:assert/strict";
import { caselessPattern } from "./filters";

test("the search pattern takes every letter in either case and everything else as itself", () => {
  assert.equal(caselessPattern("Ängby 5%"), "[äÄ][nN][gG][bB][yY] 5%");
  assert.equal(caselessPattern("rea_50 (a.b)*"), "[rR][eE][aA]_50 \\([aA]\\.[bB]\\)\\*");
  const matches = (q: string, text: string) => new RegExp(caselessPattern(q), "u").test(text);
  assert.ok(matches("ÄNGBY", "Ängby torg"));
  assert.ok(matches("kanariefågel", "KANARIEFÅGEL-text"));
  assert.ok(!matches("rea_50", "rea 50% på allt"));
  assert.ok(matches("[x]", "skylt [x] på dörren") && !matches("[x]", "x"));
  // A letter whose capital is two letters (ß → SS) matches as typed.
  assert.equal(caselessPattern("ß"), "ß");
});
