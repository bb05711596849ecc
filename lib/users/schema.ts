import { z } from "zod";

/** An invitation link's secret as the app makes it (32 random bytes, base64url). */
export const ZInvitationToken = z.string().regex(/^[A-Za-z0-9_-]{40,60}$/, "Länken är inte en giltig inbjudan.");

/** What someone without an account fills in to accept. */
export const ZAcceptInvitation = z
  .object({
    name: z.string().trim().min(2, "Skriv ditt namn.").max(120, "Högst 120 tecken."),
    password: z.string().min(12, "Lösenordet måste ha minst 12 tecken.").max(200, "Lösenordet är för långt."),
  })
  .strict();
