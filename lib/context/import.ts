import "server-only";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { fill } from "@/lib/i18n/fill";
import { z } from "zod";

/** EST kontextserie-CSV v1: one value per row; semicolon or comma separated, UTF-8. */
export const CONTEXT_COLUMNS = ["kalla", "serie", "enhet", "period", "omrade", "grupp", "varde", "svarande"] as const;
export const MAX_CONTEXT_BYTES = 2_000_000;
const PERIOD = /^\d{4}(-(T[1-3]|Q[1-4]|(0[1-9]|1[0-2])))?$/;

export type ContextImportReport = { rows: number; imported: number; series: number; errors: { row: number; column: string; reason: string }[] };

type Row = { source: string; name: string; unit: string; periodKey: string; areaName: string; subgroup: string; value: number; respondents: number | null };

/**
 * Imports survey values. All or nothing: one bad row and nothing is saved, with every problem
 * reported by row and column. Re-importing the same values updates them instead of duplicating.
 */
export async function importContextCsv(viewer: Viewer, municipalityId: string, text: string): Promise<ContextImportReport> {
  if (!can(viewer, "tertial:edit", { municipalityId })) throw new DomainError("FORBIDDEN", "Bara EST Strategisk och samordnare kan importera kontextserier.");
  if (!text.trim()) throw new DomainError("INVALID", "Välj en CSV-fil.", "file");
  if (text.length > MAX_CONTEXT_BYTES) throw new DomainError("INVALID", "Filen är för stor (högst 2 MB).", "file");
  let records: Record<string, string>[];
  try {
    const delimiter = (text.split("\n")[0] ?? "").includes(";") ? ";" : ",";
    records = parse(text.replace(/^\uFEFF/, ""), { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), delimiter, skip_empty_lines: true, trim: true });
  } catch {
    throw new DomainError("INVALID", "Filen kunde inte läsas som CSV.", "file");
  }
  const header = Object.keys(records[0] ?? {});
  const missing = CONTEXT_COLUMNS.filter((c) => c !== "svarande" && c !== "grupp" && c !== "omrade" && !header.includes(c));
  if (records.length === 0) throw new DomainError("INVALID", "Filen innehåller inga rader.", "file");
  if (missing.length) throw new DomainError("INVALID", fill("Kolumner saknas: {missing}. Förväntat: {expected}.", { missing: missing.join(", "), expected: CONTEXT_COLUMNS.join(";") }), "file");

  const areas = new Set((await db().area.findMany({ where: { municipalityId }, select: { name: true } })).map((a) => a.name));
  const errors: ContextImportReport["errors"] = [];
  const rows: Row[] = [];
  records.forEach((r, i) => {
    const row = i + 2; // the header is row 1
    const fail = (column: string, reason: string) => errors.push({ row, column, reason });
    const value = Number((r.varde ?? "").replace(",", "."));
    const respondents = r.svarande ? Number(r.svarande) : null;
    if (!r.kalla) fail("kalla", "Ange källan, t.ex. Brå NTU.");
    if (!r.serie) fail("serie", "Ange seriens namn.");
    if (!PERIOD.test(r.period ?? "")) fail("period", "Ange år (2024) eller tertial (2024-T1).");
    if (r.omrade && !areas.has(r.omrade)) fail("omrade", fill("Kommundelen ”{area}” finns inte; lämna tomt för hela kommunen.", { area: r.omrade }));
    if (!r.varde || !Number.isFinite(value)) fail("varde", "Ange ett tal, t.ex. 23,5.");
    if (respondents !== null && (!Number.isInteger(respondents) || respondents < 0)) fail("svarande", "Antal svarande ska vara ett heltal.");
    rows.push({ source: r.kalla ?? "", name: r.serie ?? "", unit: r.enhet ?? "", periodKey: r.period ?? "", areaName: r.omrade ?? "", subgroup: r.grupp ?? "", value, respondents });
  });
  if (errors.length) return { rows: records.length, imported: 0, series: 0, errors };

  return { rows: records.length, ...(await storeRows(viewer, municipalityId, rows)), errors: [] };
}

/** Writes the values in one transaction: a series per source and name, a value per period, area
 * and group, updated when it is there already. */
async function storeRows(viewer: Viewer, municipalityId: string, rows: Row[], format = "csv"): Promise<{ imported: number; series: number }> {
  const seriesKeys = [...new Map(rows.map((r) => [`${r.source}\u0000${r.name}`, r])).values()];
  await db().$transaction(async (tx) => {
    for (const s of seriesKeys) {
      const series = await tx.contextSeries.upsert({
        where: { municipalityId_source_name: { municipalityId, source: s.source, name: s.name } },
        create: { municipalityId, source: s.source, name: s.name, unit: s.unit },
        update: { unit: s.unit },
        select: { id: true },
      });
      for (const r of rows.filter((x) => x.source === s.source && x.name === s.name)) {
        await tx.contextValue.upsert({
          where: { seriesId_periodKey_areaName_subgroup: { seriesId: series.id, periodKey: r.periodKey, areaName: r.areaName, subgroup: r.subgroup } },
          create: { seriesId: series.id, periodKey: r.periodKey, areaName: r.areaName, subgroup: r.subgroup, value: r.value, respondents: r.respondents },
          update: { value: r.value, respondents: r.respondents },
        });
      }
    }
  }, { timeout: 60_000 });
  await recordAudit({ userId: viewer.userId, municipalityId, action: "context:import", details: { rows: rows.length, format } });
  return { imported: rows.length, series: seriesKeys.length };
}

/** The group a reference value is stored under: the whole country's and the county's values for
 * the same indicator, shown beside the municipality's own (lib/context/for-period.ts). */
export const REFERENCE_GROUPS = { country: "riket", county: "länet" } as const;

const ZKolada = z.object({
  values: z.array(
    z.object({
      kpi: z.string().regex(/^[A-Z]\d{5}$/),
      municipality: z.string().regex(/^\d{4}$/),
      period: z.number().int().min(1990).max(2100),
      values: z.array(z.object({ gender: z.enum(["T", "K", "M"]), value: z.number().nullable() })),
    }),
  ),
});
const GENDER: Record<"T" | "K" | "M", string> = { T: "", K: "kvinnor", M: "män" };

/**
 * Indicator values as Kolada's API gives them (`/v2/data/kpi/{kpi}/municipality/{id}` – one or
 * more KPIs, years and municipalities): the municipality's own values by gender, and the country's
 * (0000) and the county's (00xx) totals as reference groups. A file with two municipalities of
 * its own is refused: which one is ours cannot be told from the file. Missing values are skipped.
 */
async function importKolada(viewer: Viewer, municipalityId: string, text: string): Promise<ContextImportReport> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new DomainError("INVALID", "Filen är varken CSV eller giltig JSON.", "file");
  }
  const parsed = ZKolada.safeParse(data);
  if (!parsed.success) {
    const at = parsed.error.issues[0]!.path;
    throw new DomainError("INVALID", fill("Filen har inte Koladas form (values: kpi, municipality, period, values: gender, value); första avvikelsen: {path}. Inget sparades.", { path: at.join(".") || "filen" }), "file");
  }
  const own = [...new Set(parsed.data.values.map((v) => v.municipality).filter((m) => !m.startsWith("00")))];
  if (own.length > 1) throw new DomainError("INVALID", fill("Filen innehåller flera kommuner ({codes}); hämta er egen kommun, länet och riket. Inget sparades.", { codes: own.join(", ") }), "file");
  const rows: Row[] = parsed.data.values.flatMap((v) =>
    v.values.flatMap((x) => {
      if (x.value === null) return [];
      const reference = v.municipality === "0000" ? REFERENCE_GROUPS.country : v.municipality.startsWith("00") ? REFERENCE_GROUPS.county : null;
      if (reference && x.gender !== "T") return [];
      return [{ source: "Kolada", name: v.kpi, unit: "", periodKey: String(v.period), areaName: "", subgroup: reference ?? GENDER[x.gender], value: x.value, respondents: null }];
    }),
  );
  if (rows.length === 0) throw new DomainError("INVALID", "Filen innehåller inga värden.", "file");
  return { rows: parsed.data.values.length, ...(await storeRows(viewer, municipalityId, rows, "kolada")), errors: [] };
}

/** A context file as uploaded: Kolada's JSON when it is JSON, else EST kontextserie-CSV. */
export async function importContextFile(viewer: Viewer, municipalityId: string, text: string): Promise<ContextImportReport> {
  if (/^\uFEFF?\s*[{[]/.test(text)) {
    if (!can(viewer, "tertial:edit", { municipalityId })) throw new DomainError("FORBIDDEN", "Bara EST Strategisk och samordnare kan importera kontextserier.");
    if (text.length > MAX_CONTEXT_BYTES) throw new DomainError("INVALID", "Filen är för stor (högst 2 MB).", "file");
    return importKolada(viewer, municipalityId, text);
  }
  return importContextCsv(viewer, municipalityId, text);

}
