// The rollup API's questions and answers, shared by the routes, the CLI and the OpenAPI document,
// so all three refuse the same bad input alike and promise what is sent.
import { z } from "zod";
import { isApiPeriodKey, MAX_SERIES_PERIODS, periodsBetween } from "./periods";

export const ROLLUP_DIMENSIONS = ["area", "category"] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

const ZPeriodKey = z.string().trim().refine((k) => isApiPeriodKey(k), "Ange en period som 2026-W07, 2026-02, 2026-Q1, 2026-T1 eller 2026.");

const ZBy = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    const dims = (s ?? "").split(",").map((d) => d.trim()).filter(Boolean);
    const bad = dims.find((d) => !(ROLLUP_DIMENSIONS as readonly string[]).includes(d));
    if (bad) {
      ctx.addIssue({ code: "custom", message: `Okänd dimension "${bad}"; välj area, category eller area,category.` });
      return z.NEVER;
    }
    return [...new Set(dims)] as RollupDimension[];
  })
  .meta({ description: "Gruppering: `area`, `category` eller `area,category`; utan den bara summan.", example: "area,category" });

const ZMunicipality = z.string().trim().min(1, "Ange kommun (slug), t.ex. sollentuna.").meta({ description: "Kommunens slug; nyckelns egen kommun.", example: "sollentuna" });

const ZFormat = {
  format: z.enum(["json", "csv"], "Ange json eller csv.").optional().meta({ description: "`csv` för CSV i stället för JSON." }),
  excel: z.enum(["1"], "Ange 1 eller utelämna.").optional().meta({ description: "Med `format=csv`: byte-order mark och semikolon, som Excel med svenska inställningar öppnar rätt." }),
};

export const ZRollupQuery = z.object({
  municipality: ZMunicipality,
  period: ZPeriodKey.meta({ description: "Vecka, månad, kvartal, tertial eller år, i Stockholmstid.", example: "2026-W07" }),
  by: ZBy,
  ...ZFormat,
});

export const ZSeriesQuery = z
  .object({
    municipality: ZMunicipality,
    from: ZPeriodKey.meta({ description: "Första perioden; dess slag (vecka, månad, kvartal, tertial, år) gäller hela serien.", example: "2025-W01" }),
    to: ZPeriodKey.meta({ description: "Sista perioden, samma slag som `from`.", example: "2026-W52" }),
    by: ZBy,
    ...ZFormat,
  })
  .superRefine((q, ctx) => {
    if (!isApiPeriodKey(q.from) || !isApiPeriodKey(q.to)) return;
    if (!periodsBetween(q.from, q.to)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `Ange en period av samma slag som from, inte före den och högst ${MAX_SERIES_PERIODS} perioder senare.` });
    }
  });

const ZCoverage = z
  .object({
    share: z.number().min(0).max(1).nullable().meta({ description: "Andel av förväntade organisationsdagar med rapportering (ADR 017); null när ingen väntades rapportera." }),
    complete: z.boolean().meta({ description: "Alla som väntades rapportera gjorde det under hela perioden." }),
    ongoing: z.boolean().meta({ description: "Perioden pågår: siffran kommer att växa." }),
  })
  .meta({ id: "Coverage" });

const ZRollupRow = z.object({
  area: z.string().optional().meta({ description: "Kommundelens namn." }),
  areaCode: z.string().optional().meta({ description: "Kommundelens kod." }),
  category: z.string().optional().meta({ description: "Kategorins kod." }),
  categoryLabel: z.string().optional().meta({ description: "Kategorins namn." }),
  count: z.int().min(0).meta({ description: "Rapporter." }),
  events: z.int().min(0).meta({ description: "Händelser: rapporter av samma plats och kategori inom en timme räknas en gång (ADR 018)." }),
});

const ZPeriodFigures = z.object({
  period: z.string().meta({ example: "2026-W07" }),
  from: z.iso.datetime().meta({ description: "Periodens början (inklusive), UTC." }),
  to: z.iso.datetime().meta({ description: "Periodens slut (exklusive), UTC." }),
  coverage: ZCoverage,
  total: z.int().min(0),
  events: z.int().min(0),
  rows: z.array(ZRollupRow),
});

export const ZRollup = ZPeriodFigures.extend({ municipality: z.string() }).meta({ id: "Rollup" });
export type Rollup = z.infer<typeof ZRollup>;

export const ZRollupSeries = z
  .object({
    municipality: z.string(),
    from: z.string(),
    to: z.string(),
    by: z.array(z.enum(ROLLUP_DIMENSIONS)),
    periods: z.array(ZPeriodFigures.meta({ id: "PeriodFigures" })),
  })
  .meta({ id: "RollupSeries" });
export type RollupSeries = z.infer<typeof ZRollupSeries>;
