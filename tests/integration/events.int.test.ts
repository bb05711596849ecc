// Events, not reports (issue 25, ADR 018): the database marks the report that begins each event
// and the rollups count events beside reports. Checked against the rule as the app states it
// (lib/incidents/events.ts) after every kind of write.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { countEvents, samePlace } from "@/lib/incidents/events";
import { importIncidentsCsv } from "@/lib/incidents/import/run";
import { rollup } from "@/lib/rollups/queries";
import { weekKey } from "@/lib/time/periods";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const NOW = new Date("2026-11-25T12:00:00Z");
let m: string;
let areas: string[];
let categories: string[];
let org: string;

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0, now: NOW });
  m = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  areas = (await db().area.findMany({ where: { municipalityId: m }, orderBy: { code: "asc" }, take: 2 })).map((a) => a.id);
  categories = (await db().incidentCategory.findMany({ where: { municipalityId: m, parentId: null }, orderBy: { code: "asc" }, take: 2 })).map((c) => c.id);
  org = (await db().organisation.findFirstOrThrow({ where: { municipalityId: m } })).id;
  await db().incident.deleteMany({ where: { municipalityId: m } });
});
after(() => disconnectDb());

test("the database's place key is the app's: case of every Latin letter, spaces, tabs and no-break spaces", async () => {
  // Latin-1 and Latin Extended A/B; İ is left out: lower case is two characters there (i + dot).
  const latin = Array.from({ length: 0x250 - 0xc0 }, (_, i) => String.fromCharCode(0xc0 + i)).filter((c) => c !== "İ").join("");
  const samples = [
    "ÄNGBY TORG", "  Ängby\t torg ", "ängby\u00a0torg", "Rotebro station, CYKELGARAGET", "ÅÄÖ éü ÆØ ČŠŽ ŊĐŦ", latin,
  ];
  for (const s of samples) {
    const [row] = await db().$queryRaw<{ k: string }[]>`SELECT est_place_key(${s}) AS k`;
    assert.equal(row!.k, samePlace(s), JSON.stringify(s));
  }
});

// A small deterministic generator: the same sequence of writes on every run.
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

async function assertAgree(step: string) {
  const rows = await db().incident.findMany({
    where: { municipalityId: m, status: "ACTIVE" },
    select: { id: true, areaId: true, categoryId: true, place: true, occurredAt: true, eventStart: true },
  });
  // The app's rule over all active reports, one group per report, tells which ones begin an event.
  const perDay = new Map<string, { n: number; events: number }>();
  const dayOf = (d: Date) => d.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
  const chains = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.areaId}|${r.categoryId}|${samePlace(r.place)}`;
    chains.set(key, [...(chains.get(key) ?? []), r]);
  }
  for (const chain of chains.values()) {
    chain.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1));
    chain.forEach((r, i) => {
      const starts = i === 0 || r.occurredAt.getTime() - chain[i - 1]!.occurredAt.getTime() > 60 * 60_000;
      assert.equal(r.eventStart, starts, `${step}: report at ${r.occurredAt.toISOString()} ${r.place}`);
      const key = `${dayOf(r.occurredAt)}|${r.areaId}|${r.categoryId}`;
      const cell = perDay.get(key) ?? { n: 0, events: 0 };
      cell.n++;
      cell.events += starts ? 1 : 0;
      perDay.set(key, cell);
    });
  }
  const kept = await db().incidentDayCount.findMany({ where: { municipalityId: m, n: { not: 0 } } });
  assert.deepEqual(
    new Map(kept.map((k) => [`${k.day.toISOString().slice(0, 10)}|${k.areaId}|${k.categoryId}`, { n: k.n, events: k.events }])),
    perDay,
    `${step}: the day rollup`,
  );
  const [drift] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT "municipalityId", "month", "areaId", "categoryId", "n", "events" FROM "incident_month_count" WHERE "n" <> 0 OR "events" <> 0
      EXCEPT SELECT "municipalityId", date_trunc('month', "day")::date, "areaId", "categoryId", sum("n")::int, sum("events")::int
             FROM "incident_day_count" GROUP BY 1, 2, 3, 4 HAVING sum("n") <> 0 OR sum("events") <> 0
    ) d`;
  assert.equal(drift!.n, 0, `${step}: the month rollup`);
}

test("every write keeps each report's event mark and the rollups' event counts exact", async () => {
  const rnd = random(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const places = ["Ängby torg", "ÄNGBY  TORG", "ängby torg ", "Rotebro station", "rotebro Station", "Edsbergs centrum"];
  // Reports over one evening around midnight (the day boundary), 0–150 minutes apart.
  const base = Date.UTC(2026, 5, 14, 20, 0);
  const report = () => {
    const occurredAt = new Date(base + Math.floor(rnd() * 48) * 5 * 60_000);
    return { municipalityId: m, areaId: pick(areas), categoryId: pick(categories), reporterOrgId: org, place: pick(places), occurredAt, isoWeek: weekKey(occurredAt) };
  };

  await db().incident.createMany({ data: Array.from({ length: 60 }, report) });
  await assertAgree("a batch of 60");
  for (let i = 0; i < 10; i++) await db().incident.create({ data: report() });
  await assertAgree("ten one by one");

  const ids = async () => (await db().incident.findMany({ where: { municipalityId: m }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
  for (let i = 0; i < 12; i++) {
    const id = pick(await ids());
    const r = report();
    await db().incident.update({ where: { id }, data: { occurredAt: r.occurredAt, isoWeek: r.isoWeek } });
    await assertAgree(`moved in time (${i})`);
    await db().incident.update({ where: { id: pick(await ids()) }, data: { place: r.place, areaId: r.areaId } });
    await assertAgree(`moved in place (${i})`);
  }
  const withdrawn = (await ids()).slice(0, 15);
  await db().incident.updateMany({ where: { id: { in: withdrawn } }, data: { status: "WITHDRAWN" } });
  await assertAgree("fifteen withdrawn at once");
  await db().incident.updateMany({ where: { id: { in: withdrawn.slice(0, 7) } }, data: { status: "ACTIVE" } });
  await assertAgree("seven restored");
  await db().incident.deleteMany({ where: { id: { in: (await ids()).slice(20, 40) } } });
  await assertAgree("twenty removed");
  await db().incident.updateMany({ where: { municipalityId: m }, data: { description: "Ändrad beskrivning" } });
  await assertAgree("a change that moves nothing");
});

test("the rollup gives reports and events: three copies of one broken light are one event", async () => {
  await db().incident.deleteMany({ where: { municipalityId: m } });
  const at = (minutes: number) => new Date(Date.UTC(2026, 8, 8, 16, minutes));
  const data = (minutes: number, place: string) => ({
    municipalityId: m, areaId: areas[0]!, categoryId: categories[0]!, reporterOrgId: org, place, occurredAt: at(minutes), isoWeek: weekKey(at(minutes)),
  });
  await db().incident.createMany({ data: [data(0, "Lekplatsen vid skolan"), data(10, "LEKPLATSEN vid skolan"), data(16, "lekplatsen  vid skolan")] });
  await db().incident.create({ data: data(200, "Lekplatsen vid skolan") });
  const r = await rollup("sollentuna", weekKey(at(0)), ["category"], NOW);
  assert.equal(r.total, 4);
  assert.equal(r.events, 2);
  assert.equal(r.rows[0]!.count, 4);
  assert.equal(r.rows[0]!.events, 2);
  const js = countEvents(await db().incident.findMany({ where: { municipalityId: m } }), () => "all");
  assert.equal(js.get("all"), 2, "the app's rule agrees");
});

test("the rebuild marks reports saved without the rule (as the migration's backfill does) and the rollups follow", async () => {
  await db().incident.deleteMany({ where: { municipalityId: m } });
  const at = (minutes: number) => new Date(Date.UTC(2026, 9, 3, 18, minutes));
  const data = (minutes: number) => ({
    municipalityId: m, areaId: areas[1]!, categoryId: categories[1]!, reporterOrgId: org, place: "Tunneln vid stationen", occurredAt: at(minutes), isoWeek: weekKey(at(minutes)),
  });
  await db().$executeRawUnsafe(`ALTER TABLE "incident" DISABLE TRIGGER incident_events_insert`);
  try {
    await db().incident.createMany({ data: [data(0), data(30), data(80), data(200)] });
  } finally {
    await db().$executeRawUnsafe(`ALTER TABLE "incident" ENABLE TRIGGER incident_events_insert`);
  }
  assert.equal((await rollup("sollentuna", weekKey(at(0)), [], NOW)).events, 4, "unmarked: every report counts as an event");
  const [row] = await db().$queryRaw<{ changed: number }[]>`SELECT incident_events_rebuild(${m}::uuid) AS changed`;
  assert.equal(row!.changed, 2);
  await assertAgree("after the rebuild");
  assert.equal((await rollup("sollentuna", weekKey(at(0)), [], NOW)).events, 2);
});

test("an import stores the copies in its file already marked, and the database corrects a mark that is wrong", async () => {
  await db().incident.deleteMany({ where: { municipalityId: m } });
  const [area, category] = await Promise.all([
    db().area.findUniqueOrThrow({ where: { id: areas[0]! }, select: { code: true } }),
    db().incidentCategory.findUniqueOrThrow({ where: { id: categories[0]! }, select: { code: true } }),
  ]);
  const orgCode = (await db().organisation.findUniqueOrThrow({ where: { id: org }, select: { code: true } })).code;
  const row = (at: string, place: string, id: string) => `2026-10-14 ${at},${area.code},${place},${category.code},${orgCode},Trasig belysning,${id}`;
  const csv = [
    "occurred_at,area,place,category,reporter_org,description,external_id",
    row("18:00", "Tunneln vid stationen", "T1"),
    row("18:00", "tunneln vid stationen", "T2"), // the same minute: a copy by the order of the ids
    row("18:10", "TUNNELN VID STATIONEN", "T3"), // ten minutes on: a copy
    row("20:00", "Tunneln vid stationen", "T4"), // two hours on: a new event
    row("17:30", "Tunneln vid stationen", "T5"), // earlier, later in the file: it begins the event, 18:00 does not
  ].join("\n");
  const report = await importIncidentsCsv(csv, "sollentuna", { now: NOW });
  assert.equal(report.inserted, 5, JSON.stringify(report.errors));
  await assertAgree("an import with copies in its file");
  const marks = await db().incident.findMany({ where: { municipalityId: m }, select: { externalId: true, eventStart: true }, orderBy: { externalId: "asc" } });
  assert.deepEqual(marks.map((r) => [r.externalId, r.eventStart]), [["T1", false], ["T2", false], ["T3", false], ["T4", true], ["T5", true]]);

  // A writer's claim that a report is a copy is checked: nothing before it, or only a withdrawn report.
  const at = (minutes: number) => new Date(Date.UTC(2026, 9, 15, 18, minutes));
  const data = (minutes: number, eventStart: boolean) => ({
    municipalityId: m, areaId: areas[1]!, categoryId: categories[1]!, reporterOrgId: org, place: "Skolgården", occurredAt: at(minutes), isoWeek: weekKey(at(minutes)), eventStart,
  });
  const withdrawn = await db().incident.create({ data: data(0, true) });
  await db().incident.update({ where: { id: withdrawn.id }, data: { status: "WITHDRAWN" } });
  await db().incident.createMany({ data: [data(20, false), data(200, false)] });
  await assertAgree("copies claimed without an active report before them");
  assert.equal((await rollup("sollentuna", weekKey(at(0)), [], NOW)).events, 2 + 2);
});

test("the tertial analysis and its drill-down count events; the drill-down lists every report, the place however spelt", async () => {
  const { computeAnalysis } = await import("@/lib/analysis/load");
  const { drillDown } = await import("@/lib/analysis/drilldown");
  const { loadViewer } = await import("@/lib/auth/load-viewer");
  await db().incident.deleteMany({ where: { municipalityId: m } });
  const at = (day: number, minutes: number) => new Date(Date.UTC(2026, 9, day, 17, minutes));
  const data = (day: number, minutes: number, place: string) => ({
    municipalityId: m, areaId: areas[0]!, categoryId: categories[0]!, reporterOrgId: org, place, occurredAt: at(day, minutes), isoWeek: weekKey(at(day, minutes)),
  });
  // Three evenings at the underpass; on the first, three reports of one event in three spellings.
  await db().incident.createMany({
    data: [data(5, 0, "Gångtunneln vid Tingvalla"), data(5, 20, "GÅNGTUNNELN VID TINGVALLA"), data(5, 45, " gångtunneln  vid tingvalla"), data(12, 0, "Gångtunneln vid Tingvalla"), data(19, 0, "Gångtunneln vid Tingvalla")],
  });
  const a = await computeAnalysis(m, "2026-T3", undefined, db(), NOW);
  assert.equal(a.areas.find((x) => x.id === areas[0])!.total.count, 3, "three events, not five reports");
  assert.deepEqual(a.hotspots.map((h) => [h.place, h.count]), [["Gångtunneln vid Tingvalla", 3]]);
  const ledning = (await loadViewer((await db().user.findUniqueOrThrow({ where: { email: "ledning@sollentuna.example" } })).id))!;
  const drill = await drillDown(ledning, m, "2026-T3", { slot: "2026-T3", place: "GÅNGTUNNELN VID TINGVALLA" });
  assert.deepEqual([drill.events, drill.total, drill.incidents.length], [3, 5, 5]);
});
