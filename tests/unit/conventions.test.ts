// Conventions the architecture relies on, checked by reading the source (STYLE §9, checklist S1).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const files = (dir: string, pick: (f: string) => boolean) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pick(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
const read = (f: string) => readFileSync(f, "utf8");

// Route handlers that are public on purpose, and why.
const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/health/route.ts": "liveness probe; reveals only whether the database answers",
  "app/api/auth/[...nextauth]/route.ts": "next-auth's own sign-in endpoints",
  "app/api/invitations/[token]/route.ts": "accepting an e-mail invitation: the secret single-use token is the credential",
  "app/api/v1/openapi.json/route.ts": "the API's description: holds no data",
  "app/api/tips/[municipality]/route.ts": "residents' tips: no accounts by design; same-origin, honeypot, size limits and rate limits in the database",
};

test("every server action module authenticates in each exported action", () => {
  const modules = files("app", (f) => f.endsWith(".ts") || f.endsWith(".tsx")).filter((f) => /^["']use server["']/.test(read(f).trimStart()));
  assert.ok(modules.length >= 3, "found the server action modules");
  for (const file of modules) {
    const source = read(file);
    const exported = [...source.matchAll(/export async function (\w+)\s*\(/g)].map((m) => m[1]!);
    assert.ok(exported.length > 0, `${file} exports actions`);
    for (const name of exported) {
      const body = source.slice(source.indexOf(`export async function ${name}`)).split(/\nexport /)[0]!;
      assert.match(body, /await requireViewer\(\)/, `${file}: ${name} must call requireViewer()`);
      // Authentication first: an anonymous caller learns nothing from the schema's answer and
      // costs no parsing (issue 26).
      const parse = body.search(/\.(safeParse|parse)\(/);
      assert.ok(parse === -1 || body.indexOf("await requireViewer()") < parse, `${file}: ${name} must call requireViewer() before parsing its input`);
    }
  }
});

test("every route handler authenticates, unless it is public on purpose", () => {
  for (const file of files("app", (f) => f === "route.ts")) {
    const rel = file.split(path.sep).join("/");
    if (PUBLIC_ROUTES[rel]) continue;
    // receiveTextFile (lib/http/file-upload.ts) and pdfResponse (lib/documents/pdf.ts) authenticate
    // first; authorizeToken and authorizeRollupRead (lib/api/token-request.ts) authenticate and check the token's scope.
    assert.match(read(file), /await (getViewer|requireApiViewer|authenticateApiToken|authorizeToken|authorizeRollupRead|authenticateCalendarToken)\(|return (receiveTextFile|pdfResponse)\(/, `${rel} must authenticate its caller`);
  }
});

test("signed-in pages refuse through one helper, which logs the refusal (lib/page-errors.ts)", () => {
  const pages = files("app/(app)", (f) => f === "page.tsx");
  assert.ok(pages.length >= 30, `pages found: ${pages.length}`);
  for (const file of pages) {
    const source = read(file);
    // notFound() or a caught domain error turned into an answer by hand would refuse without a row
    // in the access log.
    assert.doesNotMatch(source, /\bnotFound\(|\bisExpectedError\b|\.catch\(/, `${file}: refuse with orNotFound()/refusePage() from lib/page-errors.ts`);
  }
});

test("data modules are server-only; shared schemas and time stay isomorphic", () => {
  for (const file of files("lib", (f) => /^(queries|mutations)\.ts$/.test(f)).concat("lib/db.ts", "lib/env.ts", "lib/auth/session.ts")) {
    assert.match(read(file), /^import "server-only";/, `${file} must start with import "server-only"`);
  }
  for (const file of files("lib", (f) => f === "schema.ts").concat(files("lib/time", (f) => f.endsWith(".ts")), ["lib/action-result.ts", "lib/errors.ts", "lib/validation/pii.ts"])) {
    const source = read(file);
    assert.doesNotMatch(source, /server-only|@\/lib\/db/, `${file} must stay isomorphic`);
  }
});

test("UI primitives know nothing of the domain, and the UI does not query the database", () => {
  // The action result type and the language (lib/i18n) are not domain; anything else in lib is.
  for (const file of files("components/ui", (f) => /\.tsx?$/.test(f))) assert.doesNotMatch(read(file), /@\/lib\/(?!action-result|i18n\/)/, file);
  for (const file of files("app", (f) => /\.tsx?$/.test(f)).concat(files("components", (f) => /\.tsx?$/.test(f)))) {
    assert.doesNotMatch(read(file), /from "@\/lib\/db"/, `${file} must query through lib/<domain>`);
  }
});

/** The modules a file pulls in with static value imports, transitively: local files followed, each
 * package named with the local file that imports it. Dynamic import() is not followed: it is a
 * chunk of its own, loaded later. */
function staticPackages(entry: string): Map<string, string> {
  const local = (from: string, spec: string) => {
    const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.join(path.dirname(from), spec) : null;
    return base === null ? null : ([`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => existsSync(f)) ?? null);
  };
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, spec] of read(file).matchAll(/^(?:import|export) (?!type )[^;]*?from "([^"]+)";/gm)) {
      const next = local(file, spec!);
      if (next) stack.push(next);
      else if (!/^(@\/|\.)/.test(spec!)) packages.set(spec!, file);
    }
  }
  return packages;
}

test("client components load neither zod nor the time-zone library with the page (ADR 013)", () => {
  const clients = files("app", (f) => f.endsWith(".tsx")).concat(files("components", (f) => f.endsWith(".tsx"))).filter((f) => read(f).startsWith('"use client"'));
  assert.ok(clients.length > 20, `found the client components (${clients.length})`);
  for (const file of clients) {
    for (const [pkg, via] of staticPackages(file)) {
      // zod and its resolver arrive with lazyZodResolver at first interaction; dates are formatted
      // with Intl and periods labelled by lib/time/period-keys.ts, so date-fns stays on the server.
      assert.doesNotMatch(pkg, /^(zod|@hookform\/resolvers|date-fns|@date-fns\/)/, `${file} loads ${pkg} with the page (imported by ${via})`);
    }
  }
});

test("the weekly report form loads no form library with the page (ADR 015)", () => {
  // Its first-load JavaScript is capped at 150 kB (issue #10); react-hook-form was 12 kB of it.
  const packages = staticPackages(path.join("app", "(app)", "incidents", "_components", "incident-form.tsx"));
  assert.ok(packages.has("react"), "follows the form's imports");
  for (const [pkg, via] of packages) assert.doesNotMatch(pkg, /^react-hook-form/, `the report form loads ${pkg} (imported by ${via})`);
});

test("only lib/env.ts reads configuration from process.env in the app", () => {
  for (const file of files("lib", (f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts")).concat(files("app", (f) => /\.tsx?$/.test(f)))) {
    if (file.includes("generated") || file.endsWith(path.join("lib", "env.ts"))) continue;
    assert.doesNotMatch(read(file), /process\.env\.[A-Z_]+/, `${file} reads process.env`);
  }
});

test("every client form keeps its fields closed until the page is hydrated (FormControls)", () => {
  // What is typed into a server-rendered field before hydration never reaches React's state; a
  // form would then send it empty (seen in CI: a closing report refused on a slow machine).
  const clients = files("app", (f) => f.endsWith(".tsx")).concat(files("components", (f) => f.endsWith(".tsx"))).filter((f) => read(f).startsWith('"use client"'));
  const FIELD = /<(input|textarea|select|Field)\b/;
  let forms = 0;
  const open: string[] = [];
  for (const file of clients) {
    const source = read(file);
    for (const [, body] of source.matchAll(/<form\b([\s\S]*?)<\/form>/g)) {
      forms++;
      // No field before the first <FormControls> or after the last one.
      const start = body!.indexOf("<FormControls");
      const end = body!.lastIndexOf("</FormControls>");
      if (start < 0 || [body!.slice(0, start), body!.slice(end)].some((outside) => FIELD.test(outside))) open.push(file);
    }
    // Fields outside a <form> (autosaving editors, a switcher) are held the same way.
    if (FIELD.test(source) && !/<FormControls\b|useHydrated\(\)/.test(source)) open.push(file);
  }
  assert.ok(forms > 30, `found the client forms (${forms})`);
  assert.deepEqual(open, [], "forms whose fields are not inside <FormControls>");
});

test("an error that belongs to no field is shown through FormError (one look, role=\"alert\")", () => {
  // The import's result box is a report whose colour follows the outcome, not an error message.
  const allowed = new Set(["components/ui/form-error.tsx", "app/(app)/incidents/import/_components/import-form.tsx"]);
  const own = files("app", (f) => f.endsWith(".tsx"))
    .concat(files("components", (f) => f.endsWith(".tsx")))
    .filter((f) => !allowed.has(f) && read(f).includes("alert-error"));
  assert.deepEqual(own, [], "error boxes written by hand");
});
