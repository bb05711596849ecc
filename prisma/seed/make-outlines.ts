// Makes prisma/seed/sollentuna-kommundelar.geojson, the seed's APPROXIMATE kommundel outlines for
// Sollentuna: a rough outline of the municipality, divided so that every point belongs to the
// kommundel whose centre (prisma/seed/reference.ts) is nearest (a Voronoi division). Good enough
// for every map to show where things are; not a boundary anyone should cite. A municipality
// replaces them with its GIS department's outlines (Administration → Kommundelar).
//   npx tsx prisma/seed/make-outlines.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { featureCollection, point, polygon } from "@turf/helpers";
import intersect from "@turf/intersect";
import voronoi from "@turf/voronoi";
import { SOLLENTUNA } from "./reference";

// The municipality's outline, roughly, as [longitude, latitude] (WGS 84): Järvafältet in the
// west, Upplands Väsby in the north, Täby and Edsviken in the east, Stockholm in the south.
const MUNICIPALITY: [number, number][] = [
  [17.87, 59.405], [17.905, 59.395], [17.945, 59.392], [17.975, 59.398], [18.0, 59.415], [18.01, 59.43],
  [18.02, 59.455], [18.015, 59.48], [17.99, 59.495], [17.945, 59.5], [17.905, 59.497], [17.885, 59.485],
  [17.87, 59.465], [17.86, 59.44], [17.862, 59.42], [17.87, 59.405],
];

// Distances in degrees of longitude are shorter at 59.4° N: scale longitude so that the division
// follows distances on the ground, then scale back.
const SCALE = Math.cos((59.45 * Math.PI) / 180);
const flat = ([lon, lat]: number[]): [number, number] => [lon! * SCALE, lat!];
const round = (n: number) => Math.round(n * 100000) / 100000;
const back = ([x, y]: number[]) => [round(x! / SCALE), round(y!)];

const outline = polygon([MUNICIPALITY.map(flat)]);
const centres = featureCollection(SOLLENTUNA.areas.map((a) => point(flat([a.center[1], a.center[0]]), { code: a.code, name: a.name })));
const cells = voronoi(centres, { bbox: [17.8 * SCALE, 59.35, 18.1 * SCALE, 59.55] });

const features = SOLLENTUNA.areas.map((a, i) => {
  const cell = cells.features[i];
  const clipped = cell && intersect(featureCollection([cell, outline]));
  if (!clipped) throw new Error(`no cell for ${a.code}`);
  const g = clipped.geometry;
  const coordinates = g.type === "Polygon" ? g.coordinates.map((ring) => ring.map(back)) : g.coordinates.map((poly) => poly.map((ring) => ring.map(back)));
  return {
    type: "Feature",
    properties: { code: a.code, name: a.name, approximate: true, source: "Ungefärlig: närmaste kommundelscentrum inom en grov kommungräns (prisma/seed/make-outlines.ts)" },
    geometry: { type: g.type, coordinates },
  };
});

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "sollentuna-kommundelar.geojson");
// A feature a line: readable in a diff, and a file the upload page takes as it is.
writeFileSync(file, `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(",\n")}\n]}\n`);
console.log(`${features.length} kommundelar → ${path.relative(process.cwd(), file)}`);
