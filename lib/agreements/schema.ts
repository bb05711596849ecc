import { z } from "zod";
import { piiMessage } from "@/lib/incidents/pii";

export const COMMITMENT_STATUS = { MET: "Uppfyllt", PARTLY: "Delvis uppfyllt", NOT_MET: "Inte uppfyllt" } as const;
export const PARTY = { KOMMUN: "Kommunen", POLIS: "Polisen", GEMENSAM: "Gemensamt" } as const;

/** A half-yearly follow-up of one commitment; a second one for the same half-year corrects it. */
export const ZCommitmentFollowUp = z
  .object({
    commitmentId: z.uuid(),
    halfYear: z.string().trim().regex(/^\d{4}-H[12]$/, "Ange halvår som 2026-H1 eller 2026-H2."),
    status: z.enum(Object.keys(COMMITMENT_STATUS) as [keyof typeof COMMITMENT_STATUS], "Välj status."),
    comment: z.string().trim().max(2000, "Högst 2000 tecken.").superRefine((v, ctx) => {
      const m = piiMessage(v);
      if (m) ctx.addIssue({ code: "custom", message: m });
    }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status !== "MET" && v.comment.length < 3) ctx.addIssue({ code: "custom", path: ["comment"], message: "Skriv vad som saknas och varför." });
  });
export type TCommitmentFollowUp = z.input<typeof ZCommitmentFollowUp>;

/** The half-year a date falls in, Stockholm calendar ("2026-H2"). */
export const halfYearOf = (localDate: string) => `${localDate.slice(0, 4)}-H${Number(localDate.slice(5, 7)) <= 6 ? 1 : 2}`;
