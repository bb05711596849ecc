import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { weekKey } from "@/lib/time/periods";
import { runSeed } from "@/prisma/seed/run";
import { SOLLENTUNA } from "@/prisma/seed/reference";
import { loadOutlines } from "@/lib/areas/outlines";
import { areaAt, isApproximate } from "@/lib/geo/area-at";
import { resetDatabase } from "../helpers/db";

// The seed runs at the clock's "now" – the real one, or the shifted one of the CI passes: its relative
// history must hold on any date.
const NOW = new Date();

before(resetDatabase);
after(() => disconnectDb());

test("the seed builds Sollentuna as the audit describes it, and is idempotent", async () => {
  const first = await runSeed(db(), { now: NOW, demoPassword: "demo-password-1", historyWeeks: 6 });
  assert.equal(first.municipalities, 3);
  assert.equal(first.created.length, 7);
  assert.ok(first.incidents > 100, `expected a synthetic history, got ${first.incidents}`);

  const counts = async () => ({
    municipalities: await db().municipality.count(),
    groups: await db().estGroup.count(),
    areas: await db().area.count(),
    users: await db().user.count(),
    memberships: await db().membership.count(),
    incidents: await db().incident.count(),
    meetings: await db().meeting.count(),
    goals: await db().goal.count(),
  });
  const before = await counts();
  const second = await runSeed(db(), { now: NOW, demoPassword: "demo-password-2", historyWeeks: 6 });
  assert.deepEqual(second.created, [], "a second run creates no users and reveals no passwords");
  assert.equal(second.incidents, 0);
  assert.deepEqual(await counts(), before);

  const sollentuna = await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" }, select: { id: true, timezone: true } });
  assert.equal(sollentuna.timezone, "Europe/Stockholm");
  const groups = await db().estGroup.findMany({ where: { municipalityId: sollentuna.id }, select: { name: true, kind: true, cadence: true }, orderBy: { name: "asc" } });
  assert.deepEqual(groups, [
    { name: "EST Fördjupning Edsberg", kind: "FORDJUPNING", cadence: "QUARTERLY" },
    { name: "EST Fördjupning Tureberg", kind: "FORDJUPNING", cadence: "QUARTERLY" },
    { name: "EST Insats Rotebro", kind: "INSATS", cadence: "WEEKLY" },
    { name: "EST Ledning", kind: "LEDNING", cadence: "TERTIAL" },
    { name: "EST Strategisk", kind: "STRATEGISK", cadence: "TERTIAL" },
    { name: "EST Vecko", kind: "VECKO", cadence: "WEEKLY" },
    { name: "Styrgrupp Inga utsatta områden 2030", kind: "OTHER", cadence: "TERTIAL" },
  ]);

  const areas = await db().area.findMany({ where: { municipalityId: sollentuna.id }, select: { name: true, isFocus: true, classifications: { select: { classification: true } } } });
  for (const name of ["Edsberg", "Tureberg", "Rotebro", "Helenelund", "Bagarby"]) assert.ok(areas.some((a) => a.name === name), name);
  assert.deepEqual(areas.filter((a) => a.isFocus).map((a) => a.name).sort(), ["Edsberg", "Rotebro", "Tureberg"]);
  assert.equal(areas.find((a) => a.name === "Edsberg")?.classifications[0]?.classification, "UTSATT");
  assert.equal(areas.find((a) => a.name === "Tureberg")?.classifications[0]?.classification, "RISK");

  const edsbergGoals = await db().goal.findMany({ where: { municipalityId: sollentuna.id, kind: "AREA", area: { name: "Edsberg" } }, select: { title: true } });
  assert.deepEqual(edsbergGoals.map((g) => g.title).sort(), ["Aktiv och meningsfull fritid", "Narkotikafritt centrum", "Stoppa missbruk och rekrytering till kriminella nätverk", "Tryggt torg och trygga platser"]);

  const police = await db().user.findUniqueOrThrow({ where: { email: "polis@polisen.example" }, select: { memberships: { select: { municipality: { select: { slug: true } } } } } });
  assert.deepEqual(police.memberships.map((m) => m.municipality.slug).sort(), ["sigtuna", "sollentuna", "upplands-vasby"]);

  const categories = await db().incidentCategory.findMany({ where: { municipalityId: sollentuna.id, parentId: null }, select: { code: true } });
  assert.deepEqual(categories.map((c) => c.code).sort(), ["arrangemang", "incident_mot_anstalld", "ordningsstorning", "otrygg_plats", "samling", "skadegorelse", "ovrigt"].sort());

  // Stored week keys agree with the Stockholm calendar for every incident.
  const incidents = await db().incident.findMany({ select: { occurredAt: true, isoWeek: true } });
  for (const i of incidents) assert.equal(i.isoWeek, weekKey(i.occurredAt));
  assert.ok(incidents.every((i) => i.occurredAt.getTime() < NOW.getTime()), "no incident lies in the future");

  // Partners join over the first weeks (coverage shows it): nothing from the culture office before
  // its fourth week, the police from the first.
  const firstWeek = async (code: string) =>
    (await db().weeklyReport.findFirst({ where: { municipalityId: sollentuna.id, organisation: { code } }, orderBy: { isoWeek: "asc" }, select: { isoWeek: true } }))?.isoWeek;
  const [polisFirst, kfkFirst] = [await firstWeek("polis"), await firstWeek("kfk")];
  assert.ok(polisFirst && kfkFirst && kfkFirst > polisFirst, `${polisFirst} before ${kfkFirst}`);
  assert.equal(await db().incident.count({ where: { municipalityId: sollentuna.id, reporterOrg: { code: "kfk" }, isoWeek: { lt: kfkFirst! } } }), 0);
  // One week holds a broken light reported three times: one event, three reports.
  const copies = await db().incident.findMany({ where: { municipalityId: sollentuna.id, area: { code: "helenelund" }, category: { code: "otrygg_plats" }, description: "Trasig belysning gör platsen mörk.", reporterOrg: { code: "sollentunahem" } }, select: { eventStart: true, occurredAt: true }, orderBy: { occurredAt: "asc" } });
  const merged = copies.filter((c, i) => i > 0 && !c.eventStart && c.occurredAt.getTime() - copies[i - 1]!.occurredAt.getTime() <= 16 * 60_000);
  assert.ok(merged.length >= 2, "the copies of one report are marked as one event");

  // A police agreement in force today, followed up last half-year; an action tied to its goal.
  const inForce = await db().agreement.findFirst({ where: { municipalityId: sollentuna.id, validFrom: { lte: NOW }, validTo: { gte: NOW } }, select: { commitments: { select: { followUps: true } } } });
  assert.ok(inForce && inForce.commitments.length > 0 && inForce.commitments.every((c) => c.followUps.length === 1));
  assert.equal((await db().measure.findFirstOrThrow({ where: { municipalityId: sollentuna.id, title: "Förstärkt belysning vid Edsbergs torg" }, select: { goal: { select: { title: true } } } })).goal?.title, "Tryggt torg och trygga platser");

  // Weekly meetings for a year ahead, none in the past.
  const vecko = await db().meeting.count({ where: { group: { slug: "est-vecko", municipalityId: sollentuna.id } } });
  assert.ok(vecko >= 52 && vecko <= 53, `EST Vecko meetings: ${vecko}`);
});

test("Sollentuna's kommundelar get approximate outlines, each holding its own centre; an uploaded outline is never replaced", async () => {
  const sollentuna = await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" }, select: { id: true } });
  const outlines = await loadOutlines(sollentuna.id);
  assert.deepEqual(outlines.map((o) => o.name).sort(), SOLLENTUNA.areas.map((a) => a.name).sort(), "every kommundel has one");
  for (const a of SOLLENTUNA.areas) {
    assert.equal(areaAt(outlines, a.center[0], a.center[1])?.name, a.name, `${a.name}'s centre lies in its own outline`);
    assert.ok(isApproximate(outlines.find((o) => o.name === a.name)!.geometry), `${a.name}'s outline is marked approximate`);
  }
  // Outside the municipality (Järfälla, west of Järvafältet): no kommundel.
  assert.equal(areaAt(outlines, 59.4, 17.8), undefined);
  // The outlines do not overlap: a grid over the municipality finds each point in at most one.
  for (let lat = 59.39; lat <= 59.5; lat += 0.005) {
    for (let lon = 17.86; lon <= 18.02; lon += 0.005) {
      const holding = outlines.filter((o) => areaAt([o], lat, lon));
      assert.ok(holding.length <= 1, `${lat},${lon} lies in ${holding.map((o) => o.name).join(" and ")}`);
    }
  }

  // The municipality's own outline (as an upload stores it) survives another seed run.
  const own = { type: "Polygon", coordinates: [[[17.98, 59.44], [17.99, 59.44], [17.99, 59.45], [17.98, 59.45], [17.98, 59.44]]] };
  await db().area.updateMany({ where: { municipalityId: sollentuna.id, code: "edsberg" }, data: { outline: own } });
  await runSeed(db(), { now: NOW, demoPassword: "demo-password-3", historyWeeks: 6 });
  const edsberg = await db().area.findFirstOrThrow({ where: { municipalityId: sollentuna.id, code: "edsberg" }, select: { outline: true } });
  assert.deepEqual(edsberg.outline, own);
  assert.equal(isApproximate(edsberg.outline), false);
});

test("stored period keys are checked by the database", async () => {
  const incident = await db().incident.findFirstOrThrow({ select: { id: true } });
  await assert.rejects(db().incident.update({ where: { id: incident.id }, data: { isoWeek: "2026-W54" } }), /incident_iso_week_format/);
  const municipality = await db().municipality.findFirstOrThrow({ select: { id: true } });
  await assert.rejects(db().tertialAnalysis.create({ data: { municipalityId: municipality.id, tertial: "2026-T4" } }), /tertial_analysis_tertial_format/);
});
