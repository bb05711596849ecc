import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import { fill } from "@/lib/i18n/fill";
import { geometriesToWgs84, namedCrs, UnsupportedCrs } from "@/lib/geo/sweref";
import { areaAt, isApproximate, type AreaOutline } from "@/lib/geo/area-at";
import { Prisma } from "@/lib/generated/prisma/client";

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const Ring = z.array(Position).min(4);
const Geometry = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Polygon"), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);
const Feature = z.object({ type: z.literal("Feature"), properties: z.record(z.string(), z.unknown()).nullable(), geometry: Geometry });
const Collection = z.object({ type: z.literal("FeatureCollection"), features: z.array(Feature).min(1).max(500) });

export const MAX_GEOJSON_BYTES = 5 * 1024 * 1024;

/**
 * Stores kommundel outlines from a GeoJSON FeatureCollection, in WGS 84 or in SWEREF 99 TM (the
 * municipality's GIS; converted to WGS 84). Features are matched to areas by their `name`/`namn`
 * or `code`/`kod` property (case-insensitive). All or nothing.
 */
export async function uploadAreaOutlines(viewer: Viewer, municipalityId: string, text: string) {
  if (!can(viewer, "municipality:admin", { municipalityId })) throw new DomainError("FORBIDDEN", "Du har inte behörighet att ändra kommundelarna.");
  if (!text.trim()) throw new DomainError("INVALID", "Välj en GeoJSON-fil.", "file");
  if (text.length > MAX_GEOJSON_BYTES) throw new DomainError("INVALID", "Filen är större än 5 MB.", "file");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DomainError("INVALID", "Filen är inte giltig JSON.", "file");
  }
  // SWEREF 99 TM is converted before the positions are checked as degrees.
  const features = (json as { features?: unknown })?.features;
  if (Array.isArray(features)) {
    try {
      geometriesToWgs84(features.map((f) => (f as { geometry?: { coordinates?: unknown } })?.geometry ?? {}), namedCrs(json));
    } catch (error) {
      if (!(error instanceof UnsupportedCrs)) throw error;
      throw new DomainError("INVALID", fill("Filen är i koordinatsystemet {crs}, som inte läses. Exportera den som WGS 84 (EPSG:4326) eller SWEREF 99 TM (EPSG:3006).", { crs: error.crs }), "file");
    }
  }
  const parsed = Collection.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError("INVALID", fill("Ogiltig GeoJSON vid {path}: förväntade en FeatureCollection med Polygon/MultiPolygon ({reason}).", { path: issue.path.join(".") || "/", reason: issue.message }), "file");
  }
  const areas = await db().area.findMany({ where: { municipalityId }, select: { id: true, name: true, code: true } });
  const byKey = new Map(areas.flatMap((a) => [[a.name.toLowerCase(), a.id], [a.code.toLowerCase(), a.id]] as const));
  const matched = new Map<string, object>();
  const unmatched: string[] = [];
  for (const f of parsed.data.features) {
    const p = f.properties ?? {};
    const key = [p.name, p.namn, p.code, p.kod].find((v) => typeof v === "string" && byKey.has(v.toLowerCase())) as string | undefined;
    if (key) matched.set(byKey.get(key.toLowerCase())!, f.geometry);
    else unmatched.push(String(p.name ?? p.namn ?? p.code ?? p.kod ?? "(namnlös)"));
  }
  if (matched.size === 0) throw new DomainError("INVALID", fill("Ingen feature matchade en kommundel (properties.name eller code). Okända: {names}.", { names: unmatched.slice(0, 5).join(", ") }), "file");
  await db().$transaction(
    [...matched].map(([id, geometry]) => db().area.update({ where: { id }, data: { outline: geometry } })),
  );
  await recordAudit({ userId: viewer.userId, municipalityId, action: "area:outlines", details: { matched: matched.size, unmatched: unmatched.length } });
  return { matched: matched.size, unmatched };
}

export async function listAreasForAdmin(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "municipality:admin", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte.");
  const areas = await db().area.findMany({
    where: { municipalityId },
    select: { id: true, name: true, code: true, population: true, isFocus: true, outline: true, classifications: { select: { classification: true, validFrom: true, validTo: true }, orderBy: { validFrom: "desc" }, take: 1 } },
    orderBy: { name: "asc" },
  });
  return areas.map(({ outline, classifications, ...a }) => ({ ...a, hasOutline: outline !== null, approximateOutline: isApproximate(outline), classification: classifications[0]?.classification ?? null }));
}

/** The areas' outlines (GeoJSON Polygon/MultiPolygon in WGS 84, as uploaded), for a pin's kommundel. */
export async function loadOutlines(municipalityId: string): Promise<AreaOutline[]> {
  const areas = await db().area.findMany({ where: { municipalityId, outline: { not: Prisma.DbNull } }, select: { id: true, name: true, outline: true } });
  return areas.map((a) => ({ id: a.id, name: a.name, geometry: a.outline as unknown as AreaOutline["geometry"] }));
}

/** The kommundel a reporter's pin lies in, for the report form to choose it; null without outlines
 * or outside them. */
export async function areaAtPin(viewer: Viewer, municipalityId: string, latitude: number, longitude: number): Promise<{ id: string; name: string } | null> {
  if (!can(viewer, "incident:create", { municipalityId })) throw new DomainError("FORBIDDEN", "Du har ingen behörighet i den kommunen.");
  const area = areaAt(await loadOutlines(municipalityId), latitude, longitude);
  return area ? { id: area.id, name: area.name } : null;
}
