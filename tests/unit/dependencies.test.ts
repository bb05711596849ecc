import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

// The installed versions (package-lock.json) must be at or above the patch floor in
// security/min-versions.json. npm audit's advisory endpoint is not reachable from the build
// machines, so the floor is kept by hand when advisories are published.
const compare = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split("-")[0]!.split(".").map(Number));
  for (let i = 0; i < 3; i++) if (x![i] !== y![i]) return (x![i] ?? 0) - (y![i] ?? 0);
  return 0;
};

test("compare orders versions numerically", () => {
  assert.ok(compare("16.4.6", "16.0.7") > 0);
  assert.ok(compare("4.24.9", "4.24.12") < 0);
  assert.equal(compare("19.2.1", "19.2.1"), 0);
});

test("request-facing dependencies are at or above their patched versions", () => {
  const floor = JSON.parse(readFileSync("security/min-versions.json", "utf8")) as Record<string, { min: string } | string>;
  const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { version?: string }> };
  for (const [name, rule] of Object.entries(floor)) {
    if (typeof rule === "string") continue;
    const installed = lock.packages[`node_modules/${name}`]?.version;
    assert.ok(installed, `${name} is installed`);
    assert.ok(compare(installed!, rule.min) >= 0, `${name} ${installed} is below the patched ${rule.min}`);
  }
});
