// A national-size synthetic dataset for benchmarks and scale tests: N municipalities × Y years of
// incidents with weekly and seasonal rhythm, evening peaks, hotspot places, a yearly flare-up in
// one area per municipality, and the actions (measures) taken at the hotspots.
// Deterministic for a given seed and end date. Reference data goes through seedMunicipality (the
// same code as the demo seed); incidents are streamed with COPY, one statement per municipality,
// so the statement-level rollup triggers (ADR 008) keep the summary tables current as they load.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { addDays } from "date-fns";
import { TZDate } from "@date-fns/tz";
import pg from "pg";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { TZ } from "../../lib/time/zone";
import { weekKey } from "../../lib/time/periods";
import { mulberry32, poisson as poissonSmall } from "./history";
import { seedMunicipality } from "./municipality";
import { CATEGORIES, type AreaSeed, type MunicipalitySeed, type OrgSeed } from "./reference";

export type NationalOptions = {
  municipalities: number;
  years: number;
  /** Average incidents per municipality and year (Swedish EST municipalities: a few thousand). */
  perYear?: number;
  seed?: number;
  end?: Date;
  onProgress?: (done: number, total: number, incidents: number) => void;
};

export type NationalResult = { municipalities: number; skipped: number; incidents: number; measures: number; seconds: number };

const ROOTS = ["Ek", "Björk", "Gran", "Sjö", "Berg", "Ask", "Lind", "Älv", "Sten", "Hög", "Lång", "Kvarn", "Mal", "Tall", "Hag", "Vass"];
const SUFFIXES = ["dal", "vik", "lund", "by", "holm", "torp", "åsen", "näs", "berga", "hagen", "ström", "backe"];
const PLACES = ["centrum", "station", "torg", "skolan", "idrottsplats", "garage", "park", "bibliotek"];
const ORGS: OrgSeed[] = [
  { code: "polis", name: "Polisen – lokalpolisområdet", kind: "POLIS" },
  { code: "kommun-trygghet", name: "Kommunledningsförvaltningen – trygghet", kind: "FORVALTNING" },
  { code: "bostadsbolaget", name: "Det kommunala bostadsbolaget", kind: "BOSTADSBOLAG" },
  { code: "fritid", name: "Kultur- och fritidsförvaltningen", kind: "FORVALTNING" },
  { code: "vaktare", name: "Trygghetsvärdar", kind: "VAKTARE" },
  { code: "raddning", name: "Räddningstjänsten", kind: "RADDNINGSTJANST" },
];
const ORG_WEIGHTS: Record<string, number> = { polis: 5, "kommun-trygghet": 3, bostadsbolaget: 4, fritid: 2, vaktare: 3, raddning: 1 };
const CATEGORY_WEIGHTS: [string, number][] = [
  ["skadegorelse", 30], ["samling", 20], ["ordningsstorning", 30], ["otrygg_plats", 8],
  ["incident_mot_anstalld", 5], ["arrangemang", 2], ["ovrigt", 5],
];
const HOUR_WEIGHTS: [number, number][] = Array.from({ length: 24 }, (_, h) => [h, h >= 18 || h <= 1 ? 6 : h >= 2 && h <= 6 ? 1.5 : h >= 14 ? 3 : 1.2]);
const SEASON = [0.75, 0.7, 0.85, 0.95, 1.1, 1.25, 1.2, 1.25, 1.1, 1.0, 0.9, 0.85];
const DESCRIPTIONS = ["Klotter på fasaden.", "Krossad ruta.", "Grupp samlades sent på kvällen.", "Bråk som upplöstes.", "Buskörning med moped.", "Trasig belysning.", "Nedskräpning efter helgen.", "Brand i papperskorg, släckt."];
const MEASURES = ["Förstärkt belysning", "Trygghetsvandring", "Ökad närvaro kvällstid", "Klotterplank och snabb sanering", "Dialog med fastighetsägare", "Fältassistenter på plats", "Kameraövervakning utreds", "Röjning av buskage"];

/** Municipality i of the national set: its areas, organisations and EST groups. */
export function nationalMunicipality(i: number, seed: number): MunicipalitySeed & { weight: number } {
  const rand = mulberry32(seed * 7919 + i);
  const lat = 55.4 + rand() * 10;
  const lon = 12.5 + rand() * (lat > 60 ? 9 : 6);
  const areaCount = 5 + Math.floor(rand() * 8);
  const names = new Set<string>();
  while (names.size < areaCount) names.add(ROOTS[Math.floor(rand() * ROOTS.length)]! + SUFFIXES[Math.floor(rand() * SUFFIXES.length)]!);
  const areas: AreaSeed[] = [...names].map((name, k) => ({
    code: `omrade-${k + 1}`,
    name,
    population: 1500 + Math.floor(rand() * 12000),
    isFocus: k < 2,
    center: [round(lat + (rand() - 0.5) * 0.08), round(lon + (rand() - 0.5) * 0.12)],
    places: PLACES.map((p) => (p.endsWith("skolan") || p === "garage" ? `${name}${p}` : `${name} ${p}`)),
  }));
  const core = ORGS.map((o) => o.code);
  return {
    slug: `kommun-${String(i).padStart(3, "0")}`,
    name: `Testkommun ${i}`,
    population: areas.reduce((s, a) => s + a.population, 0),
    // Municipalities differ in size: from a third to three times the average volume.
    weight: 0.33 + rand() * rand() * 2.68,
    areas,
    organisations: ORGS,
    groups: [
      { slug: "est-vecko", name: "EST Vecko", kind: "VECKO", cadence: "WEEKLY", weekday: 2, time: "09:00", minutes: 60, areas: "all", organisations: core, description: "Veckovis lägesbild." },
      { slug: "est-strategisk", name: "EST Strategisk", kind: "STRATEGISK", cadence: "TERTIAL", weekday: 2, time: "10:00", minutes: 120, areas: "all", organisations: core, description: "Tertialvis analys." },
      { slug: "est-ledning", name: "EST Ledning", kind: "LEDNING", cadence: "TERTIAL", weekday: 3, time: "13:00", minutes: 90, areas: "all", organisations: ["kommun-trygghet", "bostadsbolaget", "fritid"], description: "Inriktning." },
      { slug: "est-fordjupning", name: `EST Fördjupning ${areas[0]!.name}`, kind: "FORDJUPNING", cadence: "QUARTERLY", weekday: 4, time: "09:00", minutes: 120, areas: [areas[0]!.code], organisations: core, description: "Fördjupad analys." },
    ],
  };
}

/** The instant each Stockholm local hour of each day begins, computed once for all municipalities. */
function calendar(first: Date, days: number) {
  const hours = new Float64Array(days * 24);
  const weeks: string[] = [];
  const months: number[] = [];
  const weekdays: number[] = [];
  for (let d = 0; d < days; d++) {
    const day = addDays(new TZDate(first.getTime(), TZ), d);
    for (let h = 0; h < 24; h++) hours[d * 24 + h] = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), h, 0, TZ).getTime();
    weeks.push(weekKey(new Date(hours[d * 24 + 12]!)));
    months.push(day.getMonth());
    weekdays.push(day.getDay());
  }
  return { hours, weeks, months, weekdays };
}

/** A sampler over weighted items: cumulative weights once, a binary search per draw. */
function sampler<T>(items: readonly (readonly [T, number])[]): (rand: () => number) => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (const [, w] of items) cumulative.push((sum += w));
  return (rand) => {
    const r = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]![0];
  };
}

const pickHour = sampler(HOUR_WEIGHTS);
const pickVerdict = sampler([["HELPED", 3], ["PARTLY", 2], ["NO_EFFECT", 1]] as const);

/** Poisson draws; above λ = 30 the normal approximation keeps it quick for large municipalities. */
function poisson(rand: () => number, lambda: number): number {
  return lambda > 30 ? Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(rand))) : poissonSmall(rand, lambda);
}

const gaussian = (rand: () => number) => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());

type Ids = {
  municipalityId: string;
  areas: { id: string; seed: AreaSeed }[];
  categories: { id: string; code: string; subIds: string[] }[];
  orgs: [string, number][];
};

const COPY_INCIDENT = `COPY incident ("municipalityId","areaId","categoryId","subcategoryId","reporterOrgId",place,latitude,longitude,"occurredAt","isoWeek",description,"policeReported","needsFollowUp","createdAt","updatedAt") FROM STDIN`;

// What the triggers add for a statement, over all of one municipality's (new) incidents: the
// place keys and event marks (ADR 018), then the rollups of reports and events.
const EVENTS_MUNICIPALITY = `
  WITH keyed AS (UPDATE incident SET "placeKey" = est_place_key(place) WHERE "municipalityId" = $1 RETURNING 1)
  SELECT count(*) FROM keyed`;
const ROLLUP_MUNICIPALITY = `
  SELECT incident_rollup_apply(array_agg(m), array_agg(d), array_agg(a), array_agg(c), array_agg(n), array_agg(e))
  FROM (SELECT "municipalityId" m, ("occurredAt" AT TIME ZONE 'Europe/Stockholm')::date d, "areaId" a, "categoryId" c,
               count(*)::int n, count(*) FILTER (WHERE "eventStart")::int e
        FROM incident WHERE "municipalityId" = $1 AND status = 'ACTIVE' GROUP BY 1, 2, 3, 4) x`;
const ORGANISATION_WEEKS = `
  SELECT organisation_week_apply(array_agg(m), array_agg(o), array_agg(w), array_agg(n))
  FROM (SELECT "municipalityId" m, "reporterOrgId" o, date_trunc('week', "occurredAt" AT TIME ZONE 'Europe/Stockholm')::date w, count(*)::int n
        FROM incident WHERE "municipalityId" = $1 AND status = 'ACTIVE' GROUP BY 1, 2, 3) x`;

/** Streams one municipality's incidents as COPY text lines, 2,000 rows a chunk. */
function* incidentLines(ids: Ids, cal: ReturnType<typeof calendar>, perDay: number, rand: () => number, stats: { n: number }, hotspots: Map<string, number>) {
  const days = cal.weeks.length;
  const pickArea = sampler(ids.areas.map((a, k) => [a, k < 2 ? 3 : 1 + rand()] as const));
  const pickCategory = sampler(CATEGORY_WEIGHTS.map(([code, w]) => [ids.categories.find((c) => c.code === code)!, w] as const));
  const pickOrg = sampler(ids.orgs);
  const now = new Date().toISOString();
  // One flare-up a year: three weeks at four times the usual rate in one area.
  const flares = Array.from({ length: Math.ceil(days / 365) }, (_, y) => ({ start: y * 365 + Math.floor(rand() * 340), area: ids.areas[Math.floor(rand() * ids.areas.length)]! }));
  let chunk: string[] = [];
  for (let d = 0; d < days; d++) {
    const weekend = cal.weekdays[d] === 5 || cal.weekdays[d] === 6 ? 1.4 : 1;
    const count = poisson(rand, (perDay * SEASON[cal.months[d]!]! * weekend) / 1.114);
    const flare = flares.find((f) => d >= f.start && d < f.start + 21);
    const extra = flare ? poisson(rand, perDay * 0.6) : 0;
    for (let i = 0; i < count + extra; i++) {
      const area = i >= count ? flare!.area : pickArea(rand);
      const category = pickCategory(rand);
      const hour = pickHour(rand);
      const occurred = cal.hours[d * 24 + hour]! + Math.floor(rand() * 60) * 60_000;
      // Hotspots: the first places of an area get most incidents.
      const placeIndex = Math.min(area.seed.places.length - 1, Math.floor(Math.pow(rand(), 2.2) * area.seed.places.length));
      const place = area.seed.places[placeIndex]!;
      const key = `${area.id}\t${place}`;
      hotspots.set(key, (hotspots.get(key) ?? 0) + 1);
      const lat = round(area.seed.center[0] + (placeIndex - 3) * 0.0021 + (rand() - 0.5) * 0.0012);
      const lon = round(area.seed.center[1] + (((placeIndex * 7) % 5) - 2) * 0.0034 + (rand() - 0.5) * 0.002);
      const sub = category.subIds.length && rand() < 0.5 ? category.subIds[Math.floor(rand() * category.subIds.length)]! : "\\N";
      // Most reports arrive within a day; some a week late (they show as late in the next draft).
      const created = occurred + (rand() < 0.9 ? rand() * 86_400_000 : rand() * 7 * 86_400_000);
      chunk.push([
        ids.municipalityId, area.id, category.id, sub, pickOrg(rand), place, lat, lon,
        new Date(occurred).toISOString(), cal.weeks[d], DESCRIPTIONS[Math.floor(rand() * DESCRIPTIONS.length)],
        rand() < 0.25 ? "t" : "f", rand() < 0.1 ? "t" : "f", new Date(created).toISOString(), now,
      ].join("\t"));
      stats.n++;
      if (chunk.length === 2000) {
        yield chunk.join("\n") + "\n";
        chunk = [];
      }
    }
  }
  if (chunk.length) yield chunk.join("\n") + "\n";
}

/** Actions at each municipality's worst places, spread over the years, most of them done. */
function measuresFor(ids: Ids, hotspots: Map<string, number>, first: Date, days: number, rand: () => number, vecko: string | undefined) {
  const worst = [...hotspots.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  if (worst.length === 0) return [];
  const perYear = 10 + Math.floor(rand() * 15);
  const total = Math.ceil((perYear * days) / 365);
  return Array.from({ length: total }, (_, k) => {
    const [areaId, place] = worst[k % worst.length]![0].split("\t") as [string, string];
    const start = addDays(first, Math.floor(rand() * days));
    const due = addDays(start, 14 + Math.floor(rand() * 120));
    const age = (first.getTime() + days * 86_400_000 - start.getTime()) / 86_400_000;
    const status = age > 180 ? (rand() < 0.9 ? "DONE" : "CANCELLED") : age > 30 ? (rand() < 0.5 ? "DONE" : "ONGOING") : "PLANNED";
    return {
      municipalityId: ids.municipalityId,
      title: `${MEASURES[Math.floor(rand() * MEASURES.length)]} – ${place}`,
      kind: rand() < 0.7 ? "SHORT_TERM" : "LONG_TERM",
      areaId,
      place,
      ownerOrgId: sampler(ids.orgs)(rand),
      startDate: start,
      dueDate: due,
      status,
      cancelReason: status === "CANCELLED" ? "Ersatt av annan åtgärd." : null,
      origin: "LAGESBILD",
      groupId: vecko ?? null,
      effectVerdict: status === "DONE" ? pickVerdict(rand) : null,
    } as const;
  });
}

export async function generateNational(prisma: PrismaClient, databaseUrl: string, o: NationalOptions): Promise<NationalResult> {
  const started = performance.now();
  const seed = o.seed ?? 20260101;
  const end = o.end ?? new Date();
  const endLocal = new TZDate(end.getTime(), TZ);
  const days = Math.round(o.years * 365.25);
  const first = addDays(new TZDate(endLocal.getFullYear(), endLocal.getMonth(), endLocal.getDate(), TZ), -days);
  const run: Run = { prisma, seed, end, first, days, perDay: (o.perYear ?? 3500) / 365, cal: calendar(first, days), superuser: false };
  const totals = { incidents: 0, measures: 0, skipped: 0, done: 0 };
  let next = 1;
  // Two loaders: PostgreSQL spends its time on index upkeep, which a second backend overlaps.
  const clients = await Promise.all([0, 1].map(async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return client;
  }));
  run.superuser = (await clients[0]!.query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).rows[0]?.rolsuper === true;
  try {
    await Promise.all(clients.map(async (client) => {
      while (next <= o.municipalities) {
        const loaded = await loadMunicipality(run, client, next++);
        if (loaded) {
          totals.incidents += loaded.incidents;
          totals.measures += loaded.measures;
        } else totals.skipped++;
        o.onProgress?.(++totals.done, o.municipalities, totals.incidents);
      }
    }));
    await clients[0]!.query("ANALYZE");
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  return { municipalities: o.municipalities, skipped: totals.skipped, incidents: totals.incidents, measures: totals.measures, seconds: (performance.now() - started) / 1000 };
}

type Run = { prisma: PrismaClient; seed: number; end: Date; first: Date; days: number; perDay: number; cal: ReturnType<typeof calendar>; superuser: boolean };

/** Loads municipality i; null when an earlier run already did (the dataset is resumable, never doubled). */
async function loadMunicipality(run: Run, client: pg.Client, i: number): Promise<{ incidents: number; measures: number } | null> {
  const m = nationalMunicipality(i, run.seed);
  const existing = await client.query(`SELECT 1 FROM incident WHERE "municipalityId" = (SELECT id FROM municipality WHERE slug = $1) LIMIT 1`, [m.slug]);
  if (existing.rowCount) return null;
  const s = await seedMunicipality(run.prisma, m, run.end);
  const cats = await run.prisma.incidentCategory.findMany({ where: { municipalityId: s.id }, select: { id: true, code: true, parentId: true } });
  const ids: Ids = {
    municipalityId: s.id,
    areas: m.areas.map((a) => ({ id: s.areaIds.get(a.code)!, seed: a })),
    categories: CATEGORIES.map((c) => {
      const parent = cats.find((x) => x.code === c.code)!;
      return { id: parent.id, code: c.code, subIds: cats.filter((x) => x.parentId === parent.id).map((x) => x.id) };
    }),
    orgs: [...s.orgIds.entries()].map(([code, id]) => [id, ORG_WEIGHTS[code] ?? 1]),
  };
  const rand = mulberry32(run.seed * 31 + i);
  const stats = { n: 0 };
  const hotspots = new Map<string, number>();
  const { default: copy } = await import("pg-copy-streams");
  await client.query("BEGIN");
  try {
    // The standard bulk-load recipe: skip the per-row foreign-key checks and the triggers
    // (the rows are consistent by construction) and fill this municipality's rollups in one
    // statement afterwards. Needs a superuser; otherwise the rows go through the triggers.
    if (run.superuser) await client.query("SET LOCAL session_replication_role = replica");
    await pipeline(Readable.from(incidentLines(ids, run.cal, run.perDay * m.weight, rand, stats, hotspots)), client.query(copy.from(COPY_INCIDENT)));
    if (run.superuser) {
      await client.query(EVENTS_MUNICIPALITY, [s.id]);
      await client.query("SELECT incident_events_rebuild($1)", [s.id]);
      await client.query(ROLLUP_MUNICIPALITY, [s.id]);
      await client.query(ORGANISATION_WEEKS, [s.id]);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
  const rows = measuresFor(ids, hotspots, run.first, run.days, rand, s.groupIds.get("est-vecko"));
  await run.prisma.measure.createMany({ data: rows });
  return { incidents: stats.n, measures: rows.length };
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;
