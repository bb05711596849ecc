import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { parse as parseCsv } from "csv-parse/sync";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { computeAnalysis } from "@/lib/analysis/load";
import { drillDown } from "@/lib/analysis/drilldown";
import { getTertialAnalysis, listTertials, tertialTasks, tertialToOpen } from "@/lib/analysis/tertial";
import { addTertialComment, approveTertial, returnTertialToDraft, saveTertialNarrative, submitTertialForReview } from "@/lib/analysis/tertial-mutations";
import { getRollupAcross } from "@/lib/rollups/across";
import { rollup } from "@/lib/rollups/queries";
import { periodRange, weekKey } from "@/lib/time/periods";
import { GET } from "@/app/api/v1/rollups/route";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const NOW = new Date("2026-11-25T12:00:00Z");
let m: string;
let ids: { edsberg: string; rotebro: string; skada: string; samling: string; org: string };
const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;

// Instants chosen at the edges Stockholm time makes hard: both DST switches, the turn of a year
// inside ISO week 53, the last second of a tertial and the first of the next.
const EDGES = {
  afterSpringGap: "2026-03-29T01:30:00Z", // 03:30 CEST Sun 29 Mar (W13, T1)
  ambiguousAutumn: "2026-10-25T00:30:00Z", // 02:30 CEST Sun 25 Oct, the first of the two (W43, T3)
  newYearLocal: "2025-12-31T23:30:00Z", // 00:30 Thu 1 Jan 2026 local: 2026-W01 and 2026-T1, though 2025 in UTC
  lastOfT1: "2026-04-30T21:59:59Z", // 23:59:59 Thu 30 Apr local (T1)
  firstOfT2: "2026-04-30T22:00:00Z", // 00:00 Fri 1 May local (T2)
  w53InT3: "2026-12-31T12:00:00Z", // Thu 31 Dec: 2026-W53, T3
  w53InNextT1: "2027-01-02T12:00:00Z", // Sat 2 Jan 2027: still 2026-W53, but 2027-T1
};

async function incident(at: string, area: string, category: string, place = "Edsbergs centrum") {
  const occurredAt = new Date(at);
  return db().incident.create({
    data: { municipalityId: m, areaId: area, categoryId: category, reporterOrgId: ids.org, place, occurredAt, isoWeek: weekKey(occurredAt) },
    select: { id: true },
  });
}

/** The definition, counted the slow way from the raw table. */
async function truth(period: string) {
  const { start, end } = periodRange(period);
  return db().incident.count({ where: { municipalityId: m, status: "ACTIVE", occurredAt: { gte: start, lt: end } } });
}

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0, now: NOW });
  m = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  const area = (code: string) => db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code } } });
  const cat = (code: string) => db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code } } });
  ids = {
    edsberg: (await area("edsberg")).id,
    rotebro: (await area("rotebro")).id,
    skada: (await cat("skadegorelse")).id,
    samling: (await cat("samling")).id,
    org: (await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "polis" } } })).id,
  };
  await db().incident.deleteMany({ where: { municipalityId: m } });
  for (const at of Object.values(EDGES)) await incident(at, ids.edsberg, ids.skada);
  // The previous tertial (2025-T3) and the same tertial last year (2025-T1) for comparisons.
  for (let i = 0; i < 3; i++) await incident(`2025-10-0${i + 1}T18:00:00Z`, ids.edsberg, ids.samling);
  await incident("2025-02-10T18:00:00Z", ids.rotebro, ids.samling);
});
after(() => disconnectDb());

test("rollups count by Stockholm time across DST, week 53 and tertial edges, matching the raw table", async () => {
  const expected: Record<string, number> = {
    "2026-W01": 1, "2026-W13": 1, "2026-W43": 1, "2026-W53": 2,
    "2026-T1": 3, "2026-T2": 1, "2026-T3": 2, "2027-T1": 1, "2025-T3": 3,
    "2026-04": 1, "2026-05": 1, "2026-Q2": 2, "2025-12": 0, "2026-01": 1,
  };
  for (const [period, count] of Object.entries(expected)) {
    const r = await rollup("sollentuna", period, []);
    assert.equal(r.total, count, period);
    assert.equal(r.total, await truth(period), `${period} agrees with the raw table`);
  }
  const byBoth = await rollup("sollentuna", "2026-T1", ["area", "category"]);
  // The name people read and the code a system joins on, for both dimensions.
  assert.deepEqual(byBoth.rows, [{ area: "Edsberg", areaCode: "edsberg", category: "skadegorelse", categoryLabel: "Skadegörelse", count: 3, events: 3 }]);
  assert.equal(byBoth.from, "2025-12-31T23:00:00.000Z");
  assert.equal(byBoth.to, "2026-04-30T22:00:00.000Z");
  // Three reports at one place, a day apart: three events.
  assert.deepEqual((await rollup("sollentuna", "2025-T3", ["area"])).rows, [{ area: "Edsberg", areaCode: "edsberg", count: 3, events: 3 }]);
});

test("the rollup tables follow every write: withdraw, move, restore, delete, bulk insert", async () => {
  const moved = await incident("2026-06-15T10:00:00Z", ids.edsberg, ids.skada);
  const withdrawn = await incident("2026-06-16T10:00:00Z", ids.edsberg, ids.skada);
  await db().incident.update({ where: { id: withdrawn.id }, data: { status: "WITHDRAWN" } });
  await db().incident.update({ where: { id: moved.id }, data: { areaId: ids.rotebro, occurredAt: new Date("2026-09-01T10:00:00Z"), isoWeek: "2026-W36" } });
  assert.equal((await rollup("sollentuna", "2026-T2", [])).total, 1);
  assert.deepEqual((await rollup("sollentuna", "2026-T3", ["area"])).rows, [{ area: "Edsberg", areaCode: "edsberg", count: 2, events: 2 }, { area: "Rotebro", areaCode: "rotebro", count: 1, events: 1 }]);
  await db().incident.update({ where: { id: withdrawn.id }, data: { status: "ACTIVE" } });
  assert.equal((await rollup("sollentuna", "2026-T2", [])).total, 2);
  await db().incident.deleteMany({ where: { id: { in: [moved.id, withdrawn.id] } } });
  await db().incident.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      municipalityId: m, areaId: ids.rotebro, categoryId: ids.samling, reporterOrgId: ids.org, place: "Rotebro station",
      occurredAt: new Date(Date.UTC(2024, 0, 1 + i * 9, 20)), isoWeek: weekKey(new Date(Date.UTC(2024, 0, 1 + i * 9, 20))),
    })),
  });
  // Recomputed from scratch, the maintained tables hold exactly the same numbers.
  const drift = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      (SELECT "municipalityId", "day", "areaId", "categoryId", "n" FROM "incident_day_count" WHERE "n" <> 0
       EXCEPT SELECT "municipalityId", ("occurredAt" AT TIME ZONE 'Europe/Stockholm')::date, "areaId", "categoryId", count(*)::int FROM "incident" WHERE "status" = 'ACTIVE' GROUP BY 1, 2, 3, 4)
      UNION ALL
      (SELECT "municipalityId", ("occurredAt" AT TIME ZONE 'Europe/Stockholm')::date, "areaId", "categoryId", count(*)::int FROM "incident" WHERE "status" = 'ACTIVE' GROUP BY 1, 2, 3, 4
       EXCEPT SELECT "municipalityId", "day", "areaId", "categoryId", "n" FROM "incident_day_count" WHERE "n" <> 0)
    ) d`;
  assert.equal(drift[0]!.n, 0);
  const monthDrift = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT "municipalityId", "month", "areaId", "categoryId", "n" FROM "incident_month_count" WHERE "n" <> 0
      EXCEPT SELECT "municipalityId", date_trunc('month', "day")::date, "areaId", "categoryId", sum("n")::int FROM "incident_day_count" GROUP BY 1, 2, 3, 4 HAVING sum("n") <> 0
    ) d`;
  assert.equal(monthDrift[0]!.n, 0);
  // And the weeks each organisation reported in (reporting coverage, issue 25).
  const weekDrift = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      (SELECT "municipalityId", "organisationId", "weekStart", "n" FROM "organisation_week_count" WHERE "n" <> 0
       EXCEPT SELECT "municipalityId", "reporterOrgId", date_trunc('week', "occurredAt" AT TIME ZONE 'Europe/Stockholm')::date, count(*)::int FROM "incident" WHERE "status" = 'ACTIVE' GROUP BY 1, 2, 3)
      UNION ALL
      (SELECT "municipalityId", "reporterOrgId", date_trunc('week', "occurredAt" AT TIME ZONE 'Europe/Stockholm')::date, count(*)::int FROM "incident" WHERE "status" = 'ACTIVE' GROUP BY 1, 2, 3
       EXCEPT SELECT "municipalityId", "organisationId", "weekStart", "n" FROM "organisation_week_count" WHERE "n" <> 0)
    ) d`;
  assert.equal(weekDrift[0]!.n, 0);
});

test("the API and the command return the same numbers; a token reads only its own municipality", async () => {
  const admin = await viewerOf("admin@sollentuna.example");
  const { token } = await createApiToken(admin, m, { name: "BI", organisationId: ids.org, access: "bi" });
  const get = (q: string, auth = `Bearer ${token}`) => GET(new Request(`http://localhost/api/v1/rollups?${q}`, { headers: { authorization: auth } }));
  const api = await get("municipality=sollentuna&period=2026-T1&by=area,category");
  assert.equal(api.status, 200);
  const body = await api.json();
  const cli = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/est.ts", "rollup", "--municipality", "sollentuna", "--period", "2026-T1", "--by", "area,category"], { encoding: "utf8", env: process.env });
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(JSON.parse(cli.stdout), body);
  const csv = await get("municipality=sollentuna&period=2026-T1&by=area&format=csv");
  assert.equal(await csv.text(), "area,area_code,count,events\nEdsberg,edsberg,3,3\n");
  // For Excel with Swedish settings: a byte-order mark and semicolons, read back by a CSV library.
  const excel = Buffer.from(await (await get("municipality=sollentuna&period=2026-T1&by=area,category&format=csv&excel=1")).arrayBuffer());
  assert.deepEqual([...excel.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.deepEqual(parseCsv(excel, { bom: true, delimiter: ";", columns: true }), [
    { area: "Edsberg", area_code: "edsberg", category: "skadegorelse", category_label: "Skadegörelse", count: "3", events: "3" },
  ]);
  assert.equal((await get("municipality=upplands-vasby&period=2026-T1")).status, 404);
  assert.equal((await get("municipality=sollentuna&period=2026-T4")).status, 400);
  assert.equal((await get("municipality=sollentuna&period=2026-T1&by=person")).status, 400);
  assert.equal((await get("municipality=sollentuna&period=2026-T1", "Bearer est_wrongwrongwrongwrongwrong")).status, 401);
  // Each read and the refused one are in the access log, against the token (issue 26).
  const logged = await db().auditEvent.findMany({ where: { action: "rollup:read" }, select: { outcome: true, municipalityId: true, entityType: true, details: true }, orderBy: { id: "asc" } });
  assert.deepEqual(logged.map((r) => [r.outcome, r.municipalityId, r.entityType]), [["ALLOWED", m, "api_token"], ["ALLOWED", m, "api_token"], ["ALLOWED", m, "api_token"], ["DENIED", m, "api_token"]]);
  assert.deepEqual(logged[3]!.details, { municipality: "upplands-vasby", period: "2026-T1" });
});

test("the tertial analysis compares with the previous tertial and last year, and marks small numbers", async () => {
  const a = await computeAnalysis(m, "2026-T1");
  assert.deepEqual(a.periods, ["2024-T2", "2024-T3", "2025-T1", "2025-T2", "2025-T3", "2026-T1"]);
  assert.deepEqual([a.previous, a.lastYear], ["2025-T3", "2025-T1"]);
  const edsberg = a.areas.find((x) => x.id === ids.edsberg)!;
  assert.deepEqual(edsberg.total, { count: 3, previous: 3, lastYear: 0, uncertain: true });
  assert.equal(edsberg.rate!.value, (3 / 7000) * 1000);
  assert.equal(edsberg.rate!.uncertain, true, "three incidents is too few to say anything");
  assert.deepEqual(a.total, { count: 3, previous: 3, lastYear: 1, uncertain: true });
  assert.equal(a.weekdayHour.flat().reduce((s, n) => s + n, 0), 3);
  assert.equal(a.weekdayHour[3]![0], 1, "00:30 on Thursday 1 January, local time");
});

test("review workflow: Strategisk drafts and submits, Ledning approves; the snapshot stays as approved", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const ledning = await viewerOf("ledning@sollentuna.example");
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  const police = await viewerOf("polis@polisen.example"); // a member of EST Strategisk
  await assert.rejects(getTertialAnalysis(reporter, m, "2026-T1"), { code: "NOT_FOUND" });
  await assert.rejects(saveTertialNarrative(ledning, m, { tertial: "2026-T1", version: 0, overall: "x", areas: {}, proposal: "" }), { code: "FORBIDDEN" });

  const v1 = await saveTertialNarrative(police, m, { tertial: "2026-T1", version: 0, overall: "Lugnt tertial.", areas: { [ids.edsberg]: "Skadegörelse i centrum." }, proposal: "" });
  await assert.rejects(saveTertialNarrative(coordinator, m, { tertial: "2026-T1", version: 0, overall: "Annat", areas: {}, proposal: "" }), { code: "CONFLICT" });
  await assert.rejects(approveTertial(ledning, m, { tertial: "2026-T1", version: v1.version }), { code: "CONFLICT" }, "a draft cannot be approved");
  const v2 = await submitTertialForReview(coordinator, m, { tertial: "2026-T1", version: v1.version });
  await addTertialComment(ledning, m, { tertial: "2026-T1", section: ids.edsberg, text: "Jämför med Q4 i fjol." });
  await assert.rejects(approveTertial(coordinator, m, { tertial: "2026-T1", version: v2.version }), { code: "FORBIDDEN" });
  await returnTertialToDraft(ledning, m, { tertial: "2026-T1", version: v2.version, reason: "Lägg till Rotebro." });
  const draft = await getTertialAnalysis(coordinator, m, "2026-T1");
  assert.equal(draft.status, "DRAFT");
  assert.deepEqual(draft.comments.map((c) => c.text), ["Jämför med Q4 i fjol.", "Återförd till utkast: Lägg till Rotebro."]);
  const v4 = await saveTertialNarrative(coordinator, m, { tertial: "2026-T1", version: draft.version, overall: "Lugnt tertial.", areas: { [ids.edsberg]: "Skadegörelse i centrum.", [ids.rotebro]: "Inget att rapportera." }, proposal: "Ledningen fastställer analysen." });
  const v5 = await submitTertialForReview(coordinator, m, { tertial: "2026-T1", version: v4.version });
  // A survey known at approval is in its context section; one imported after is not (issue 28).
  const survey = (value: number, period: string) => `kalla;serie;enhet;period;omrade;grupp;varde;svarande\nTestmätning;Trygg kvällstid;%;${period};;;${value};400`;
  const { importContextCsv } = await import("@/lib/context/import");
  await importContextCsv(coordinator, m, survey(64, "2025"));
  const inReview = await getTertialAnalysis(coordinator, m, "2026-T1");
  assert.deepEqual(inReview.context?.filter((c) => c.source === "Testmätning").map((c) => [c.name, c.latest.value]), [["Trygg kvällstid", 64]]);
  await approveTertial(ledning, m, { tertial: "2026-T1", version: v5.version });
  await importContextCsv(coordinator, m, survey(20, "2026"));

  // Later edits: a late report in Edsberg, one incident withdrawn, one moved to Rotebro.
  const snapshotDrill = await drillDown(ledning, m, "2026-T1", { slot: "2026-T1", areaId: ids.edsberg, categoryId: ids.skada });
  await incident("2026-02-02T19:00:00Z", ids.edsberg, ids.skada);
  const [first, second] = snapshotDrill.incidents;
  await db().incident.update({ where: { id: first!.id }, data: { status: "WITHDRAWN" } });
  await db().incident.update({ where: { id: second!.id }, data: { areaId: ids.rotebro } });

  const approved = await getTertialAnalysis(ledning, m, "2026-T1");
  assert.equal(approved.status, "APPROVED");
  assert.equal(approved.narrative.proposal, "Ledningen fastställer analysen.", "the proposed decision is approved with the words");
  assert.equal(approved.analysis.areas.find((x) => x.id === ids.edsberg)!.total.count, 3, "the approved figure is frozen");
  assert.equal(approved.narrative.areas[ids.rotebro], "Inget att rapportera.");
  assert.deepEqual(approved.context?.filter((c) => c.source === "Testmätning").map((c) => [c.name, c.latest.value, c.previous]), [["Trygg kvällstid", 64, null]], "the context is frozen too");
  const live = (await getTertialAnalysis(ledning, m, "2026-T2")).context?.find((c) => c.name === "Trygg kvällstid");
  assert.deepEqual([live?.latest.value, live?.previous?.value, live?.change], [20, 64, "down"], "a later draft sees the new value");
  assert.equal(approved.may.edit, false);
  const again = await drillDown(ledning, m, "2026-T1", { slot: "2026-T1", areaId: ids.edsberg, categoryId: ids.skada });
  assert.equal(again.fromSnapshot, true);
  assert.deepEqual(again.incidents.map((i) => i.id).sort(), snapshotDrill.incidents.map((i) => i.id).sort());
  assert.equal(again.total, 3, "the drill-down lists the approved figure's incidents");
  assert.equal((await computeAnalysis(m, "2026-T1")).areas.find((x) => x.id === ids.edsberg)!.total.count, 2, "live figures moved on");
  await assert.rejects(saveTertialNarrative(coordinator, m, { tertial: "2026-T1", version: approved.version, overall: "Ändrad", areas: {}, proposal: "" }), { code: "CONFLICT" });
  await assert.rejects(addTertialComment(ledning, m, { tertial: "2026-T1", section: "overall", text: "Sent" }), { code: "CONFLICT" });
  // Drilling into a tertial the analysis does not show is refused.
  await assert.rejects(drillDown(ledning, m, "2026-T1", { slot: "2023-T1" }), { code: "NOT_FOUND" });
});

test("the start page asks Strategisk to write the last tertial's analysis and Ledning to approve what waits for it", async () => {
  const ledning = await viewerOf("ledning@sollentuna.example");
  const police = await viewerOf("polis@polisen.example"); // a member of EST Strategisk
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  const tasks = async () => ({ strategisk: await tertialTasks(police, m, NOW), ledning: await tertialTasks(ledning, m, NOW), reporter: await tertialTasks(reporter, m, NOW) });
  const stateOf = async (tertial: string) => (await listTertials(ledning, m, NOW)).find((r) => r.tertial === tertial)!.state;

  // 25 Nov 2026: T3 is running, T2 (May–Aug) is the last finished one, untouched.
  assert.equal(await stateOf("2026-T2"), "NOT_STARTED");
  assert.equal((await getTertialAnalysis(ledning, m, "2026-T2")).state, "NOT_STARTED", "the page says what the list says");
  assert.deepEqual(await tasks(), { strategisk: [{ tertial: "2026-T2", kind: "write" }], ledning: [], reporter: [] });
  assert.equal(await tertialToOpen(ledning, m, NOW), "2026-T2", "Ledning's group page leads to the last finished tertial");
  assert.equal(await tertialToOpen(reporter, m, NOW), null);

  const draft = await saveTertialNarrative(police, m, { tertial: "2026-T2", version: 0, overall: "Sommaren var lugn.", areas: {}, proposal: "" });
  assert.equal(await stateOf("2026-T2"), "DRAFT");
  assert.deepEqual((await tasks()).strategisk, [{ tertial: "2026-T2", kind: "write" }], "a draft is still to be written");
  const submitted = await submitTertialForReview(police, m, { tertial: "2026-T2", version: draft.version });
  assert.deepEqual(await tasks(), { strategisk: [], ledning: [{ tertial: "2026-T2", kind: "approve" }], reporter: [] });
  // An analysis of the running tertial submitted early waits for Ledning too.
  const early = await saveTertialNarrative(police, m, { tertial: "2026-T3", version: 0, overall: "Hösten hittills.", areas: {}, proposal: "" });
  await submitTertialForReview(police, m, { tertial: "2026-T3", version: early.version });
  assert.deepEqual((await tasks()).ledning.map((t) => t.tertial), ["2026-T3", "2026-T2"], "newest first");
  assert.equal(await tertialToOpen(ledning, m, NOW), "2026-T3");

  await approveTertial(ledning, m, { tertial: "2026-T2", version: submitted.version });
  assert.equal(await stateOf("2026-T2"), "APPROVED");
  assert.deepEqual(await tasks(), { strategisk: [], ledning: [{ tertial: "2026-T3", kind: "approve" }], reporter: [] });
});

test("a police officer in three municipalities sees them side by side; a reporter in no group sees none", async () => {
  const police = await viewerOf("polis@polisen.example");
  const across = await getRollupAcross(police, "2026-T1");
  assert.deepEqual(across.municipalities.map((x) => x.slug).sort(), ["sigtuna", "sollentuna", "upplands-vasby"]);
  const sollentuna = across.municipalities.find((x) => x.slug === "sollentuna")!;
  assert.equal(sollentuna.count, (await rollup("sollentuna", "2026-T1", [])).total);
  assert.equal(sollentuna.lastYear, (await rollup("sollentuna", "2025-T1", [])).total);
  assert.equal(Object.values(sollentuna.byCategory).reduce((s, n) => s + n, 0), sollentuna.count);
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  assert.deepEqual((await getRollupAcross({ ...reporter, groups: [] }, "2026-T1")).municipalities, []);
});
