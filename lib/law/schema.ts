import { z } from "zod";
import { freeText } from "@/lib/validation/free-text";

export const LAW_PERIOD = /^\d{4}-(Q[1-4]|T[1-3])$/;
const period = z.string().regex(LAW_PERIOD, "Välj ett kvartal eller tertial.");

export const ZLawTexts = z.object({ period, revision: z.number().int().min(0), otherInfo: freeText(10000), analysis: freeText(20000), proposal: freeText(4000).default("") }).strict();
export type TLawTexts = z.input<typeof ZLawTexts>;

export const ZLawStep = z.object({ period, revision: z.number().int().min(1, "Spara utkastet först.") }).strict();
export const ZLawNewVersion = z.object({ period }).strict();
