import { z } from "zod";
import { refusePii } from "@/lib/validation/free-text";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Addresses separated by commas, semicolons, spaces or lines; lower case, each once. */
export const emailList = (s: string) => [...new Set(s.split(/[\s,;]+/).map((x) => x.trim().toLowerCase()).filter(Boolean))];

/** Opening an EST Insats, from a flag in a lägesbild or from scratch. */
export const ZInsatsOpen = z
  .object({
    municipalityId: z.uuid(),
    name: z.string().trim().min(3, "Ge insatsen ett namn, t.ex. ”EST Insats Rotebro station”.").max(120, "Högst 120 tecken.").superRefine(refusePii),
    problem: z.string().trim().min(10, "Beskriv problembilden med några meningar.").max(3000, "Högst 3000 tecken.").superRefine(refusePii),
    places: z.string().trim().max(500, "Högst 500 tecken.").superRefine(refusePii).default(""),
    areaIds: z.array(z.uuid()).min(1, "Välj minst en kommundel."),
    plannedEndDate: z.string().regex(DATE, "Ange datum som ÅÅÅÅ-MM-DD."),
    memberIds: z.array(z.uuid()).max(100),
    // People without an account in the municipality are invited by e-mail instead.
    inviteEmails: z
      .string()
      .max(2000, "Högst 2000 tecken.")
      .default("")
      .superRefine((s, ctx) => {
        const bad = emailList(s).find((x) => !z.email().safeParse(x).success);
        if (bad) ctx.addIssue({ code: "custom", message: `”${bad}” är ingen giltig e-postadress.` });
      }),
    inviteOrganisationId: z.union([z.uuid(), z.literal("")]).default(""),
    cadence: z.enum(["TWICE_WEEKLY", "WEEKLY", "AD_HOC"]),
    weekday: z.coerce.number().int().min(1).max(5),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Ange tid som TT:MM."),
    origin: z.object({ groupId: z.uuid(), week: z.string().regex(/^\d{4}-W\d{2}$/), areaId: z.uuid(), categoryId: z.uuid() }).strict().nullable(),
    // Another Insats already open in one of the areas: started anyway only when the coordinator says so.
    confirmDuplicate: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (emailList(v.inviteEmails).length > 0 && v.inviteOrganisationId === "") {
      ctx.addIssue({ code: "custom", path: ["inviteOrganisationId"], message: "Välj vilken organisation de inbjudna kommer från." });
    }
  });
export type TInsatsOpen = z.input<typeof ZInsatsOpen>;

export const ZInsatsExtend = z
  .object({
    groupId: z.uuid(),
    plannedEndDate: z.string().regex(DATE, "Ange datum som ÅÅÅÅ-MM-DD."),
    reason: z.string().trim().min(5, "Ange varför insatsen förlängs.").max(1000, "Högst 1000 tecken.").superRefine(refusePii),
  })
  .strict();

export const ZInsatsClose = z
  .object({
    groupId: z.uuid(),
    outcome: z.string().trim().min(10, "Sammanfatta vad insatsen ledde till.").max(3000, "Högst 3000 tecken.").superRefine(refusePii),
    lessons: z.string().trim().max(3000, "Högst 3000 tecken.").superRefine(refusePii).default(""),
    // What becomes of each open action: handed over to EST Vecko, cancelled, or kept as it is.
    openMeasures: z.array(z.object({ id: z.uuid(), decision: z.enum(["HAND_OVER", "CANCEL", "KEEP"]) }).strict()).max(200),
  })
  .strict();
export type TInsatsClose = z.input<typeof ZInsatsClose>;

/** Publishing an Insats meeting's lägesbild; `week` holds the meeting's date (the form is shared
 * with the weekly lägesbild). */
export const ZMeetingPicturePublish = z
  .object({ groupId: z.uuid(), week: z.string().regex(DATE), version: z.number().int().min(1), confirmIncomplete: z.boolean() })
  .strict();
