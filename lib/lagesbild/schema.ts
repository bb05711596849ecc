import { z } from "zod";
import { freeText } from "@/lib/validation/free-text";

export const AREA_LEVELS = ["GREEN", "YELLOW", "RED"] as const;

/** The group's judgement of a week, edited by the coordinator; `version` guards concurrent edits. */
export const ZLagesbildJudgement = z
  .object({
    groupId: z.uuid(),
    // An ISO week, or for an EST Insats the date of the meeting its lägesbild is for.
    week: z.string().regex(/^\d{4}-(W\d{2}|\d{2}-\d{2})$/),
    version: z.number().int().min(0),
    assessment: freeText(5000),
    outlook: freeText(3000),
    resourceNotes: freeText(3000),
    focusNotes: freeText(2000),
    areaStatuses: z.array(z.object({ areaId: z.uuid(), level: z.union([z.enum(AREA_LEVELS), z.literal("")]), reason: freeText(300) }).strict()).max(200),
  })
  .strict();
export type TLagesbildJudgement = z.input<typeof ZLagesbildJudgement>;

export const ZLagesbildPublish = z
  .object({ groupId: z.uuid(), week: z.string().regex(/^\d{4}-W\d{2}$/), version: z.number().int().min(1), confirmIncomplete: z.boolean() })
  .strict();
