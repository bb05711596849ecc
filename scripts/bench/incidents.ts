// Benchmarks for incident reporting (a benchmark, not a test: it prints numbers, asserts none).
//   npm run bench:incidents
// 1. Import of 100,000 rows with validation (target ≤ 15 s on 2 cores and ≤ 30× a raw COPY of
//    the same file in the same run), as a UTF-8 comma CSV, a Windows-1252 semicolon CSV (Swedish
//    Excel) and an .xlsx workbook, each as new incidents; then the CSV again (all unchanged) and
//    once more with every row changed (all updates). The Police's events, 10,000 items (≤ 5 s).
// 2. Saving one incident with 50 concurrent reporters (target p95 ≤ 150 ms), next to the same
//    insert as hand-written SQL through pg for reference.
import { performance } from "node:perf_hooks";
import pg from "pg";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { importIncidentsCsv } from "@/lib/incidents/import/run";
import { importPoliceEvents } from "@/lib/sources/police-events";
import { createIncident } from "@/lib/incidents/mutations";
import { ZIncidentCreate } from "@/lib/incidents/schema";
import { runSeed } from "@/prisma/seed/run";
import { benchCsv } from "./csv";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SAVES = Number(process.env.BENCH_SAVES ?? 2_000);
const POLICE_ITEMS = 10_000;
const CONCURRENCY = 50;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function runConcurrent(total: number, worker: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await worker(i);
        times.push(performance.now() - t);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}

/** Seconds to COPY the file into a temporary table of text columns: the floor for any import. */
async function rawCopySeconds(csv: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { default: copyStreams } = await import("pg-copy-streams");
    await client.query(`CREATE TEMP TABLE csv_reference (occurred_at text, area text, place text, category text, reporter_org text, description text, latitude text, longitude text, external_id text)`);
    const t = performance.now();
    const stream = client.query(copyStreams.from(`COPY csv_reference FROM STDIN WITH (FORMAT csv, HEADER true)`));
    await new Promise<void>((resolve, reject) => stream.on("finish", resolve).on("error", reject).end(csv));
    return (performance.now() - t) / 1000;
  } finally {
    await client.end();
  }
}

async function main() {
  await runSeed(db(), { demoPassword: "bench", historyWeeks: 0 });
  const municipality = await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" }, select: { id: true } });
  const results: [string, string, string][] = [];

  // The same rows in each format, with their own external ids and years of their own, so that each
  // import inserts events of its own (the same times again would all be copies of the first's).
  const shift: Record<string, number> = { BENCH: 0, W: 2, X: 4, COPY: 0 };
  const csvFor = (prefix: string) =>
    benchCsv(ROWS).replaceAll("BENCH-", `${prefix}-`).replace(/^(\d{4})-/gm, (_, y: string) => `${Number(y) - shift[prefix]!}-`);
  const { parse } = await import("csv-parse/sync");
  // As Swedish Excel saves it: semicolons, decimal commas, Windows-1252.
  const semicolon1252 = iconv.encode(
    (parse(csvFor("W")) as string[][]).map((r) => r.map((c) => (/^\d+\.\d+$/.test(c) ? c.replace(".", ",") : /[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(";")).join("\r\n") + "\r\n",
    "windows-1252",
  );
  // As a workbook: real dates and numbers.
  const workbook = async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Händelser");
    for (const [i, row] of (parse(csvFor("X")) as string[][]).entries()) {
      sheet.addRow(i === 0 ? row : row.map((c, j) => (j === 0 ? new Date(`${c.replace(" ", "T")}:00Z`) : /^\d+\.\d+$/.test(c) ? Number(c) : c)));
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const inputs: [string, string | Buffer][] = [["CSV UTF-8, komma", csvFor("BENCH")], ["CSV Windows-1252, semikolon", semicolon1252], ["xlsx", await workbook()]];
  const copySeconds = await rawCopySeconds(csvFor("COPY"));
  results.push([`Referens: rå COPY av samma ${ROWS} rader`, `${copySeconds.toFixed(2)} s`, ""]);
  for (const [what, file] of inputs) {
    const t = performance.now();
    const report = await importIncidentsCsv(file, "sollentuna", { onProgress: () => {} });
    const seconds = (performance.now() - t) / 1000;
    results.push([`Import ${ROWS} rader, ${what} (nya: ${report.inserted})`, `${seconds.toFixed(2)} s`, `≤ 15 s, ≤ 30× COPY: ${(seconds / copySeconds).toFixed(0)}×`]);
  }
  const file = csvFor("BENCH");
  let t = performance.now();
  const again = await importIncidentsCsv(file, "sollentuna");
  const unchangedSeconds = (performance.now() - t) / 1000;
  results.push([`Samma CSV igen (oförändrade: ${again.unchanged})`, `${unchangedSeconds.toFixed(2)} s`, "≤ 15 s"]);
  t = performance.now();
  const changed = await importIncidentsCsv(file.replaceAll("inga personer", "inga personer, ändrad"), "sollentuna");
  const reimportSeconds = (performance.now() - t) / 1000;
  results.push([`Samma CSV, varje rad ändrad (uppdaterade: ${changed.updated})`, `${reimportSeconds.toFixed(2)} s`, "≤ 15 s"]);

  // The Police's open events: 10,000 items of several places, some listed twice (target ≤ 5 s).
  const types = ["Rån", "Skadegörelse", "Brand", "Misshandel", "Stöld", "Trafikolycka"];
  const months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
  const items = Array.from({ length: POLICE_ITEMS }, (_, i) => {
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 30) * 86_400_000);
    const place = i % 5 === 4 ? "Stockholms län" : "Sollentuna";
    const id = 500_000 + (i % 50 === 49 ? i - 1 : i);
    const name = `${String(day.getUTCDate()).padStart(2, "0")} ${months[day.getUTCMonth()]} ${String(8 + (i % 12)).padStart(2, "0")}.${String(i % 60).padStart(2, "0")}, ${types[i % 6]}, ${place}`;
    return { id, datetime: `${day.toISOString().slice(0, 10)} 22:00:00 +01:00`, name, summary: `Händelse ${i}.`, url: `/aktuellt/handelser/${id}/`, type: types[i % 6], location: { name: place, gps: "59.428,17.9508" } };
  });
  t = performance.now();
  const police = await importPoliceEvents(JSON.stringify(items), "sollentuna");
  const policeSeconds = (performance.now() - t) / 1000;
  results.push([`Polisens händelser, ${POLICE_ITEMS} poster (sparade: ${police.inserted})`, `${policeSeconds.toFixed(2)} s`, "≤ 5 s"]);

  const reporter = (await loadViewer((await db().user.findUniqueOrThrow({ where: { email: "rapportor@sollentunahem.example" } })).id))!;
  const area = await db().area.findFirstOrThrow({ where: { municipalityId: municipality.id, code: "edsberg" }, select: { id: true } });
  const category = await db().incidentCategory.findFirstOrThrow({ where: { municipalityId: municipality.id, code: "skadegorelse" }, select: { id: true } });
  const input = () => ZIncidentCreate.parse({ date: "2026-11-20", time: "21:30", areaId: area.id, place: "Edsbergs torg", categoryId: category.id, description: "Klotter", idempotencyKey: crypto.randomUUID() });
  await runConcurrent(100, async () => void (await createIncident(reporter, input()))); // warm-up
  const saves = await runConcurrent(SAVES, async () => void (await createIncident(reporter, input())));
  results.push([`Spara en händelse, ${CONCURRENCY} samtidiga (median)`, ms(pct(saves, 50)), ""]);
  results.push([`Spara en händelse, ${CONCURRENCY} samtidiga (p95)`, ms(pct(saves, 95)), "≤ 150 ms"]);

  // Reference: the same row inserted with one hand-written statement through pg, same pool size.
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
  const reference = await runConcurrent(SAVES, async () => {
    await pool.query(
      `INSERT INTO incident ("municipalityId","areaId",place,"occurredAt","isoWeek","categoryId","reporterOrgId","updatedAt") VALUES ($1,$2,'Edsbergs torg',now(),'2026-W47',$3,$4,now())`,
      [municipality.id, area.id, category.id, reporter.memberships[0]!.organisationId],
    );
  });
  await pool.end();
  results.push([`Referens: enkel INSERT via pg (p95)`, ms(pct(reference, 95)), `kvot ${(pct(saves, 95) / pct(reference, 95)).toFixed(1)}×`]);

  console.log("\nMått".padEnd(52) + "Resultat".padEnd(14) + "Mål/jämförelse");
  for (const [what, value, target] of results) console.log(what.padEnd(52) + value.padEnd(14) + target);
  await disconnectDb();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
