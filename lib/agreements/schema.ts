import { z } from "zod";
import { COMMITMENT_STATUS } from "./codes";
import { refusePii } from "@/lib/validation/free-text";

export const PARTY = { KOMMUN: "Kommunen", POLIS: "Polisen", GEMENSAM: "Gemensamt" } as const;

/** A half-yearly follow-up of one commitment; a second one for the same half-year corrects it. */
export const ZCommitmentFollowUp = z
  .object({
    commitmentId: z.uuid(),
    halfYear: z.string().trim().regex(/^\d{4}-H[12]$/, "Ange halvår som 2026-H1 eller 2026-H2."),
    status: z.enum(Object.keys(COMMITMENT_STATUS) as [keyof typeof COMMITMENT_STATUS], "Välj status."),
    comment: z.string().trim().max(2000, "Högst 2000 tecken.").superRefine(refusePii),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status !== "MET" && v.comment.length < 3) ctx.addIssue({ code: "custom", path: ["comment"], message: "Skriv vad som saknas och varför." });
  });
export type TCommitmentFollowUp = z.input<typeof ZCommitmentFollowUp>;

/** The half-year a date falls in, Stockholm calendar ("2026-H2"). */
export const halfYearOf = (localDate: string) => `${localDate.slice(0, 4)}-H${Number(localDate.slice(5, 7)) <= 6 ? 1 : 2}`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PREFIX: Record<string, keyof typeof PARTY> = { kommunen: "KOMMUN", polisen: "POLIS", gemensamt: "GEMENSAM" };

/** Commitments written one per line, optionally starting with "Polisen:", "Kommunen:" or "Gemensamt:". */
export function parseCommitments(text: string) {
  return text.split("\n").map((l) => l.trim()).filter(Boolean).map((line) => {
    const m = /^(kommunen|polisen|gemensamt)\s*:\s*(.+)$/i.exec(line);
    return m ? { party: PREFIX[m[1]!.toLowerCase()]!, text: m[2]!.trim() } : { party: "GEMENSAM" as const, text: line };
  });
}

export const ZAgreementCreate = z
  .object({
    title: z.string().trim().min(5, "Ge överenskommelsen ett namn.").max(200, "Högst 200 tecken.").superRefine(refusePii),
    validFrom: z.string().regex(DAY, "Ange datum som ÅÅÅÅ-MM-DD."),
    validTo: z.string().regex(DAY, "Ange datum som ÅÅÅÅ-MM-DD."),
    commitments: z.string().max(10000, "Högst 10 000 tecken.").refine((s) => parseCommitments(s).length > 0, "Skriv minst ett åtagande, ett per rad.").superRefine(refusePii),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (DAY.test(v.validFrom) && DAY.test(v.validTo) && v.validTo < v.validFrom) ctx.addIssue({ code: "custom", path: ["validTo"], message: "Slutdatum kan inte ligga före startdatum." });
  });
export type TAgreementCreate = z.input<typeof ZAgreementCreate>;
