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
