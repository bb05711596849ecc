import { z } from "zod";
import { freeText } from "@/lib/validation/free-text";

const tertial = z.string().regex(/^\d{4}-T[1-3]$/, "Ogiltigt tertial.");

/** The analysis's narrative: an overall assessment and one per area (keyed by area id). */
export const ZTertialNarrative = z
  .object({
    tertial,
    version: z.number().int().min(0),
    overall: freeText(8000),
    areas: z.record(z.uuid(), freeText(4000)),
    // "Förslag till beslut": what the analysis proposes EST Ledning or the nämnd decides.
    proposal: freeText(4000).default(""),
  })
  .strict();
export type TTertialNarrative = z.input<typeof ZTertialNarrative>;

const saved = z.number().int().min(1, "Spara analysens text först.");

export const ZTertialStep = z.object({ tertial, version: saved }).strict();

export const ZTertialComment = z
  .object({
    tertial,
    section: z.union([z.literal("overall"), z.uuid()]),
    text: freeText(4000).pipe(z.string().trim().min(1, "Skriv en kommentar.")),
  })
  .strict();
export type TTertialComment = z.input<typeof ZTertialComment>;

export const ZTertialReturn = z
  .object({ tertial, version: saved, reason: freeText(4000).pipe(z.string().trim().min(3, "Skriv vad som behöver ändras.")) })
  .strict();
