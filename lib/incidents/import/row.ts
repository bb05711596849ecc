// Validation of one row of "EST händelse-CSV v1". Pure: the reference data is passed in.
import { EARLIEST_OCCURRED_AT } from "../when";
import { weekKey } from "@/lib/time/periods";
import { resolveStockholmWall } from "@/lib/time/zone";
import { fill } from "@/lib/i18n/fill";
import { findPii } from "@/lib/validation/pii";
import { isUuid } from "@/lib/validation/ids";
import { unguardCell } from "@/lib/text/csv";
import { fromSweref99tm, looksLikeSweref99tm } from "@/lib/geo/sweref";
import { areaAt, type AreaOutline } from "@/lib/geo/area-at";

export const CSV_COLUMNS = ["occurred_at", "area", "place", "category", "reporter_org", "description", "latitude", "longitude", "external_id"] as const;
export const REQUIRED_COLUMNS = ["occurred_at", "area", "place", "category", "reporter_org"] as const;
/** Written by the export so that importing it again updates the same incidents. */
export const ROUND_TRIP_COLUMNS = ["id", "status"] as const;
export const ALL_COLUMNS = [...ROUND_TRIP_COLUMNS, ...CSV_COLUMNS] as const;

/** Names and codes (lower-cased) to ids, and the names to list when a value is unknown. */
export type Reference = {
  areas: Map<string, string>;
  categories: Map<string, string>;
  organisations: Map<string, string>;
  names?: { areas: string[]; categories: string[]; organisations: string[] };
  /** The areas' outlines, where loaded: a row without a kommundel takes the one its pin is in. */
  outlines?: AreaOutline[];
};

export { areaAt, type AreaOutline } from "@/lib/geo/area-at";

export type ImportStatus = "ACTIVE" | "WITHDRAWN";
const STATUS: Record<string, ImportStatus> = { aktiv: "ACTIVE", active: "ACTIVE", tillbakadragen: "WITHDRAWN", withdrawn: "WITHDRAWN" };
export const STATUS_LABEL: Record<ImportStatus, string> = { ACTIVE: "aktiv", WITHDRAWN: "tillbakadragen" };

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
  /** The incident's id from an export: the row updates that incident. */
  id: string | null;
  /** Null: a new incident is active, an existing one keeps its status. */
  status: ImportStatus | null;
};

// Wall time as Excel and LibreOffice write it: "2026-03-05 09:27", "2026-03-05 9:27:00", "2026-03-05T09:27".
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** `YYYY-MM-DD HH:MM` Stockholm wall time, or ISO 8601 with an offset. */
export function parseOccurredAt(value: string): { at: Date; ambiguous: boolean } | { error: string } {
  const local = LOCAL.exec(value);
  if (local) {
    const [y, mo, d, h, mi, sec] = local.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
    if (y < EARLIEST_OCCURRED_AT.getUTCFullYear() + 1) return { error: "tidpunkten ligger före 1990 – kontrollera året" };
    const calendar = new Date(Date.UTC(y, mo - 1, d));
    if (calendar.getUTCMonth() !== mo - 1 || calendar.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) return { error: "ogiltigt datum eller klockslag" };
    const r = resolveStockholmWall({ year: y, month: mo, day: d, hour: h, minute: mi });
    if (r.kind === "nonexistent") return { error: "tiden finns inte i svensk tid (sommartid börjar, 02:00–03:00 hoppas över)" };
    return { at: new Date(r.instant.getTime() + sec * 1000), ambiguous: r.kind === "ambiguous" };
  }
  if (WITH_OFFSET.test(value)) {
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) return { error: "ogiltigt datum" };
    return { at, ambiguous: false };
  }
  return { error: "ange ÅÅÅÅ-MM-DD TT:MM (svensk tid) eller ISO 8601 med tidszon, t.ex. 2022-10-30T02:30+01:00" };
}

// The ISO week changes only at a Stockholm midnight, which is a whole UTC hour: a file's rows
// share few hours, so the week is computed once per hour (it is the import's costliest field).
const weekByHour = new Map<number, string>();
function weekOf(at: Date): string {
  const hour = Math.floor(at.getTime() / 3_600_000);
  let week = weekByHour.get(hour);
  if (week === undefined) {
    if (weekByHour.size > 100_000) weekByHour.clear();
    weekByHour.set(hour, (week = weekKey(at)));
  }
  return week;
}

/** A number as Swedish and English spreadsheets write it: decimal comma or point, spaces as thousands separators. */
function decimal(value: string): number | null {
  if (value === "") return null;
  const n = Number(value.replace(/[\s\u00a0]/g, "").replace(",", "."));
  return Number.isFinite(n) ? n : NaN;
}

/** Up to ten of the valid values, for a message that a value is unknown. */
const validValues = (names: string[]) => names.slice(0, 10).join(", ") + (names.length > 10 ? " …" : "");

export function validateRow(
  record: Record<string, string>,
  row: number,
  ref: Reference,
  now: Date,
): { ok: true; value: ValidRow; warnings: ImportIssue[] } | { ok: false; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const get = (c: string) => (record[c] ?? "").trim();
  // Free text as it was before the export guarded it against spreadsheet formulas.
  const text = (c: string) => unguardCell(get(c));
  const bad = (column: string, reason: string) => issues.push({ row, column, reason });

  let latitude = decimal(get("latitude"));
  let longitude = decimal(get("longitude"));
  // A municipality's GIS gives SWEREF 99 TM (northing, easting in metres), which no degree overlaps.
  if (latitude !== null && longitude !== null && looksLikeSweref99tm(latitude, longitude)) [latitude, longitude] = fromSweref99tm(latitude, longitude);
  const latitudeBad = latitude !== null && !(latitude >= -90 && latitude <= 90);
  const longitudeBad = longitude !== null && !(longitude >= -180 && longitude <= 180);
  const pinned = latitude !== null && longitude !== null && !latitudeBad && !longitudeBad;
  // Without a kommundel, the pin gives it where the areas' outlines are loaded.
  const areaFromPin = get("area") === "" && pinned && ref.outlines?.length ? areaAt(ref.outlines, latitude!, longitude!) : undefined;
  if (areaFromPin) warnings.push({ row, column: "area", reason: fill("kommundel ”{area}” efter kartnålen", { area: areaFromPin.name }) });
  for (const c of REQUIRED_COLUMNS) {
    if (get(c) !== "" || (c === "area" && areaFromPin)) continue;
    if (c === "area" && pinned && ref.outlines?.length) bad(c, "värde saknas, och kartnålen ligger inte inom någon kommundels avgränsning");
    else bad(c, "värde saknas");
  }
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
  // An unknown name is told with the valid ones where the reference knows them.
  const lookup = (column: string, map: Map<string, string>, unknown: string, unknownOf: string, names: string[] | undefined) => {
    const value = get(column);
    if (value === "") return "";
    const id = map.get(value.toLowerCase());
    if (!id) bad(column, names?.length ? fill(unknownOf, { value: value.slice(0, 60), names: validValues(names) }) : fill(unknown, { value: value.slice(0, 60) }));
    return id ?? "";
  };
  const areaId = areaFromPin?.id ?? lookup("area", ref.areas, "okänd kommundel ”{value}”", "okänd kommundel ”{value}” – giltiga: {names}", ref.names?.areas);
  const categoryId = lookup("category", ref.categories, "okänd kategori ”{value}”", "okänd kategori ”{value}” – giltiga: {names}", ref.names?.categories);
  const reporterOrgId = lookup("reporter_org", ref.organisations, "okänd organisation ”{value}”", "okänd organisation ”{value}” – giltiga: {names}", ref.names?.organisations);
  for (const [column, max] of [["place", 120], ["description", 2000]] as const) {
    const value = text(column);
    if (value.length > max) bad(column, fill("högst {max} tecken", { max }));
    if (findPii(value).length) bad(column, "innehåller personnummer, telefonnummer, e-postadress eller registreringsnummer (personuppgifter får inte importeras)");
  }
  if (latitudeBad) bad("latitude", "ska vara ett tal mellan -90 och 90 (WGS 84), eller nordlig koordinat i SWEREF 99 TM");
  if (longitudeBad) bad("longitude", "ska vara ett tal mellan -180 och 180 (WGS 84), eller östlig koordinat i SWEREF 99 TM");
  if ((latitude === null) !== (longitude === null) && !latitudeBad && !longitudeBad) bad(latitude === null ? "latitude" : "longitude", "ange både latitud och longitud, eller ingen");
  const externalId = get("external_id");
  if (externalId.length > 100) bad("external_id", fill("högst {max} tecken", { max: 100 }));
  const id = get("id").toLowerCase();
  if (id && !isUuid(id)) bad("id", "ogiltigt id – kolumnen id ska innehålla händelsens id från en export, eller vara tom för nya händelser");
  const statusText = get("status").toLowerCase();
  const status = statusText ? STATUS[statusText] : null;
  if (status === undefined) bad("status", fill("okänd status ”{value}” – giltiga: aktiv, tillbakadragen", { value: statusText.slice(0, 30) }));

  if (issues.length > 0 || !occurredAt) return { ok: false, issues };
  return {
    ok: true,
    warnings,
    value: {
      row, areaId, categoryId, reporterOrgId, occurredAt,
      place: text("place"),
      description: text("description"),
      isoWeek: weekOf(occurredAt),
      latitude,
      longitude,
      externalId: externalId || null,
      id: id || null,
      status: status ?? null,
    },
  };
}
