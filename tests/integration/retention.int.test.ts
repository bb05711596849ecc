import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { db, disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { runRetention } from "@/lib/ops/retention";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const NOW = new Date("2026-11-25T12:00:00Z");
let sollentuna: string;
let vasby: string;

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0, now: NOW });
  sollentuna = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  vasby = (await db().municipality.findUniqueOrThrow({ where: { slug: "upplands-vasby" } })).id;
  rmSync(env().RETENTION_EXPORT_DIR, { recursive: true, force: true });
});
after(() => disconnectDb());

async function oldIncidents(municipalityId: string, place: string, n: number, at: string) {
  const [area, category, org] = await Promise.all([
    db().area.findFirstOrThrow({ where: { municipalityId } }),
    db().incidentCategory.findFirstOrThrow({ where: { municipalityId, parentId: null } }),
    db().organisation.findFirstOrThrow({ where: { municipalityId, code: "polis" } }),
  ]);
  await db().incident.createMany({
    data: Array.from({ length: n }, (_, i) => ({ municipalityId, areaId: area.id, categoryId: category.id, reporterOrgId: org.id, place: `${place} ${i}`, description: "Beskrivning av händelsen", latitude: 59.4, longitude: 17.9, occurredAt: new Date(at), isoWeek: "2021-W40" })),
  });
  return db().incident.findMany({ where: { municipalityId, place: { startsWith: place } }, select: { id: true }, orderBy: { place: "asc" } });
}

test("time travel: old incidents are exported, then anonymised (counts kept); held ones and other municipalities' are untouched; the run is logged", async () => {
  const old = await oldIncidents(sollentuna, "Gammal plats", 5, "2021-10-05T20:00:00Z");
  const recent = await oldIncidents(sollentuna, "Ny plats", 2, "2026-10-05T20:00:00Z");
  const otherTown = await oldIncidents(vasby, "Väsby plats", 3, "2021-10-05T20:00:00Z");
  await db().retentionRule.create({ data: { municipalityId: sollentuna, kind: "INCIDENT", months: 36, action: "ANONYMISE" } });
  await db().legalHold.create({ data: { municipalityId: sollentuna, kind: "INCIDENT", entityId: old[0]!.id, reason: "Begäran om allmän handling" } });
  const monthly = async () => db().incidentMonthCount.aggregate({ where: { municipalityId: sollentuna }, _sum: { n: true } });
  const countsBefore = await monthly();

  const dry = await runRetention(NOW, { dryRun: true });
  assert.deepEqual(dry.map((r) => [r.kind, r.affected, r.held]), [["INCIDENT", 4, 1]]);
  assert.equal(await db().incident.count({ where: { place: "[gallrad]" } }), 0, "a dry run changes nothing");

  const [run] = await runRetention(NOW);
  assert.equal(run!.affected, 4);
  // Exported first: the file holds exactly the culled rows, with what they said.
  const exported = readFileSync(run!.exportFile!, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; place: string });
  assert.deepEqual(exported.map((e) => e.id).sort(), old.slice(1).map((o) => o.id).sort());
  assert.ok(exported.every((e) => e.place.startsWith("Gammal plats")));
  const after = await db().incident.findMany({ where: { id: { in: [...old, ...recent, ...otherTown].map((x) => x.id) } }, select: { id: true, place: true, description: true, latitude: true } });
  const byId = new Map(after.map((a) => [a.id, a]));
  for (const o of old.slice(1)) assert.deepEqual({ ...byId.get(o.id), id: undefined }, { id: undefined, place: "[gallrad]", description: "", latitude: null });
  assert.equal(byId.get(old[0]!.id)!.place, "Gammal plats 0", "the held incident is kept as it was");
  for (const r of [...recent, ...otherTown]) assert.notEqual(byId.get(r.id)!.place, "[gallrad]");
  assert.deepEqual(await monthly(), countsBefore, "anonymising keeps the figures");
  const log = await db().retentionRun.findMany({ where: { municipalityId: sollentuna } });
  assert.deepEqual(log.map((l) => [l.kind, l.action, l.affected, l.held, l.exportFile]), [["INCIDENT", "ANONYMISE", 4, 1, run!.exportFile]]);
  await assert.rejects(db().retentionRun.deleteMany({}), /append-only/);

  assert.deepEqual((await runRetention(NOW)).map((r) => r.affected), [0], "a second run finds nothing new");
});

test("deleting rules remove old tips with their contact details; a hold on the whole kind stops the run", async () => {
  const t = await db().tip.create({ data: { municipalityId: sollentuna, trackingHash: "old-tip", kind: "OTHER", place: "Gamla torget", createdAt: new Date("2024-01-10T10:00:00Z"), contact: { create: { email: "boende@example.se" } } } });
  const fresh = await db().tip.create({ data: { municipalityId: sollentuna, trackingHash: "new-tip", kind: "OTHER", place: "Nya torget" } });
  await db().retentionRule.create({ data: { municipalityId: sollentuna, kind: "TIP", months: 12, action: "DELETE" } });
  const hold = await db().legalHold.create({ data: { municipalityId: sollentuna, kind: "TIP", reason: "Tillsyn pågår" } });
  const held = (await runRetention(NOW)).find((r) => r.kind === "TIP")!;
  assert.equal(held.held, -1);
  assert.equal(await db().tip.count({ where: { id: t.id } }), 1);

  await db().legalHold.update({ where: { id: hold.id }, data: { releasedAt: NOW } });
  const run = (await runRetention(NOW)).find((r) => r.kind === "TIP")!;
  assert.equal(run.affected, 1);
  assert.equal(await db().tip.count({ where: { id: t.id } }), 0);
  assert.equal(await db().tipContact.count({ where: { tipId: t.id } }), 0, "the contact details went with it");
  assert.equal(await db().tip.count({ where: { id: fresh.id } }), 1);
});
