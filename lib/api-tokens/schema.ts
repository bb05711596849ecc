import { z } from "zod";
import { refusePii } from "@/lib/validation/free-text";

/** A new API key: its name and the organisation whose reports it sends. */
export const ZApiTokenCreate = z.object({
  name: z.string().trim().min(2, "Ge nyckeln ett namn, t.ex. ”Bevakningssystemet”.").max(80, "Högst 80 tecken.").superRefine(refusePii),
  organisationId: z.uuid("Välj organisation."),
}).strict();
