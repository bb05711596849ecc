// Benchmark (prints numbers, asserts none): rollups over a national-size incident table.
// Loads N municipalities × 10 years of synthetic incidents (default 290 and 10 million), each
// statement going through the triggers that keep the rollup tables current (ADR 008), then times:
//   - a tertial rollup for one municipality (what GET /api/v1/rollups does), target p95 ≤ 20 ms
//     and ≤ 1.5× the same hand-written SQL sent through pg;
//   - a tertial rollup across all municipalities, target ≤ 50 ms;
//   - the tertial analysis for one municipality (everything the page loads);
//   - a 104-week series by area × category for one municipality (GET /api/v1/rollups/series),
//     target p95 ≤ 50 ms and ≤ 1.5× the same two statements (counts by week, coverage) via pg;
//   - incident reads for the API, 1,000 rows a page, first page and one deep in history, target
//     p95 ≤ 100 ms;
// next to the raw-table GROUP BY the rollup tables replace.
// Product and reference calls alternate in one loop, so load on the machine hits both alike.
//   npm run bench:rollups            (BENCH_INCIDENTS=1000000 for a quicker run)
// To time again without reloading, run the script itself against a database that keeps the data:
//   DATABASE_URL=postgresql://…/est_bench npx prisma migrate deploy
//   DATABASE_URL=postgresql://…/est_bench npx tsx --conditions=react-server scripts/bench/rollups.ts
import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { disconnectDb } from "@/lib/db";
import { computeAnalysis } from "@/lib/analysis/load";
import { rollup, rollupCounts, rollupSeries, seriesSql } from "@/lib/rollups/queries";
import { incidentPageSql, readIncidents, type decodeCursor } from "@/lib/incidents/api-read";
import { localDayRange, periodRange, shiftPeriod } from "@/lib/time/periods";
import { paired, ROLLUP_ONE_SQL, type Timing } from "./shared";
import { reportingSql } from "@/lib/coverage/queries";
import { knownWindow } from "@/lib/coverage/rule";

const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES || 290);
const INCIDENTS = Number(process.env.BENCH_INCIDENTS || 10_000_000);
const YEARS = 10;
const RUNS = 200;
const TERTIAL = "2026-T1";
const FIRST_DAY = "2016-05-01";

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  return (await paired(runs, fn))[0]!;
}

async function load(client: pg.Client) {
  await client.query(`
    INSERT INTO municipality (slug, name, population)
    SELECT 'kommun-' || i, 'Kommun ' || i, 20000 + (i * 7919) % 180000 FROM generate_series(1, $1::int) i`, [MUNICIPALITIES]);
  await client.query(`
    INSERT INTO area ("municipalityId", code, name, population)
    SELECT m.id, 'a' || a, 'Område ' || a, 1500 + a * 900 FROM municipality m CROSS JOIN generate_series(1, 8) a`);
  await client.query(`
    INSERT INTO incident_category ("municipalityId", code, label, "sortOrder")
    SELECT m.id, 'k' || k, 'Kategori ' || k, k FROM municipality m CROSS JOIN generate_series(1, 8) k`);
  await client.query(`
    INSERT INTO organisation ("municipalityId", code, name, kind) SELECT m.id, 'polis', 'Polisen', 'POLIS' FROM municipality m`);
  await client.query(`
    CREATE TEMP TABLE dims AS
    SELECT row_number() OVER (ORDER BY m.slug)::int AS i, m.id AS m,
           (SELECT array_agg(id ORDER BY code) FROM area WHERE "municipalityId" = m.id) AS areas,
           (SELECT array_agg(id ORDER BY code) FROM incident_category WHERE "municipalityId" = m.id) AS cats,
           (SELECT id FROM organisation WHERE "municipalityId" = m.id) AS org
    FROM municipality m`);
  await client.query("SELECT setseed(0.42)");
  const perMunicipality = Math.ceil(INCIDENTS / MUNICIPALITIES);
  const batch = Math.max(1, Math.floor(500_000 / perMunicipality));
  const started = performance.now();
  for (let from = 1; from <= MUNICIPALITIES; from += batch) {
    // Skewed areas and categories, evenings busier, a summer peak: enough rhythm for the counts.
    await client.query(`
      INSERT INTO incident ("municipalityId", "areaId", "categoryId", "reporterOrgId", place, "occurredAt", "isoWeek", "updatedAt")
      SELECT d.m, d.areas[1 + floor(8 * r1 * r1)::int], d.cats[1 + floor(8 * r2 * r2)::int], d.org, 'Plats ' || (1 + floor(20 * r1)::int), t.at,
             to_char(t.at AT TIME ZONE 'Europe/Stockholm', 'IYYY-"W"IW'), now()
      FROM dims d
      CROSS JOIN LATERAL (SELECT random() AS r1, random() AS r2, random() AS r3, g FROM generate_series(1, $3::int) g) x
      CROSS JOIN LATERAL (SELECT $4::timestamptz + (r3 * $5::int) * interval '1 day' + ((14 + floor(10 * random())::int) % 24) * interval '1 hour' AS at) t
      WHERE d.i BETWEEN $1 AND $2`,
      [from, from + batch - 1, perMunicipality, `${FIRST_DAY}T00:00:00+02:00`, YEARS * 365],
    );
    const done = Math.min(MUNICIPALITIES, from + batch - 1);
    process.stderr.write(`\rLaddar händelser: ${done} av ${MUNICIPALITIES} kommuner …`);
  }
  process.stderr.write("\n");
  await client.query("ANALYZE");
  return (performance.now() - started) / 1000;
}

async function main() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const loaded = Number((await client.query(`SELECT count(*) FROM municipality WHERE slug LIKE 'kommun-%'`)).rows[0].count);
  const loadSeconds = loaded >= MUNICIPALITIES ? 0 : await load(client);
  const total = Number((await client.query(`SELECT count(*) FROM incident`)).rows[0].count);
  const slugs = (await client.query<{ slug: string; id: string }>(`SELECT slug, id FROM municipality ORDER BY slug`)).rows;
  const { from, to } = localDayRange(TERTIAL);
  const { start, end } = periodRange(TERTIAL);
  const pick = (i: number) => slugs[(i * 37) % slugs.length]!;

  // The hand-written SQL the product's rollup() sends, through a pg pool like the app's, with
  // nothing in between: the ratio is what the product's own code adds.
  const refPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const rows: { figure: string; median: number; p95: number; reference?: string; refMedian?: number; refP95?: number; target: string }[] = [];

  // The product reads the counts and the period's reporting coverage at the same time (ADR 017);
  // so does the reference, with the same two statements.
  const coverage = (slug: string) => reportingSql({ slug }, knownWindow({ from, until: to }));
  const [one, oneRef] = (await paired(
    RUNS,
    (i) => rollup(pick(i).slug, TERTIAL, ["area", "category"]),
    (i) => {
      const reporting = coverage(pick(i).slug);
      return Promise.all([refPool.query(ROLLUP_ONE_SQL, [pick(i).slug, from, to]), refPool.query(reporting.text, reporting.values)]);
    },
  )) as [Timing, Timing];
  const oneRaw = await time(20, (i) => client.query(
    `SELECT "areaId", "categoryId", count(*) FROM incident WHERE "municipalityId" = $1 AND status = 'ACTIVE' AND "occurredAt" >= $2 AND "occurredAt" < $3 GROUP BY 1, 2`,
    [pick(i).id, start, end]));
  rows.push({ figure: "Tertial, en kommun, område × kategori", ...one, reference: "samma två SQL via pg", refMedian: oneRef.median, refP95: oneRef.p95, target: "p95 ≤ 20 ms, ≤ 1,5×" });
  rows.push({ figure: "  (utan sammanställning: GROUP BY på incident)", ...oneRaw, target: "jämförelse" });

  const [all, allRef] = (await paired(
    RUNS,
    () => rollupCounts(null, TERTIAL, []),
    () => refPool.query(`SELECT "municipalityId", NULL::uuid AS "areaId", NULL::uuid AS "categoryId", sum(n)::int AS n, sum(events)::int AS events FROM incident_month_count WHERE month >= $1::date AND month < $2::date GROUP BY 1, 2, 3 HAVING sum(n) <> 0`, [from, to]),
  )) as [Timing, Timing];
  const allRaw = await time(3, () => client.query(
    `SELECT "municipalityId", count(*) FROM incident WHERE status = 'ACTIVE' AND "occurredAt" >= $1 AND "occurredAt" < $2 GROUP BY 1`, [start, end]));
  rows.push({ figure: "Tertial, alla kommuner", ...all, reference: "samma SQL via pg", refMedian: allRef.median, refP95: allRef.p95, target: "p95 ≤ 50 ms" });
  rows.push({ figure: "  (utan sammanställning: GROUP BY på incident)", ...allRaw, target: "jämförelse" });

  // 104 weeks ending with the tertial's last week.
  const lastWeek = "2026-W17";
  const firstWeek = shiftPeriod(lastWeek, -103);
  const weeks = { from: localDayRange(firstWeek).from, to: localDayRange(lastWeek).to };
  const [series, seriesRef] = (await paired(
    RUNS,
    (i) => rollupSeries(pick(i), firstWeek, lastWeek, ["area", "category"]),
    (i) => {
      const reporting = reportingSql({ slug: pick(i).slug }, knownWindow({ from: weeks.from, until: weeks.to }));
      return Promise.all([
        refPool.query(seriesSql(firstWeek, ["area", "category"]), [pick(i).id, weeks.from, weeks.to]),
        refPool.query(reporting.text, reporting.values),
      ]);
    },
  )) as [Timing, Timing];
  rows.push({ figure: "104 veckor, en kommun, område × kategori", ...series, reference: "samma två SQL via pg", refMedian: seriesRef.median, refP95: seriesRef.p95, target: "p95 ≤ 50 ms, ≤ 1,5×" });

  // A BI token's reads: the first page, and a page from a cursor half-way through the municipality's rows.
  const caller = (i: number) => ({ municipalityId: pick(i).id, municipalitySlug: pick(i).slug, organisationId: "00000000-0000-0000-0000-000000000000", scopes: ["INCIDENTS_READ_ALL"] as const });
  const middles = new Map<string, ReturnType<typeof decodeCursor>>();
  for (let i = 0; i < 20; i++) {
    const m = pick(i);
    if (middles.has(m.id)) continue;
    const { rows: [mid] } = await client.query<{ at: string; id: string }>(
      `SELECT to_char("updatedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, id FROM incident WHERE "municipalityId" = $1 ORDER BY "updatedAt", id OFFSET (SELECT count(*) / 2 FROM incident WHERE "municipalityId" = $1) LIMIT 1`,
      [m.id],
    );
    middles.set(m.id, mid ?? null);
  }
  const firstPage = await time(RUNS, (i) => readIncidents(caller(i % 20), { limit: 1000 }));
  rows.push({ figure: "Händelser via API, första sidan (1 000 rader)", ...firstPage, target: "p95 ≤ 100 ms" });
  const deepPage = await time(RUNS, (i) => readIncidents(caller(i % 20), { limit: 1000, cursor: middles.get(pick(i % 20).id) ?? undefined }));
  rows.push({ figure: "Händelser via API, sida mitt i historiken", ...deepPage, target: "p95 ≤ 100 ms" });
  // The slowest municipality's deep page, explained: a p95 over target is one municipality's plan.
  const perMunicipality = [];
  for (let i = 0; i < 20; i++) {
    const q = { limit: 1000, cursor: middles.get(pick(i).id) ?? undefined };
    perMunicipality.push({ i, ...(await time(5, () => readIncidents(caller(i), q))), q });
  }
  const slowest = perMunicipality.sort((a, b) => b.median - a.median)[0]!;
  const plan = incidentPageSql(caller(slowest.i), slowest.q);
  const { rows: explained } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${plan.text}`, plan.values);
  console.log(`Långsammaste kommunens sida mitt i historiken (median ${slowest.median.toFixed(1)} ms):\n${explained.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`);

  const analysis = await time(50, (i) => computeAnalysis(pick(i).id, TERTIAL));
  rows.push({ figure: "Tertialanalysens data, en kommun", ...analysis, target: "–" });

  console.log(`\nHändelser: ${total.toLocaleString("sv-SE")} i ${MUNICIPALITIES} kommuner (${YEARS} år), ${loadSeconds ? `laddade på ${loadSeconds.toFixed(0)} s genom triggrarna` : "redan laddade"}`);
  console.log("Mått".padEnd(50) + "median".padEnd(11) + "p95".padEnd(11) + "ref. median".padEnd(13) + "ref. p95".padEnd(11) + "kvot p95".padEnd(10) + "mål");
  for (const r of rows) {
    const ratio = r.refP95 ? `${(r.p95 / r.refP95).toFixed(2)}×` : "";
    console.log(
      r.figure.padEnd(50) + `${r.median.toFixed(1)} ms`.padEnd(11) + `${r.p95.toFixed(1)} ms`.padEnd(11) +
      (r.refMedian !== undefined ? `${r.refMedian.toFixed(1)} ms` : "").padEnd(13) + (r.refP95 !== undefined ? `${r.refP95.toFixed(1)} ms` : "").padEnd(11) + ratio.padEnd(10) + r.target,
    );
  }
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/rollups.json", JSON.stringify({ at: new Date().toISOString(), incidents: total, municipalities: MUNICIPALITIES, loadSeconds, rows }, null, 2));
  await client.end();
  await refPool.end();
  await disconnectDb();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
