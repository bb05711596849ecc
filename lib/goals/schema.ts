import { z } from "zod";
import { GOAL_STATUS } from "./codes";
import { refusePii } from "@/lib/validation/free-text";

/** A goal's status for a quarter; a second one for the same quarter corrects it. */
export const ZGoalFollowUp = z
  .object({
    groupId: z.uuid(),
    goalId: z.uuid(),
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/, "Ogiltigt kvartal."),
    status: z.enum(Object.keys(GOAL_STATUS) as [keyof typeof GOAL_STATUS], "Välj status."),
    comment: z.string().trim().max(2000, "Högst 2000 tecken.").superRefine(refusePii),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status !== "ON_TRACK" && v.comment.length < 3) ctx.addIssue({ code: "custom", path: ["comment"], message: "Skriv vad som avviker och vad gruppen gör åt det." });
  });
export type TGoalFollowUp = z.input<typeof ZGoalFollowUp>;
