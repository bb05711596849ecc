// Validation of one row of "EST händelse-CSV v1". Pure: the reference data is passed in.
import { EARLIEST_OCCURRED_AT } from "../when";
import { weekKey } from "@/lib/time/periods";
import { resolveStockholmWall } from "@/lib/time/zone";
import { fill } from "@/lib/i18n/fill";
import { findPii } from "@/lib/validation/pii";

export const CSV_COLUMNS = ["occurred_at", "area", "place", "category", "reporter_org", "description", "latitude", "longitude", "external_id"] as const;
export const REQUIRED_COLUMNS = ["occurred_at", "area", "place", "category", "reporter_org"] as const;

/** Names and codes (lower-cased) to ids. */
export type Reference = {
  areas: Map<string, string>;
  categories: Map<string, string>;
  organisations: Map<string, string>;
};

export type ImportIssue = { row: number; column: string; reason: string };
export type ValidRow = {
  row: number;
  areaId: string;
  place: string;
  categoryId: string;
  reporterOrgId: string;
  description: string;
  occurredAt: Date;
  isoWeek: string;
  latitude: number | null;
  longitude: number | null;
  externalId: string | null;
};

const LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** `YYYY-MM-DD HH:MM` Stockholm wall time, or ISO 8601 with an offset. */
export function parseOccurredAt(value: string): { at: Date; ambiguous: boolean } | { error: string } {
  const local = LOCAL.exec(value);
  if (local) {
    const [y, mo, d, h, mi] = local.slice(1).map(Number) as [number, number, number, number, number];
    if (y < EARLIEST_OCCURRED_AT.getUTCFullYear() + 1) return { error: "tidpunkten ligger före 1990 – kontrollera året" };
    const calendar = new Date(Date.UTC(y, mo - 1, d));
    if (calendar.getUTCMonth() !== mo - 1 || calendar.getUTCDate() !== d || h > 23 || mi > 59) return { error: "ogiltigt datum eller klockslag" };
    const r = resolveStockholmWall({ year: y, month: mo, day: d, hour: h, minute: mi });
    if (r.kind === "nonexistent") return { error: "tiden finns inte i svensk tid (sommartid börjar, 02:00–03:00 hoppas över)" };
    return { at: r.instant, ambiguous: r.kind === "ambiguous" };
  }
  if (WITH_OFFSET.test(value)) {
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) return { error: "ogiltigt datum" };
    return { at, ambiguous: false };
  }
  return { error: "ange ÅÅÅÅ-MM-DD TT:MM (svensk tid) eller ISO 8601 med tidszon, t.ex. 2022-10-30T02:30+01:00" };
}

function coordinate(value: string, min: number, max: number): number | null | "bad" {
  if (value === "") return null;
  const n = Number(value.replace(",", "."));
  return Number.isFinite(n) && n >= min && n <= max ? n : "bad";
}

export function validateRow(
  record: Record<string, string>,
  row: number,
  ref: Reference,
  now: Date,
): { ok: true; value: ValidRow; warnings: ImportIssue[] } | { ok: false; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const get = (c: string) => (record[c] ?? "").trim();
  const bad = (column: string, reason: string) => issues.push({ row, column, reason });

  for (const c of REQUIRED_COLUMNS) if (get(c) === "") bad(c, "värde saknas");
  let occurredAt: Date | null = null;
  if (get("occurred_at")) {
    const parsed = parseOccurredAt(get("occurred_at"));
    if ("error" in parsed) bad("occurred_at", parsed.error);
    else if (parsed.at.getTime() > now.getTime() + 5 * 60_000) bad("occurred_at", "tidpunkten ligger i framtiden");
    else if (parsed.at < EARLIEST_OCCURRED_AT) bad("occurred_at", "tidpunkten ligger före 1990 – kontrollera året");
    else {
      occurredAt = parsed.at;
      if (parsed.ambiguous) warnings.push({ row, column: "occurred_at", reason: "tiden förekommer två gånger (sommartid slutar); första tillfället användes" });
    }
  }
  const lookup = (column: string, map: Map<string, string>, unknown: string) => {
    const value = get(column);
    if (value === "") return "";
    const id = map.get(value.toLowerCase());
    if (!id) bad(column, fill(unknown, { value: value.slice(0, 60) }));
    return id ?? "";
  };
  const areaId = lookup("area", ref.areas, "okänd kommundel ”{value}”");
  const categoryId = lookup("category", ref.categories, "okänd kategori ”{value}”");
  const reporterOrgId = lookup("reporter_org", ref.organisations, "okänd organisation ”{value}”");
  for (const [column, max] of [["place", 120], ["description", 2000]] as const) {
    const value = get(column);
    if (value.length > max) bad(column, fill("högst {max} tecken", { max }));
    if (findPii(value).length) bad(column, "innehåller personnummer, telefonnummer, e-postadress eller registreringsnummer (personuppgifter får inte importeras)");
  }
  const latitude = coordinate(get("latitude"), -90, 90);
  const longitude = coordinate(get("longitude"), -180, 180);
  if (latitude === "bad") bad("latitude", "ska vara ett tal mellan -90 och 90");
  if (longitude === "bad") bad("longitude", "ska vara ett tal mellan -180 och 180");
  if ((latitude === null) !== (longitude === null) && latitude !== "bad" && longitude !== "bad") bad(latitude === null ? "latitude" : "longitude", "ange både latitud och longitud, eller ingen");
  const externalId = get("external_id");
  if (externalId.length > 100) bad("external_id", fill("högst {max} tecken", { max: 100 }));

  if (issues.length > 0 || !occurredAt) return { ok: false, issues };
  return {
    ok: true,
    warnings,
    value: {
      row, areaId, categoryId, reporterOrgId, occurredAt,
      place: get("place"),
      description: get("description"),
      isoWeek: weekKey(occurredAt),
      latitude: latitude as number | null,
      longitude: longitude as number | null,
      externalId: externalId || null,
    },
  };
}
