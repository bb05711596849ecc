// The incident API's questions and answers, shared by the routes and the OpenAPI document.
import { z } from "zod";

/** One report from a system: the same fields and rules as a row of the CSV import; the
 * organisation is the token's, never the caller's choice. */
export const ZApiIncident = z
  .object({
    occurred_at: z.string().max(40).meta({ description: "När det hände, i Stockholmstid: `2026-11-20 21:30`.", example: "2026-11-20 21:30" }),
    area: z.string().max(120).meta({ description: "Kommundelens namn eller kod.", example: "Edsberg" }),
    place: z.string().max(200).meta({ description: "Platsen – aldrig en person.", example: "Edsbergs torg" }),
    category: z.string().max(120).meta({ description: "Kategorins kod eller namn.", example: "skadegorelse" }),
    description: z.string().max(4000).optional().meta({ description: "Vad som hände, utan namn, personnummer, telefonnummer eller registreringsnummer." }),
    latitude: z.number().optional().meta({ description: "WGS 84." }),
    longitude: z.number().optional().meta({ description: "WGS 84." }),
    external_id: z.string().max(200).optional().meta({ description: "Systemets eget id: samma id igen uppdaterar i stället för att skapa en ny.", example: "VAKT-77" }),
  })
  .strict()
  .meta({ id: "IncidentIn" });

const ZIssue = z.object({ column: z.string(), reason: z.string() });

export const ZIncidentWritten = z
  .object({
    id: z.uuid(),
    created: z.boolean().meta({ description: "true: ny (201); false: samma external_id uppdaterades (200)." }),
    possible_duplicate_of: z.uuid().nullable().meta({ description: "En annan rapport av samma plats, kategori och timme." }),
    warnings: z.array(ZIssue),
  })
  .meta({ id: "IncidentWritten" });

export const ZIncidentRefused = z.object({ error: z.string(), errors: z.array(ZIssue) }).meta({ id: "IncidentRefused" });

export const ZIncidentReadQuery = z.object({
  since: z.iso
    .datetime({ offset: true, error: "Ange en tidpunkt i ISO 8601, t.ex. 2026-12-01T00:00:00Z." })
    .optional()
    .meta({ description: "Bara rapporter ändrade vid eller efter denna tidpunkt." }),
  cursor: z.string().max(200).optional().meta({ description: "`next_cursor` från föregående sida." }),
  limit: z.coerce.number("Ange ett heltal.").int("Ange ett heltal.").min(1, "Minst 1.").max(1000, "Högst 1000.").optional().meta({ description: "Rader per sida, högst 1000 (standard 1000)." }),
});

export const ZIncidentOut = z
  .object({
    id: z.uuid(),
    external_id: z.string().nullable(),
    organisation: z.string().meta({ description: "Den rapporterande organisationens kod." }),
    area: z.string(),
    area_code: z.string(),
    place: z.string(),
    category: z.string().meta({ description: "Kategorins kod." }),
    category_label: z.string(),
    subcategory: z.string().nullable(),
    occurred_at: z.iso.datetime(),
    occurred_until: z.iso.datetime().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    police_reported: z.boolean(),
    status: z.enum(["active", "withdrawn"]),
    withdrawn_at: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime().meta({ description: "Senaste ändringen, på mikrosekunden." }),
  })
  .strict()
  .meta({ id: "IncidentOut", description: "En rapport utan fritext och utan rapportör: bara plats, tid och kategori." });

export const ZIncidentPage = z
  .object({
    incidents: z.array(ZIncidentOut),
    next_cursor: z.string().nullable().meta({ description: "Skicka som `cursor` för nästa sida; null på sista sidan." }),
  })
  .meta({ id: "IncidentPage" });
export type IncidentPage = z.infer<typeof ZIncidentPage>;
