import { z } from "zod";

/** What someone without an account fills in to accept. */
export const ZAcceptInvitation = z
  .object({
    name: z.string().trim().min(2, "Skriv ditt namn.").max(120, "Högst 120 tecken."),
    password: z.string().min(12, "Lösenordet måste ha minst 12 tecken.").max(200, "Lösenordet är för långt."),
  })
  .strict();
