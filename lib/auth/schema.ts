import { z } from "zod";

// Shared by the sign-in form and the credentials check.
export const ZSignIn = z.object({
  email: z.string().trim().min(1, "Ange din e-postadress.").email("Ange en giltig e-postadress."),
  password: z.string().min(1, "Ange ditt lösenord.").max(200, "Lösenordet är för långt."),
});
export type TSignIn = z.infer<typeof ZSignIn>;
