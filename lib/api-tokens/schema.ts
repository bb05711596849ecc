import { z } from "zod";
import type { ApiScope } from "@/lib/generated/prisma/enums";
import { refusePii } from "@/lib/validation/free-text";

/** The two kinds of key an admin makes, as the scopes they carry (ADR 022): a reporting system
 * sends its organisation's reports and reads them back; a BI tool reads the counts and every
 * organisation's reports in the municipality, and writes nothing. */
export const TOKEN_ACCESS = {
  report: ["INCIDENTS_WRITE", "INCIDENTS_READ"],
  bi: ["ROLLUPS_READ", "INCIDENTS_READ_ALL"],
} as const satisfies Record<string, readonly ApiScope[]>;

/** A new API key: its name, the organisation it speaks for and what it may do. */
export const ZApiTokenCreate = z.object({
  name: z.string().trim().min(2, "Ge nyckeln ett namn, t.ex. ”Bevakningssystemet”.").max(80, "Högst 80 tecken.").superRefine(refusePii),
  organisationId: z.uuid("Välj organisation."),
  access: z.enum(["report", "bi"], "Välj vad nyckeln får göra."),
}).strict();
