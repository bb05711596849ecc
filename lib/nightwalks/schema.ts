import { z } from "zod";
import { refusePii } from "@/lib/validation/free-text";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const text = (max: number) => z.string().trim().max(max, `Högst ${max} tecken.`).superRefine(refusePii);

/** One observation on a walk; with a category, area and place it also becomes an incident. */
export const ZObservation = z
  .object({
    text: text(1000).pipe(z.string().min(3, "Beskriv vad ni såg.")),
    categoryId: z.union([z.literal(""), z.uuid()]).default(""),
    areaId: z.union([z.literal(""), z.uuid()]).default(""),
    place: text(200).default(""),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.categoryId && !o.areaId) ctx.addIssue({ code: "custom", path: ["areaId"], message: "Välj kommundel för händelsen." });
    if (o.categoryId && o.place.length < 2) ctx.addIssue({ code: "custom", path: ["place"], message: "Ange platsen för händelsen." });
  });

/** A night walk: when, how many walked, where; what they saw. */
export const ZNightWalk = z
  .object({
    municipalityId: z.uuid(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ange datum som ÅÅÅÅ-MM-DD."),
    startTime: z.string().regex(TIME, "Ange tid som TT:MM."),
    endTime: z.string().regex(TIME, "Ange tid som TT:MM."),
    walkers: z.coerce.number().int("Ange ett heltal.").min(1, "Minst en.").max(200, "Högst 200."),
    areaIds: z.array(z.uuid()).min(1, "Välj minst en kommundel."),
    route: text(1000).default(""),
    observations: z.array(ZObservation).max(30, "Högst 30 iakttagelser per pass.").default([]),
  })
  .strict();
export type TNightWalk = z.input<typeof ZNightWalk>;
