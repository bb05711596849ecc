import { z } from "zod";
import { refusePii } from "@/lib/validation/free-text";

// A year ("2025") or a tertial, quarter or month: indicators follow the budget cycle.
const PERIOD = /^\d{4}(-(T[1-3]|Q[1-4]|(0[1-9]|1[0-2])))?$/;

/** A value as typed in the form; the unit check needs the indicator, so it runs in the mutation. */
export const ZIndicatorValue = z
  .object({
    indicatorId: z.uuid(),
    periodKey: z.string().trim().regex(PERIOD, "Ange år (2025) eller tertial (2025-T3)."),
    areaId: z.union([z.uuid(), z.literal("")]).default(""),
    value: z.string().trim().min(1, "Ange ett värde.").regex(/^-?\d+([.,]\d+)?$/, "Ange ett tal, t.ex. 42 eller 41,5."),
    note: z.string().trim().max(500, "Högst 500 tecken.").default("").superRefine(refusePii),
  })
  .strict();
export type TIndicatorValue = z.input<typeof ZIndicatorValue>;

/** Whether a number fits the indicator's unit; the reason in Swedish when it does not. */
export function unitProblem(unit: string | null, value: number): string | null {
  if (unit === "%" && (value < 0 || value > 100)) return "Värdet är en andel i procent och ska ligga mellan 0 och 100.";
  if (unit === "st" && (!Number.isInteger(value) || value < 0)) return "Värdet är ett antal och ska vara ett heltal, 0 eller mer.";
  return null;
}

const YEAR = z.union([z.literal(""), z.string().regex(/^(19|20)\d{2}$/, "Ange ett årtal, t.ex. 2021.")]);
const NUMBER = z.union([z.literal(""), z.string().trim().regex(/^-?\d+([.,]\d+)?$/, "Ange ett tal.")]);

/** An indicator as a nämnd defines it. Milestones are written "2025: 40; 2030: 50". */
export const ZIndicator = z
  .object({
    id: z.union([z.literal(""), z.uuid()]).default(""),
    ownerBoard: z.string().trim().min(3, "Ange vilken nämnd som äger indikatorn.").max(120, "Högst 120 tecken.").superRefine(refusePii),
    name: z.string().trim().min(3, "Ge indikatorn ett namn.").max(200, "Högst 200 tecken.").superRefine(refusePii),
    definition: z.string().trim().max(2000, "Högst 2000 tecken.").superRefine(refusePii).default(""),
    unit: z.enum(["%", "st", "index", "kr"], "Välj enhet."),
    direction: z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"]),
    baselineYear: YEAR.default(""),
    baseline: NUMBER.default(""),
    target: NUMBER.default(""),
    milestones: z
      .string()
      .trim()
      .max(300)
      .default("")
      .refine((s) => s === "" || s.split(";").every((p) => /^\s*(19|20)\d{2}\s*:\s*-?\d+([.,]\d+)?\s*$/.test(p)), "Skriv delmål som ”2025: 40; 2030: 50”."),
  })
  .strict();
export type TIndicator = z.input<typeof ZIndicator>;

export const parseNumber = (s: string) => (s === "" ? null : Number(s.replace(",", ".")));
export const parseMilestones = (s: string) =>
  s === "" ? [] : s.split(";").map((p) => {
    const [year, value] = p.split(":").map((x) => x.trim()) as [string, string];
    return { year: Number(year), value: Number(value.replace(",", ".")) };
  });
