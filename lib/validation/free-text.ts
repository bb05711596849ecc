// The zod side of the personal-data rule, apart from pii.ts so that the report form can check
// as the user types without loading zod with the page (its validation is loaded afterwards).
import { z } from "zod";
import { piiMessage } from "./pii";

/** A zod refinement for free text: refuses personal identity numbers, phone numbers, e-mail
 * addresses and plates, naming what was found. Every free-text field uses this one. */
export function refusePii(value: string, ctx: z.RefinementCtx): void {
  const message = piiMessage(value);
  if (message) ctx.addIssue({ code: "custom", message });
}

/** Free text of at most `max` characters, without personal data. */
export const freeText = (max: number) => z.string().max(max, `Högst ${max} tecken.`).superRefine(refusePii);
