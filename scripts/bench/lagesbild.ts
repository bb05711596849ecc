// Benchmark (prints numbers, asserts none): building the week's draft lägesbild for a week with
// ~300 incidents, with two years of history for 10 municipalities in the database.
// Target (issue): server render p95 ≤ 150 ms on 2 cores. Measured here at the data layer
// (getLagesbildDraft, what the page awaits), next to the same counts as one hand-written query.
//   npm run bench:lagesbild
import { performance } from "node:perf_hooks";
import pg from "pg";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { getLagesbildDraft } from "@/lib/lagesbild/queries";
import { shiftPeriod, weekKey } from "@/lib/time/periods";
import { runSeed } from "@/prisma/seed/run";
import { fillWeek } from "./shared";
import { generateHistory } from "@/prisma/seed/history";
import { seedMunicipality } from "@/prisma/seed/municipality";
import { SOLLENTUNA } from "@/prisma/seed/reference";

const RUNS = 60;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const now = new Date();
  await runSeed(db(), { demoPassword: "bench", now });
  // Nine more municipalities with the same shape and two years of history each.
  for (let i = 1; i <= 9; i++) {
    const m = { ...SOLLENTUNA, slug: `bench-${i}`, name: `Benchkommun ${i}` };
    const s = await seedMunicipality(db(), m, now);
    const cats = await db().incidentCategory.findMany({ where: { municipalityId: s.id, parentId: null }, select: { id: true, code: true } });
    const history = generateHistory(
      {
        areas: m.areas.map((a) => ({ id: s.areaIds.get(a.code)!, code: a.code, places: a.places, center: a.center, weight: 10 })),
        categories: cats.map((c) => ({ id: c.id, code: c.code, subIds: [] })),
        organisations: [...s.orgIds.values()].map((id) => ({ id, code: id, weight: 1 })),
      },
      now,
      104,
      i,
    );
    for (let j = 0; j < history.length; j += 5000) await db().incident.createMany({ data: history.slice(j, j + 5000).map((h) => ({ ...h, municipalityId: s.id })) });
  }
  // Bring Sollentuna's last complete week up to ~300 incidents.
  const municipality = await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } });
  const week = shiftPeriod(weekKey(now), -1);
  await fillWeek(municipality.id, week);
  const total = await db().incident.count();
  const inWeek = await db().incident.count({ where: { municipalityId: municipality.id, isoWeek: week } });

  const coordinator = (await loadViewer((await db().user.findUniqueOrThrow({ where: { email: "samordnare@sollentuna.example" } })).id))!;
  const vecko = await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: municipality.id, slug: "est-vecko" } } });
  for (let i = 0; i < 5; i++) await getLagesbildDraft(coordinator, vecko.id, week);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await getLagesbildDraft(coordinator, vecko.id, week);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);

  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const ref: number[] = [];
  const weeks = [week, ...[1, 2, 3, 4].map((n) => shiftPeriod(week, -n))];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await client.query(`SELECT "areaId", "categoryId", "isoWeek", count(*) FROM incident WHERE "municipalityId" = $1 AND status = 'ACTIVE' AND "isoWeek" = ANY($2) GROUP BY 1, 2, 3`, [municipality.id, weeks]);
    ref.push(performance.now() - t);
  }
  ref.sort((a, b) => a - b);
  await client.end();

  console.log(`\nIncidents in database: ${total} (10 municipalities, 2 years); in the week: ${inWeek}`);
  console.log("Mått".padEnd(48) + "median".padEnd(12) + "p95".padEnd(12) + "mål");
  console.log("Utkast till lägesbild (getLagesbildDraft)".padEnd(48) + `${pct(times, 50).toFixed(1)} ms`.padEnd(12) + `${pct(times, 95).toFixed(1)} ms`.padEnd(12) + "p95 ≤ 150 ms");
  console.log("Referens: en GROUP BY via pg".padEnd(48) + `${pct(ref, 50).toFixed(1)} ms`.padEnd(12) + `${pct(ref, 95).toFixed(1)} ms`.padEnd(12) + `kvot ${(pct(times, 95) / pct(ref, 95)).toFixed(1)}×`);
  await disconnectDb();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
