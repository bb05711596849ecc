import { z } from "zod";
import { refusePii } from "@/lib/validation/free-text";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const day = (message: string) => z.string().trim().refine(isDay, message);
const optionalDay = z.union([z.literal(""), day("Ange ett datum som 2025-03-01.")]).default("");

/** When an organisation is expected to report: start (empty: from its first report) and last day. */
export const ZReportingDays = z
  .object({
    organisationId: z.uuid(),
    start: optionalDay,
    // The last day it reports, as people say it ("t.o.m."); stored as the day after.
    lastDay: optionalDay,
  })
  .strict()
  .refine((v) => !v.start || !v.lastDay || v.start <= v.lastDay, { message: "Sista dagen kan inte ligga före starten.", path: ["lastDay"] });
export type TReportingDays = z.input<typeof ZReportingDays>;

/** Days an organisation is not expected to report, first to last day inclusive. */
export const ZReportingPause = z
  .object({
    organisationId: z.uuid(),
    from: day("Ange pausens första dag som 2025-06-15."),
    to: day("Ange pausens sista dag som 2025-08-15."),
    reason: z.string().trim().max(500, "Högst 500 tecken.").superRefine(refusePii).default(""),
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: "Pausens sista dag kan inte ligga före den första.", path: ["to"] });
export type TReportingPause = z.input<typeof ZReportingPause>;
