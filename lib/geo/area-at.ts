// Which kommundel a point lies in, by the areas' outlines (GeoJSON in WGS 84). Pure: the import
// reads outlines once per file, the report form asks the server once per pin.
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { MultiPolygon, Polygon } from "geojson";

export type AreaOutline = { id: string; name: string; geometry: Polygon | MultiPolygon };

/** The area whose outline holds the point (the first, should outlines overlap). */
export function areaAt(outlines: AreaOutline[], latitude: number, longitude: number): AreaOutline | undefined {
  return outlines.find((o) => booleanPointInPolygon([longitude, latitude], o.geometry));
}

/** Whether a stored outline is one of the seed's approximate ones (prisma/seed/make-outlines.ts),
 * not the municipality's own: marked by a member of the geometry that an upload never stores. */
export const isApproximate = (outline: unknown) => (outline as { approximate?: unknown } | null)?.approximate === true;
