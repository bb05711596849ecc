import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { generateNational } from "@/prisma/seed/national";
import { resetDatabase } from "../helpers/db";

const END = new Date("2026-11-25T12:00:00Z");
const OPTIONS = { municipalities: 3, years: 2, perYear: 1500, seed: 7, end: END };

before(resetDatabase);
after(() => disconnectDb());

/** Everything a benchmark reads, by names rather than ids, so two loads can be compared. */
async function fingerprint() {
  return db().$queryRaw<{ slug: string; area: string; week: string; n: number }[]>`
    SELECT m.slug, a.name AS area, i."isoWeek" AS week, count(*)::int AS n
    FROM incident i JOIN municipality m ON m.id = i."municipalityId" JOIN area a ON a.id = i."areaId"
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}

test("the national generator loads a realistic, deterministic and resumable dataset", async () => {
  const first = await generateNational(db(), env().DATABASE_URL, OPTIONS);
  assert.equal(first.skipped, 0);
  assert.equal(await db().municipality.count(), 3);
  assert.equal(await db().incident.count(), first.incidents);
  // Three municipalities × two years at ~1,500 a year, each between a third and three times that.
  assert.ok(first.incidents > 3000 && first.incidents < 30000, `${first.incidents} incidents`);
  assert.ok(first.measures > 30, `${first.measures} actions`);
  assert.equal(await db().estGroup.count({ where: { kind: "VECKO" } }), 3);

  // The rollup tables hold the same counts as the raw rows (bulk load fills them itself).
  const [sums] = await db().$queryRaw<{ day: number; month: number; raw: number }[]>`
    SELECT (SELECT sum(n) FROM incident_day_count)::int AS day, (SELECT sum(n) FROM incident_month_count)::int AS month,
           (SELECT count(*) FROM incident WHERE status = 'ACTIVE')::int AS raw`;
  assert.deepEqual(sums, { day: first.incidents, month: first.incidents, raw: first.incidents });
  // …and the events among them, marked by the rule from scratch (the rebuild changes nothing), and
  // the organisations' weeks that reporting coverage reads.
  const [events] = await db().$queryRaw<{ day: number; marked: number; rebuilt: number; weeks: number }[]>`
    SELECT (SELECT sum(events) FROM incident_day_count)::int AS day,
           (SELECT count(*) FROM incident WHERE status = 'ACTIVE' AND "eventStart")::int AS marked,
           incident_events_rebuild() AS rebuilt,
           (SELECT sum(n) FROM organisation_week_count)::int AS weeks`;
  assert.equal(events!.day, events!.marked);
  assert.ok(events!.marked <= first.incidents);
  assert.equal(events!.rebuilt, 0, "every report already carries its mark");
  assert.equal(events!.weeks, first.incidents);

  // Rhythm: summer busier than winter, Friday and Saturday busier than midweek, evenings busiest.
  const [rhythm] = await db().$queryRaw<{ summer: number; winter: number; weekend: number; midweek: number; evening: number; morning: number }[]>`
    SELECT count(*) FILTER (WHERE extract(month FROM t) IN (6, 7, 8))::int AS summer,
           count(*) FILTER (WHERE extract(month FROM t) IN (1, 2, 12))::int AS winter,
           count(*) FILTER (WHERE extract(isodow FROM t) IN (5, 6))::int AS weekend,
           count(*) FILTER (WHERE extract(isodow FROM t) IN (2, 3))::int AS midweek,
           count(*) FILTER (WHERE extract(hour FROM t) BETWEEN 19 AND 22)::int AS evening,
           count(*) FILTER (WHERE extract(hour FROM t) BETWEEN 7 AND 10)::int AS morning
    FROM (SELECT "occurredAt" AT TIME ZONE 'Europe/Stockholm' AS t FROM incident) x`;
  assert.ok(rhythm!.summer > rhythm!.winter * 1.3, JSON.stringify(rhythm));
  assert.ok(rhythm!.weekend > rhythm!.midweek * 1.2, JSON.stringify(rhythm));
  assert.ok(rhythm!.evening > rhythm!.morning * 3, JSON.stringify(rhythm));

  // Hotspots: in each municipality the busiest place takes far more than an even share.
  const hot = await db().$queryRaw<{ slug: string; share: number; places: number }[]>`
    SELECT slug, max(n)::float / sum(n) AS share, count(*)::int AS places FROM (
      SELECT m.slug, i.place, count(*) AS n FROM incident i JOIN municipality m ON m.id = i."municipalityId" GROUP BY 1, 2) x GROUP BY 1`;
  for (const h of hot) assert.ok(h.share > 3 / h.places, `${h.slug}: top place ${h.share.toFixed(3)} of ${h.places} places`);
  // Actions sit at the hotspots, and the old ones are closed.
  const open = await db().measure.count({ where: { status: { in: ["PLANNED", "ONGOING"] }, startDate: { lt: new Date("2025-06-01") } } });
  assert.equal(open, 0);

  // Resumable: a second run skips what is there; deterministic: a fresh load gives the same data.
  const before = await fingerprint();
  const again = await generateNational(db(), env().DATABASE_URL, OPTIONS);
  assert.deepEqual({ skipped: again.skipped, incidents: again.incidents }, { skipped: 3, incidents: 0 });
  await resetDatabase();
  const fresh = await generateNational(db(), env().DATABASE_URL, OPTIONS);
  assert.equal(fresh.incidents, first.incidents);
  assert.deepEqual(await fingerprint(), before);
});
