// SWEREF 99 TM (EPSG:3006), the national grid Swedish municipalities' GIS uses, to WGS 84 degrees.
// The projection is proj4's; only the definition is ours (Lantmäteriet: UTM zone 33 on GRS 80).
import proj4 from "proj4";

const SWEREF99TM = "+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs";
const toWgs84 = proj4(SWEREF99TM, "WGS84");

/**
 * Whether a (northing, easting) pair lies in SWEREF 99 TM's range over Sweden: northing
 * 6,100,000–7,700,000 m, easting 200,000–1,000,000 m. No pair of degrees does.
 */
export function looksLikeSweref99tm(northing: number, easting: number): boolean {
  return northing >= 6_100_000 && northing <= 7_700_000 && easting >= 200_000 && easting <= 1_000_000;
}

/** [latitude, longitude] in WGS 84 of a SWEREF 99 TM point, rounded to about 1 cm. */
export function fromSweref99tm(northing: number, easting: number): [number, number] {
  const [longitude, latitude] = toWgs84.forward([easting, northing]) as [number, number];
  const round = (n: number) => Math.round(n * 1e7) / 1e7;
  return [round(latitude), round(longitude)];
}

/** [northing, easting] in SWEREF 99 TM of a WGS 84 point, rounded to the centimetre. */
export function toSweref99tm(latitude: number, longitude: number): [number, number] {
  const [easting, northing] = toWgs84.inverse([longitude, latitude]) as [number, number];
  return [Math.round(northing * 100) / 100, Math.round(easting * 100) / 100];
}

type Coordinates = number | Coordinates[];

/** The CRS a GeoJSON object names ("EPSG:3006" from "urn:ogc:def:crs:EPSG::3006"), or null. */
export function namedCrs(json: unknown): string | null {
  const name = (json as { crs?: { properties?: { name?: unknown } } })?.crs?.properties?.name;
  if (typeof name !== "string") return null;
  const epsg = /EPSG:+(\d+)/i.exec(name);
  if (epsg) return `EPSG:${epsg[1]}`;
  return /CRS84/i.test(name) ? "EPSG:4326" : name;
}

/** The first position of a geometry's coordinates. */
function firstPosition(c: Coordinates): number[] | null {
  if (!Array.isArray(c)) return null;
  return typeof c[0] === "number" ? (c as number[]) : firstPosition(c[0] as Coordinates);
}

/**
 * GeoJSON geometries' coordinates in WGS 84: SWEREF 99 TM – named as EPSG:3006, or unnamed but in
 * its range over Sweden – converted position by position; WGS 84 left as it is. Returns the CRS
 * it was in, or throws with the one it cannot read.
 */
export function geometriesToWgs84(geometries: { coordinates?: unknown }[], crs: string | null): "EPSG:4326" | "EPSG:3006" {
  const first = geometries.map((g) => firstPosition(g.coordinates as Coordinates)).find((p) => p !== null);
  const sweref = crs === "EPSG:3006" || (crs === null && first !== undefined && first !== null && looksLikeSweref99tm(first[1]!, first[0]!));
  if (crs !== null && crs !== "EPSG:3006" && crs !== "EPSG:4326") throw new UnsupportedCrs(crs);
  if (!sweref) return "EPSG:4326";
  const convert = (c: Coordinates): Coordinates => {
    if (!Array.isArray(c)) return c;
    if (typeof c[0] === "number") {
      const [lat, lon] = fromSweref99tm(c[1] as number, c[0] as number);
      return [lon, lat];
    }
    return (c as Coordinates[]).map(convert);
  };
  for (const g of geometries) g.coordinates = convert(g.coordinates as Coordinates);
  return "EPSG:3006";
}

export class UnsupportedCrs extends Error {
  constructor(readonly crs: string) {
    super(crs);
  }
}
