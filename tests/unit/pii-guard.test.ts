// Every free-text field of every form and API schema refuses personal data (issue 26): found by
// giving each string field of each exported schema a text with a phone number. A field that takes
// it is either guarded by mistake – the test fails – or holds personal data on purpose, listed
// below with the reason.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const ALLOWED: Record<string, string> = {
  "tips.ZTip.contactName": "the resident's own name, asked for only if they want an answer; kept apart from the tip and shown only to coordinators",
  "tips.ZTip.contactEmail": "as contactName",
  "tips.ZTip.contactPhone": "as contactName",
  "tips.ZTip.website": "honeypot: any value is refused by its max(0)",
  "auth.ZSignIn.password": "a password is checked, never stored or shown",
  "users.ZAcceptInvitation.password": "as auth.ZSignIn.password",
  "users.ZAcceptInvitation.name": "the account holder's own name, given when accepting an invitation",
  "measures.ZMeasureCreate.responsibleName": "the named contact responsible for an action (STYLE: a role or a name), shown only inside the municipality",
  "measures.ZMeasureFromLagesbild.responsibleName": "as measures.ZMeasureCreate.responsibleName",
};
// Whole schemas that are not stored: the incident list's filters fall back to defaults (.catch).
const ALLOWED_SCHEMAS: Record<string, string> = {
  "incidents.ZIncidentFilter": "search filters, never stored; invalid values fall back to defaults",
  "rollups.ZRollupQuery": "an API query: the municipality's slug is looked up, never stored",
  "rollups.ZSeriesQuery": "as rollups.ZRollupQuery",
  "rollups.ZRollup": "an answer the API sends (names of areas and categories), never input",
  "rollups.ZRollupSeries": "as rollups.ZRollup",
};
const SAMPLE = "Ring 070-123 45 67 vid Edsbergs torg";

type Found = { name: string; schema: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
const WRAPPERS = ["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"];

/** Whether the value a field takes in is a string: through its wrappers and a pipe's input. */
function takesString(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (WRAPPERS.includes(def.type)) return takesString(def.innerType as z.ZodType);
  if (def.type === "pipe") return takesString(def.in as z.ZodType);
  return def.type === "string";
}

/** Every string-valued field in a schema, as the whole field schema (wrappers, refinements and
 * pipes included: a check on any of them counts). */
function fields(name: string, schema: z.ZodType, out: Found[]): void {
  const def = defOf(schema);
  if (takesString(schema)) {
    out.push({ name, schema });
  } else if (def.type === "object") {
    for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) fields(`${name}.${key}`, field, out);
  } else if (WRAPPERS.includes(def.type)) {
    fields(name, def.innerType as z.ZodType, out);
  } else if (def.type === "pipe") {
    fields(name, def.in as z.ZodType, out);
  } else if (def.type === "array") {
    fields(`${name}[]`, def.element as z.ZodType, out);
  } else if (def.type === "union") {
    for (const o of def.options as z.ZodType[]) fields(name, o, out);
  }
}

test("no free-text field in any schema takes a phone number unless it holds personal data on purpose", async () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const modules = readdirSync(path.join(root, "lib"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /^schema\.ts$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
  assert.ok(modules.length >= 10, `schema modules found: ${modules.length}`);
  const offenders: string[] = [];
  let checked = 0;
  for (const file of modules) {
    const domain = path.basename(path.dirname(file));
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      if (!(value instanceof z.ZodType)) continue;
      const found: Found[] = [];
      fields(`${domain}.${exportName}`, value, found);
      for (const f of found) {
        checked++;
        if (f.schema.safeParse(SAMPLE).success && !ALLOWED[f.name] && !ALLOWED_SCHEMAS[`${domain}.${exportName}`]) offenders.push(f.name);
      }
    }
  }
  assert.ok(checked > 50, `string fields checked: ${checked}`);
  assert.deepEqual(offenders, [], "free-text fields without the personal-data guard");
});
