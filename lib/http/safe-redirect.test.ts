import { test } from "node:test";
import assert from "node:assert/strict";
import { safeCallbackPath } from "./safe-redirect";

test("after sign-in only a path on this site is followed: the probe's payloads and their cousins go home", () => {
  for (const evil of [
    "//evil.example/x", "/\\evil.example/x", "/%09/evil.example/x".replace("%09", "\t"), "/\n/evil.example", "/.//evil.example/x",
    "https://evil.example/", "javascript:alert(1)", "\\\\evil.example", " /x", "", undefined, null,
  ]) {
    const out = safeCallbackPath(evil);
    assert.equal(new URL(out, "https://est.kommun.se").origin, "https://est.kommun.se", JSON.stringify(evil));
    assert.doesNotMatch(out, /^\/[/\\]/, JSON.stringify(evil));
  }
  // The encoded tab stays an (odd) path on this site.
  assert.equal(new URL(safeCallbackPath("/%09/evil.example/x"), "https://est.kommun.se").host, "est.kommun.se");
  // Ordinary destinations are kept whole.
  assert.equal(safeCallbackPath("/invite/abc?x=1#y"), "/invite/abc?x=1#y");
  assert.equal(safeCallbackPath("/lagesbild/2026-W49"), "/lagesbild/2026-W49");
});
