// Issue 28: kommundel outlines from the municipality's GIS, which gives SWEREF 99 TM (EPSG:3006).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadViewer } from "@/lib/auth/load-viewer";
import { uploadAreaOutlines } from "@/lib/areas/outlines";
import { toSweref99tm } from "@/lib/geo/sweref";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

// A square around Edsberg in degrees, and the same square in SWEREF 99 TM made by the projection.
const SQUARE: [number, number][] = [[17.98, 59.44], [17.995, 59.44], [17.995, 59.45], [17.98, 59.45], [17.98, 59.44]];
const sweref = SQUARE.map(([lon, lat]) => toSweref99tm(lat, lon)).map(([n, e]) => [e, n]);
const collection = (coordinates: number[][], crs?: string) => JSON.stringify({
  type: "FeatureCollection",
  ...(crs ? { crs: { type: "name", properties: { name: crs } } } : {}),
  features: [{ type: "Feature", properties: { namn: "Edsberg" }, geometry: { type: "Polygon", coordinates: [coordinates] } }],
});

let admin: NonNullable<Awaited<ReturnType<typeof loadViewer>>>;
let municipalityId: string;
before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0 });
  admin = (await loadViewer((await db().user.findUniqueOrThrow({ where: { email: "admin@sollentuna.example" } })).id))!;
  municipalityId = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
});
after(() => disconnectDb());

const storedRing = async () => ((await db().area.findFirstOrThrow({ where: { municipalityId, name: "Edsberg" }, select: { outline: true } })).outline as { coordinates: number[][][] }).coordinates[0]!;

for (const [how, crs] of [["named as EPSG:3006", "urn:ogc:def:crs:EPSG::3006"], ["without a named CRS", undefined]] as const) {
  test(`a SWEREF 99 TM outline ${how} is stored in WGS 84 where it belongs`, async () => {
    await db().area.updateMany({ where: { municipalityId }, data: { outline: Prisma.DbNull } });
    const result = await uploadAreaOutlines(admin, municipalityId, collection(sweref, crs));
    assert.equal(result.matched, 1);
    for (const [i, [lon, lat]] of (await storedRing()).entries()) {
      assert.ok(Math.abs(lon! - SQUARE[i]![0]) < 1e-6 && Math.abs(lat! - SQUARE[i]![1]) < 1e-6, `${lon},${lat}`);
    }
  });
}

test("an outline in another grid (SWEREF 99 18 00) is refused by name and changes nothing", async () => {
  await uploadAreaOutlines(admin, municipalityId, collection(SQUARE));
  const before = await storedRing();
  await assert.rejects(uploadAreaOutlines(admin, municipalityId, collection(sweref, "urn:ogc:def:crs:EPSG::3011")), /koordinatsystemet EPSG:3011, som inte läses\. Exportera den som WGS 84 \(EPSG:4326\) eller SWEREF 99 TM/);
  assert.deepEqual(await storedRing(), before);
});

test("the report form's pin finds its kommundel by the outlines; outside them, or without the right, nothing", async () => {
  const { areaAtPin } = await import("@/lib/areas/outlines");
  await db().area.updateMany({ where: { municipalityId }, data: { outline: Prisma.DbNull } });
  assert.equal(await areaAtPin(admin, municipalityId, 59.445, 17.99), null, "no outlines: nothing chosen");
  await uploadAreaOutlines(admin, municipalityId, collection(SQUARE));
  const edsberg = await db().area.findFirstOrThrow({ where: { municipalityId, name: "Edsberg" }, select: { id: true } });
  assert.deepEqual(await areaAtPin(admin, municipalityId, 59.445, 17.99), { id: edsberg.id, name: "Edsberg" });
  assert.equal(await areaAtPin(admin, municipalityId, 59.40, 17.80), null, "outside every outline");
  const other = (await db().municipality.findUniqueOrThrow({ where: { slug: "upplands-vasby" } })).id;
  await assert.rejects(areaAtPin(admin, other, 59.445, 17.99), { code: "FORBIDDEN" }, "another municipality's outlines are not the viewer's to ask");
});
