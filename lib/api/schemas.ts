// The shapes every /api/v1 answer shares. They are the OpenAPI document's too (lib/api/openapi.ts):
// what the routes send and what the document promises come from the same zod schemas.
import { z } from "zod";

/** A refusal: a sentence in Swedish for a person reading a log. */
export const ZApiError = z.object({ error: z.string().meta({ example: "Ogiltig eller återkallad API-nyckel." }) }).meta({ id: "Error" });

/** A query that could not be read: each parameter with its reason. */
export const ZQueryErrors = z
  .object({
    error: z.string().meta({ example: "Ogiltig fråga." }),
    errors: z.array(z.object({ field: z.string(), reason: z.string() })),
  })
  .meta({ id: "QueryErrors" });

/** The answer to a query zod refused, in the shape above. */
export function queryErrors(error: z.ZodError, fallback: string) {
  return { error: "Ogiltig fråga.", errors: error.issues.map((i) => ({ field: String(i.path[0] ?? fallback), reason: i.message })) };
}
