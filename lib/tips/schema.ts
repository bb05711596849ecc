import { z } from "zod";
import { refusePii } from "@/lib/validation/free-text";
import { piiMessage } from "@/lib/validation/pii";
import { LANGUAGES } from "./messages";
import { TIP_KINDS } from "./codes";

// Public input: messages are keys into lib/tips/messages.ts, shown in the visitor's language.
const noPii = (v: string, ctx: z.RefinementCtx) => {
  if (piiMessage(v)) ctx.addIssue({ code: "custom", message: "err_pii" });
};
const text = (max: number) => z.string().trim().max(max, "err_tooLong").superRefine(noPii).default("");
const opt = <T extends z.ZodTypeAny>(s: T) => z.union([z.literal(""), s]).default("");

/** A resident's tip. A place alone is enough; everything else is optional. */
export const ZTip = z
  .object({
    language: z.enum(Object.keys(LANGUAGES) as [keyof typeof LANGUAGES]),
    kind: z.enum(TIP_KINDS, "err_required"),
    areaId: opt(z.uuid()),
    place: text(200).pipe(z.string().min(2, "err_required")),
    latitude: opt(z.coerce.number().min(-90).max(90)),
    longitude: opt(z.coerce.number().min(-180).max(180)),
    date: opt(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "err_required")),
    time: opt(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "err_required")),
    description: text(3000),
    // About the tipster themselves: kept apart from the tip, so no PII guard here.
    contactName: z.string().trim().max(120, "err_tooLong").default(""),
    contactEmail: opt(z.email("err_email").max(200, "err_tooLong")),
    contactPhone: z.string().trim().max(40, "err_tooLong").default(""),
    // A field people never see; bots fill it in.
    website: z.string().max(0).default(""),
  })
  .strict();
export type TTip = z.output<typeof ZTip>;

/** Coordinators' triage. */
export const ZTipAccept = z
  .object({
    tipId: z.uuid(),
    categoryId: z.uuid("Välj kategori."),
    areaId: z.uuid("Välj kommundel."),
    place: z.string().trim().min(2, "Ange platsen.").max(200, "Högst 200 tecken.").superRefine(refusePii),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ange datum som ÅÅÅÅ-MM-DD."),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Ange tid som TT:MM."),
  })
  .strict();
export type TTipAccept = z.input<typeof ZTipAccept>;
export const ZTipMerge = z.object({ tipId: z.uuid(), incidentId: z.uuid("Välj händelsen tipset gäller.") }).strict();
export const ZTipClose = z
  .object({ tipIds: z.array(z.uuid()).min(1, "Välj minst ett tips.").max(200), reason: z.string().trim().min(3, "Skriv varför tipset avslutas.").max(300, "Högst 300 tecken.").superRefine(refusePii) })
  .strict();
export type TTipClose = z.input<typeof ZTipClose>;

export const ZMeasurePublish = z
  .object({ measureId: z.uuid(), publicText: z.string().trim().max(500, "Högst 500 tecken.").superRefine(refusePii) })
  .strict();
