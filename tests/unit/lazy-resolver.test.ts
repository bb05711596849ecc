import { test } from "node:test";
import assert from "node:assert/strict";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { ZIncidentFields } from "@/lib/incidents/schema";

type Values = Record<string, unknown>;
const options = { fields: {}, shouldUseNativeValidation: false } as const;
const blank = { date: "", time: "", untilTime: "", areaId: "", place: "", latitude: "", longitude: "", categoryId: "", subcategoryId: "", description: "", policeReported: false, needsFollowUp: false };

test("the report form's lazily loaded validation gives the schema's field errors, in Swedish", async () => {
  const resolver = lazyZodResolver<Values>(async () => ZIncidentFields);
  const result = await resolver({ ...blank, description: "Ring 070-123 45 67" }, undefined, options);
  assert.deepEqual(result.values, {});
  assert.match(String(result.errors.date?.message), /datum/);
  assert.match(String(result.errors.description?.message), /telefonnummer/);
});

test("when the validation code cannot be fetched, the form submits and the server checks; the next call tries again", async () => {
  let calls = 0;
  const resolver = lazyZodResolver<Values>(async () => {
    calls++;
    if (calls === 1) throw new TypeError("Failed to fetch dynamically imported module");
    return ZIncidentFields;
  });
  const offline = await resolver(blank, undefined, options);
  assert.deepEqual(offline, { values: blank, errors: {} });
  const online = await resolver(blank, undefined, options);
  assert.ok(online.errors.date, "validated once the code loads");
  assert.equal(calls, 2);
});
