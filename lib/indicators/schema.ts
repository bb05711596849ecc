import { z } from "zod";
import { piiMessage } from "@/lib/incidents/pii";

// A year ("2025") or a tertial, quarter or month: indicators follow the budget cycle.
const PERIOD = /^\d{4}(-(T[1-3]|Q[1-4]|(0[1-9]|1[0-2])))?$/;

/** A value as typed in the form; the unit check needs the indicator, so it runs in the mutation. */
export const ZIndicatorValue = z
  .object({
    indicatorId: z.uuid(),
    periodKey: z.string().trim().regex(PERIOD, "Ange år (2025) eller tertial (2025-T3)."),
    areaId: z.union([z.uuid(), z.literal("")]).default(""),
    value: z.string().trim().min(1, "Ange ett värde.").regex(/^-?\d+([.,]\d+)?$/, "Ange ett tal, t.ex. 42 eller 41,5."),
    note: z.string().trim().max(500, "Högst 500 tecken.").default("").superRefine((v, ctx) => {
      const m = piiMessage(v);
      if (m) ctx.addIssue({ code: "custom", message: m });
    }),
  })
  .strict();
export type TIndicatorValue = z.input<typeof ZIndicatorValue>;

/** Whether a number fits the indicator's unit; the reason in Swedish when it does not. */
export function unitProblem(unit: string | null, value: number): string | null {
  if (unit === "%" && (value < 0 || value > 100)) return "Värdet är en andel i procent och ska ligga mellan 0 och 100.";
  if (unit === "st" && (!Number.isInteger(value) || value < 0)) return "Värdet är ett antal och ska vara ett heltal, 0 eller mer.";
  return null;
}
