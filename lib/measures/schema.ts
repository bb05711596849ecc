import { z } from "zod";
import { piiMessage } from "@/lib/incidents/pii";

const noPii = (v: string, ctx: z.RefinementCtx) => {
  const m = piiMessage(v);
  if (m) ctx.addIssue({ code: "custom", message: m });
};

/** A decision in a lägesbild that becomes an action (åtgärd) with an owner and a due date. */
export const ZMeasureFromLagesbild = z
  .object({
    groupId: z.uuid(),
    week: z.string().regex(/^\d{4}-W\d{2}$/),
    title: z.string().trim().min(3, "Beskriv åtgärden kort.").max(200, "Högst 200 tecken.").superRefine(noPii),
    ownerOrgId: z.uuid("Välj ansvarig organisation."),
    responsibleName: z.string().trim().max(120, "Högst 120 tecken.").default(""),
    areaId: z.union([z.literal(""), z.uuid()]).default(""),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ange datum som ÅÅÅÅ-MM-DD."),
  })
  .strict();
export type TMeasureFromLagesbild = z.input<typeof ZMeasureFromLagesbild>;

export const ZFollowUp = z
  .object({
    measureId: z.uuid(),
    text: z.string().trim().min(3, "Skriv vad som har hänt.").max(2000, "Högst 2000 tecken.").superRefine(noPii),
  })
  .strict();
