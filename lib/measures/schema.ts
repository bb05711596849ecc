import { z } from "zod";
import { MEASURE_STATUS, VERDICTS } from "./codes";
import { refusePii } from "@/lib/validation/free-text";
import { fill } from "@/lib/i18n/fill";

/** A decision in a lägesbild that becomes an action (åtgärd) with an owner and a due date. */
export const ZMeasureFromLagesbild = z
  .object({
    groupId: z.uuid(),
    week: z.string().regex(/^\d{4}-W\d{2}$/),
    title: z.string().trim().min(3, "Beskriv åtgärden kort.").max(200, "Högst 200 tecken.").superRefine(refusePii),
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
    text: z.string().trim().min(3, "Skriv vad som har hänt.").max(2000, "Högst 2000 tecken.").superRefine(refusePii),
  })
  .strict();

type Verdict = keyof typeof VERDICTS;

/** A status change; cancelling needs a reason. `version` guards against overwriting a change. */
export const ZMeasureStatus = z
  .object({
    measureId: z.uuid(),
    version: z.number().int().min(1),
    status: z.enum(MEASURE_STATUS, "Välj status."),
    cancelReason: z.string().trim().max(1000, "Högst 1000 tecken.").superRefine(refusePii).default(""),
    // Marking an action done asks for an effect verdict (or "bedöms senare") unless it has one.
    verdict: z.union([z.enum(Object.keys(VERDICTS) as [Verdict, ...Verdict[]]), z.literal("")]).default(""),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === "CANCELLED" && v.cancelReason.length < 3) ctx.addIssue({ code: "custom", path: ["cancelReason"], message: "Skriv varför åtgärden avbryts." });
  });
export type TMeasureStatus = z.input<typeof ZMeasureStatus>;

/** The group's own judgement of an action's effect. */
export const ZMeasureJudgement = z
  .object({
    measureId: z.uuid(),
    verdict: z.enum(Object.keys(VERDICTS) as [Verdict, ...Verdict[]], "Välj en bedömning."),
    judgement: z.string().trim().min(3, "Motivera bedömningen kort.").max(3000, "Högst 3000 tecken.").superRefine(refusePii),
  })
  .strict();
export type TMeasureJudgement = z.input<typeof ZMeasureJudgement>;

/** Filters of the action register, from the page's query string. */
export const ZMeasureFilter = z.object({
  view: z.enum(["all", "mine", "overdue"]).catch("all"),
  status: z.enum(["", "OPEN", ...MEASURE_STATUS]).catch(""),
  groupId: z.union([z.uuid(), z.literal("")]).catch(""),
  areaId: z.union([z.uuid(), z.literal("")]).catch(""),
});
export type TMeasureFilter = z.output<typeof ZMeasureFilter>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A new action from the register itself (from a goal, a tertial analysis or anything else). */
export const ZMeasureCreate = z
  .object({
    title: z.string().trim().min(3, "Beskriv åtgärden kort.").max(200, "Högst 200 tecken.").superRefine(refusePii),
    description: z.string().trim().max(3000, "Högst 3000 tecken.").superRefine(refusePii).default(""),
    kind: z.enum(["SHORT_TERM", "LONG_TERM"]),
    isJoint: z.boolean().default(false),
    areaId: z.union([z.literal(""), z.uuid()]).default(""),
    place: z.string().trim().max(200, "Högst 200 tecken.").superRefine(refusePii).default(""),
    ownerOrgId: z.uuid("Välj ansvarig organisation."),
    responsibleName: z.string().trim().max(120, "Högst 120 tecken.").default(""),
    participantOrgIds: z.array(z.uuid()).max(50).default([]),
    startDate: z.string().regex(DAY, "Ange datum som ÅÅÅÅ-MM-DD."),
    dueDate: z.string().regex(DAY, "Ange datum som ÅÅÅÅ-MM-DD."),
    goalId: z.union([z.literal(""), z.uuid()]).default(""),
    groupId: z.union([z.literal(""), z.uuid()]).default(""),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (DAY.test(v.startDate) && DAY.test(v.dueDate) && v.dueDate < v.startDate) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "Klart senast kan inte ligga före start." });
  });
export type TMeasureCreate = z.input<typeof ZMeasureCreate>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ange datum som ÅÅÅÅ-MM-DD.");
const daysBetween = (first: string, last: string) => Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;

/**
 * How the action's effect is to be judged (issue 25): the categories it should move, what it is
 * compared with, and two equally long windows, the before window ending before the after window
 * begins. Days are Stockholm dates, first and last day included.
 */
export const ZMeasureEvaluation = z
  .object({
    measureId: z.uuid(),
    categoryIds: z.array(z.uuid()).min(1, "Välj minst en kategori som åtgärden ska påverka.").max(20),
    control: z.enum(["MUNICIPALITY", "AREAS"], "Välj vad åtgärdens plats ska jämföras med."),
    controlAreaIds: z.array(z.uuid()).max(20).default([]),
    beforeFirst: day,
    beforeLast: day,
    afterFirst: day,
    afterLast: day,
  })
  .strict()
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.control === "AREAS" && v.controlAreaIds.length === 0) issue("controlAreaIds", "Välj minst en kommundel att jämföra med.");
    if (v.beforeLast < v.beforeFirst) return issue("beforeLast", "Sista dagen före ligger före den första.");
    if (v.afterLast < v.afterFirst) return issue("afterLast", "Sista dagen efter ligger före den första.");
    if (v.afterFirst <= v.beforeLast) return issue("afterFirst", fill("Fönstren överlappar: perioden efter börjar {after}, men perioden före slutar {before}.", { after: v.afterFirst, before: v.beforeLast }));
    const [before, after] = [daysBetween(v.beforeFirst, v.beforeLast), daysBetween(v.afterFirst, v.afterLast)];
    if (before !== after) issue("afterLast", fill("Fönstren ska vara lika långa för att antalen ska gå att jämföra (före {before} dagar, efter {after}).", { before, after }));
  });
export type TMeasureEvaluation = z.input<typeof ZMeasureEvaluation>;
