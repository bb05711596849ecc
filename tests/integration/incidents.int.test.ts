import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { createIncident, setNothingToReport, updateIncident, withdrawIncident } from "@/lib/incidents/mutations";
import { incidentScope, incidentScopeSql } from "@/lib/auth/permissions";
import { getIncident, getIncidentFormOptions, getOwnWeekStatus, iterateIncidents, listIncidents } from "@/lib/incidents/queries";
import { ZIncidentCreate, ZIncidentFilter } from "@/lib/incidents/schema";
import { createIncidentBatch } from "@/lib/incidents/batch";
import { incidentConditions, rollupCountFilter } from "@/lib/incidents/filters";
import { weekKey } from "@/lib/time/periods";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const NOW = new Date("2026-11-25T12:00:00Z");
let sollentuna: string;
let reporter: Viewer;
let police: Viewer;
let coordinator: Viewer;
let vasby: Viewer;
let area: { id: string };
let category: { id: string; children: { id: string }[] };

const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;

function input(overrides: Record<string, unknown> = {}) {
  return ZIncidentCreate.parse({
    date: "2026-11-24", time: "21:30", areaId: area.id, place: "Edsbergs torg", categoryId: category.id,
    description: "Glaskross vid entrén", idempotencyKey: crypto.randomUUID(), ...overrides,
  });
}

before(async () => {
  await resetDatabase();
  await runSeed(db(), { now: NOW, demoPassword: "x", historyWeeks: 0 });
  sollentuna = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  reporter = await viewerOf("rapportor@sollentunahem.example");
  police = await viewerOf("polis@polisen.example");
  coordinator = await viewerOf("samordnare@sollentuna.example");
  vasby = await viewerOf("samordnare@upplandsvasby.example");
  area = await db().area.findFirstOrThrow({ where: { municipalityId: sollentuna, code: "edsberg" }, select: { id: true } });
  category = await db().incidentCategory.findFirstOrThrow({ where: { municipalityId: sollentuna, code: "skadegorelse" }, select: { id: true, children: { select: { id: true } } } });
});
after(() => disconnectDb());

test("a report is stored in Stockholm time with its week, organisation and first version", async () => {
  const { id, created, isoWeek } = await createIncident(reporter, input(), NOW);
  assert.equal(created, true);
  assert.equal(isoWeek, "2026-W48");
  const row = await db().incident.findUniqueOrThrow({ where: { id }, select: { occurredAt: true, reporterOrgId: true, reportedById: true, versions: { select: { version: true } } } });
  assert.equal(row.occurredAt.toISOString(), "2026-11-24T20:30:00.000Z");
  assert.equal(row.reporterOrgId, reporter.memberships[0]!.organisationId, "organisation comes from the membership");
  assert.equal(row.reportedById, reporter.userId);
  assert.deepEqual(row.versions, [{ version: 1 }]);
});

test("a retried submit with the same key creates exactly one incident", async () => {
  const data = input();
  const before = await db().incident.count();
  const results = await Promise.all([createIncident(reporter, data, NOW), createIncident(reporter, data, NOW), createIncident(reporter, data, NOW)]);
  assert.equal(new Set(results.map((r) => r.id)).size, 1);
  assert.equal(await db().incident.count(), before + 1);
});

test("bad references and times are refused at the field, and nothing is stored", async () => {
  const before = await db().incident.count();
  const vasbyArea = await db().area.findFirstOrThrow({ where: { municipality: { slug: "upplands-vasby" } }, select: { id: true } });
  await assert.rejects(createIncident(reporter, input({ areaId: vasbyArea.id }), NOW), { field: "areaId" });
  await assert.rejects(createIncident(reporter, input({ subcategoryId: crypto.randomUUID() }), NOW), { field: "subcategoryId" });
  await assert.rejects(createIncident(reporter, input({ date: "2026-03-29", time: "02:30" }), NOW), { field: "time", message: /finns inte/ });
  await assert.rejects(createIncident(reporter, input({ date: "2026-12-24" }), NOW), { field: "date", message: /framtiden/ });
  assert.equal(await db().incident.count(), before);
});

test("personal data in free text never passes the schema", () => {
  const result = ZIncidentCreate.safeParse({ ...input(), description: "Personen 19121212-1212 sågs" });
  assert.equal(result.success, false);
  assert.match(result.error!.issues[0]!.message, /personnummer/);
  assert.deepEqual(result.error!.issues[0]!.path, ["description"]);
  const extra = ZIncidentCreate.safeParse({ ...input(), reporterOrgId: crypto.randomUUID() });
  assert.equal(extra.success, false, "unknown fields such as the organisation are rejected");
});

test("edits are versioned; a stale version gets a conflict; other organisations cannot edit", async () => {
  const { id } = await createIncident(reporter, input(), NOW);
  const edit = { ...input(), id, version: 1, place: "Edsbergs centrum", description: "Glaskross, två rutor" };
  const { version } = await updateIncident(reporter, edit, NOW);
  assert.equal(version, 2);
  await assert.rejects(updateIncident(reporter, { ...edit, place: "Annan plats" }, NOW), { code: "CONFLICT" });
  await assert.rejects(updateIncident(police, { ...edit, version: 2, place: "Polisens ändring" }, NOW), { code: "NOT_FOUND" });
  await assert.rejects(updateIncident(vasby, { ...edit, version: 2 }, NOW), { code: "NOT_FOUND" });
  const { version: v3 } = await updateIncident(coordinator, { ...edit, version: 2, needsFollowUp: true }, NOW);
  assert.equal(v3, 3);
  const history = await db().incidentVersion.findMany({ where: { incidentId: id }, orderBy: { version: "asc" }, select: { version: true, changes: true } });
  assert.deepEqual(history.map((h) => h.version), [1, 2, 3]);
  assert.deepEqual(Object.keys(history[1]!.changes as object).sort(), ["description", "place"]);
  assert.deepEqual((history[1]!.changes as Record<string, unknown>).place, { from: "Edsbergs torg", to: "Edsbergs centrum" });
  const row = await db().incident.findUniqueOrThrow({ where: { id }, select: { place: true } });
  assert.equal(row.place, "Edsbergs centrum", "the refused edits changed nothing");
});

test("withdrawn incidents drop out of counts and lists but stay in the history", async () => {
  const week = "2026-W47";
  const { id } = await createIncident(reporter, input({ date: "2026-11-17" }), NOW);
  assert.deepEqual(await getOwnWeekStatus(reporter, sollentuna, week), { organisationName: "Sollentunahem AB", count: 1, state: "REPORTED" });
  await withdrawIncident(reporter, { id, version: 1, reason: "Dubbelrapporterad" });
  assert.equal((await getOwnWeekStatus(reporter, sollentuna, week)).count, 0);
  const active = await listIncidents(coordinator, sollentuna, ZIncidentFilter.parse({ period: week }));
  assert.equal(active.rows.some((r) => r.id === id), false);
  const all = await listIncidents(coordinator, sollentuna, ZIncidentFilter.parse({ period: week, status: "ALL" }));
  assert.equal(all.rows.find((r) => r.id === id)?.status, "WITHDRAWN");
  const detail = await getIncident(reporter, id);
  assert.deepEqual(detail.versions.map((v) => v.version), [2, 1]);
  await assert.rejects(updateIncident(reporter, { ...input(), id, version: 2 }, NOW), { code: "CONFLICT" });
});

test("nothing to report is recorded per organisation and week", async () => {
  const week = "2026-W46";
  await setNothingToReport(police, sollentuna, week, true);
  assert.equal((await getOwnWeekStatus(police, sollentuna, week)).state, "NOTHING_TO_REPORT");
  await setNothingToReport(police, sollentuna, week, false);
  assert.equal((await getOwnWeekStatus(police, sollentuna, week)).state, "SILENT");
});

test("lists stay inside the viewer's reach; reporter identity only within the organisation", async () => {
  const { id } = await createIncident(reporter, input({ description: "Kanariefågel-text" }), NOW);
  const forVasby = await listIncidents(vasby, sollentuna, ZIncidentFilter.parse({ period: "2026-W48" }));
  assert.equal(forVasby.total, 0);
  await assert.rejects(getIncident(vasby, id), { code: "NOT_FOUND" });
  const byPolice = await getIncident(police, id); // EST Vecko member: sees the incident...
  assert.equal(byPolice.reportedBy, null); // ...but not who reported it
  assert.equal(byPolice.canEdit, false);
  assert.equal((await getIncident(reporter, id)).reportedBy, "Vera Lind");
  const search = await listIncidents(coordinator, sollentuna, ZIncidentFilter.parse({ q: "kanariefågel", period: "2026-W48" }));
  assert.deepEqual(search.rows.map((r) => r.id), [id]);
  // In any case, Å, Ä and Ö included, whatever the database's locale (the embedded one is C).
  const shouted = await listIncidents(coordinator, sollentuna, ZIncidentFilter.parse({ q: "KANARIEFÅGEL", period: "2026-W48" }));
  assert.deepEqual(shouted.rows.map((r) => r.id), [id]);
  const injection = await listIncidents(coordinator, sollentuna, ZIncidentFilter.parse({ q: "' OR 1=1--", period: "2026-W48" }));
  assert.equal(injection.total, 0);
});

test("the export iterates every matching row in batches", async () => {
  const filter = ZIncidentFilter.parse({ from: "2026-11-01", to: "2026-11-30", status: "ALL" });
  const expected = (await listIncidents(coordinator, sollentuna, filter)).total;
  let seen = 0;
  const ids = new Set<string>();
  for await (const rows of iterateIncidents(coordinator, sollentuna, filter, 2)) {
    seen += rows.length;
    rows.forEach((r) => ids.add(r.id));
  }
  assert.ok(expected > 3);
  assert.equal(seen, expected);
  assert.equal(ids.size, expected);
});

test("place suggestions are the area's earlier places, most used first, within the viewer's municipality", async () => {
  for (const place of ["Edsbergs torg", "Edsbergs torg", "Edsbergsskolan"]) await createIncident(reporter, input({ place }), NOW);
  const { listPlaceSuggestions } = await import("@/lib/incidents/queries");
  const suggestions = await listPlaceSuggestions(reporter, area.id);
  assert.equal(suggestions[0], "Edsbergs torg");
  assert.ok(suggestions.includes("Edsbergsskolan"));
  assert.deepEqual(await listPlaceSuggestions(vasby, area.id), [], "another municipality gets nothing");
  // An association sees only the places of the incidents it may see, as in the list (issue 26).
  const walker = await viewerOf("nattvandrare@nattvandrarna.example");
  const { incidentScope } = await import("@/lib/auth/permissions");
  const visible = new Set((await db().incident.findMany({ where: { AND: [incidentScope(walker), { areaId: area.id }] }, select: { place: true } })).map((i) => i.place));
  const offered = await listPlaceSuggestions(walker, area.id);
  assert.ok(offered.every((p) => visible.has(p)), `offered beyond its reach: ${offered.filter((p) => !visible.has(p)).join(", ")}`);
  assert.ok(!offered.includes("Edsbergsskolan"), "another organisation's place is not offered");
  const logged = await db().auditEvent.findMany({ where: { action: "incident:place-suggestions", entityId: area.id }, select: { userId: true, outcome: true }, orderBy: { id: "asc" } });
  assert.deepEqual(logged, [{ userId: reporter.userId, outcome: "ALLOWED" }, { userId: vasby.userId, outcome: "DENIED" }, { userId: walker.userId, outcome: "ALLOWED" }], "each read and refusal is in the access log");
});

test("the report form's options: the municipality's areas by name, active categories and subcategories in their order, the map at the newest positions", async () => {
  // An inactive subcategory and an inactive top category are not offered.
  const [hidden] = category.children;
  await db().incidentCategory.update({ where: { id: hidden!.id }, data: { active: false } });
  const retired = await db().incidentCategory.create({ data: { municipalityId: sollentuna, code: "retired", label: "Avvecklad", sortOrder: -1, active: false } });
  await createIncident(reporter, input({ latitude: 59.44, longitude: 17.94 }), NOW);
  try {
    const options = await getIncidentFormOptions(reporter, sollentuna);
    const areas = await db().area.findMany({ where: { municipalityId: sollentuna }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
    const categories = await db().incidentCategory.findMany({
      where: { municipalityId: sollentuna, parentId: null, active: true },
      select: { id: true, label: true, children: { where: { active: true }, select: { id: true, label: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] } },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    });
    assert.ok(areas.length > 3 && categories.length > 3);
    assert.deepEqual(options.areas, areas);
    assert.deepEqual(options.categories, categories);
    assert.ok(!options.categories.some((c) => c.id === retired.id || c.children.some((x) => x.id === hidden!.id)));
    const newest = await db().incident.findMany({ where: { municipalityId: sollentuna, latitude: { not: null } }, select: { latitude: true, longitude: true }, orderBy: { occurredAt: "desc" }, take: 500 });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(Math.abs(options.center[0] - mean(newest.map((i) => i.latitude!))) < 1e-9);
    assert.ok(Math.abs(options.center[1] - mean(newest.map((i) => i.longitude!))) < 1e-9);
    // Another municipality's coordinator is refused, as is anyone without the right to report.
    await assert.rejects(getIncidentFormOptions(vasby, sollentuna), { code: "FORBIDDEN" });
    // A municipality without positioned incidents opens the map on Stockholm.
    const vasbyId = vasby.memberships[0]!.municipalityId;
    await db().incident.updateMany({ where: { municipalityId: vasbyId }, data: { latitude: null, longitude: null } });
    assert.deepEqual((await getIncidentFormOptions(vasby, vasbyId)).center, [59.33, 18.07]);
  } finally {
    await db().incidentCategory.update({ where: { id: hidden!.id }, data: { active: true } });
    await db().incidentCategory.delete({ where: { id: retired.id } });
  }
});

test("the list's SQL scope and the ORM's scope let every viewer see exactly the same incidents", async () => {
  // An area outside every group, with a report from the police: the police and coordinators see
  // it, Sollentunahem's reporter (whose groups cover the other areas) does not.
  const outside = await db().area.create({ data: { municipalityId: sollentuna, code: "utanfor", name: "Utanför grupperna" } });
  const polis = police.memberships.find((m) => m.municipalityId === sollentuna)!.organisationId;
  await db().incident.create({
    data: { municipalityId: sollentuna, areaId: outside.id, place: "Fältet", occurredAt: NOW, isoWeek: "2026-W48", categoryId: category.id, reporterOrgId: polis },
  });
  const seen = new Map<string, string[]>();
  const nobody: Viewer = { ...reporter, memberships: [], groups: [] };
  const emails = ["rapportor@sollentunahem.example", "polis@polisen.example", "samordnare@sollentuna.example", "samordnare@upplandsvasby.example", "ledning@sollentuna.example"];
  for (const [name, viewer] of [...(await Promise.all(emails.map(async (e) => [e, await viewerOf(e)] as const))), ["nobody", nobody] as const]) {
    const viaOrm = (await db().incident.findMany({ where: incidentScope(viewer), select: { id: true } })).map((r) => r.id).sort();
    const viaSql = (await db().$queryRaw<{ id: string }[]>(Prisma.sql`SELECT i.id FROM incident i WHERE ${incidentScopeSql(viewer)}`)).map((r) => r.id).sort();
    assert.deepEqual(viaSql, viaOrm, name);
    seen.set(name, viaSql);
  }
  // The comparison means something: the viewers' reaches differ.
  assert.ok(seen.get("samordnare@sollentuna.example")!.length > seen.get("rapportor@sollentunahem.example")!.length);
  assert.ok(seen.get("polis@polisen.example")!.length > seen.get("rapportor@sollentunahem.example")!.length);
  assert.ok(seen.get("rapportor@sollentunahem.example")!.length > 0);
  assert.equal(seen.get("nobody")!.length, 0);
});

test("the list's free-text search takes % and _ as letters", async () => {
  const { id } = await createIncident(reporter, input({ description: "Skylt: rea 50% på allt" }), NOW);
  const percent = await listIncidents(coordinator, sollentuna, ZIncidentFilter.parse({ q: "%", period: "2026-W48" }));
  assert.deepEqual(percent.rows.map((r) => r.id), [id]);
  assert.equal((await listIncidents(coordinator, sollentuna, ZIncidentFilter.parse({ q: "rea_50", period: "2026-W48" }))).total, 0);
  // A page past the end is empty but still tells how many match.
  const beyond = await listIncidents(coordinator, sollentuna, ZIncidentFilter.parse({ q: "%", period: "2026-W48", page: 3 }));
  assert.deepEqual({ rows: beyond.rows.length, total: beyond.total }, { rows: 0, total: 1 });
});

test("the list's total from the rollup tables equals counting the incidents: month and year ends, DST days, week 53, open and reversed ranges", async () => {
  const [edsberg, other] = await db().area.findMany({ where: { municipalityId: sollentuna }, orderBy: { code: "asc" }, take: 2, select: { id: true } });
  const [first, second] = await db().incidentCategory.findMany({ where: { municipalityId: sollentuna, parentId: null }, orderBy: { sortOrder: "asc" }, take: 2, select: { id: true } });
  const org = reporter.memberships.find((m) => m.municipalityId === sollentuna)!.organisationId;
  // Instants on either side of Stockholm's midnights where the day, month, tertial or year turns.
  const instants = [
    "2024-06-15T10:00:00Z", "2025-12-31T22:59:00Z", "2025-12-31T23:00:00Z", "2026-01-31T23:30:00Z", "2026-02-28T22:59:59Z",
    "2026-03-29T00:59:00Z", "2026-03-29T01:00:00Z", "2026-03-31T21:59:00Z", "2026-03-31T22:00:00Z", "2026-04-30T22:00:00Z",
    "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-12-27T23:00:00Z", "2027-01-03T22:59:00Z", "2027-01-03T23:00:00Z",
  ];
  const ids: string[] = [];
  for (const [n, at] of instants.entries()) {
    const row = await db().incident.create({
      data: {
        municipalityId: sollentuna, areaId: n % 2 ? edsberg!.id : other!.id, categoryId: n % 3 ? first!.id : second!.id, reporterOrgId: org,
        place: `Kanten ${n}`, occurredAt: new Date(at), isoWeek: weekKey(new Date(at)),
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  // A withdrawn one and one moved across a month leave the rollups by their triggers.
  await db().incident.update({ where: { id: ids[3]! }, data: { status: "WITHDRAWN" } });
  await db().incident.update({ where: { id: ids[4]! }, data: { occurredAt: new Date("2026-03-01T00:00:00Z") } });

  const filters: Record<string, string>[] = [
    {}, { period: "2026-W13" }, { period: "2026-W44" }, { period: "2026-W53" }, { period: "2027-W01" }, { period: "2026-02" }, { period: "2026-03" },
    { period: "2026-Q1" }, { period: "2026-T1" }, { period: "2026-T2" }, { period: "2026-T3" }, { period: "2026-W60" },
    { from: "2026-01-15", to: "2026-04-01" }, { from: "2026-03-29", to: "2026-03-29" }, { from: "2026-02-01" }, { to: "2026-03-31" },
    { from: "2026-04-02", to: "2026-03-01" }, { from: "2025-12-31", to: "2027-01-03" }, { from: "2026-01-01", to: "2026-01-31" },
  ];
  let viaRollups = 0;
  for (const base of filters) {
    for (const only of [{}, { areaId: edsberg!.id }, { categoryId: first!.id }, { areaId: other!.id, categoryId: second!.id }]) {
      const filter = ZIncidentFilter.parse({ ...base, ...only });
      const [counted] = await queryRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM incident i WHERE ${incidentConditions(coordinator, sollentuna, filter)}`);
      if (rollupCountFilter(coordinator, sollentuna, filter)) viaRollups++;
      assert.equal((await listIncidents(coordinator, sollentuna, filter)).total, counted!.n, JSON.stringify({ ...base, ...only }));
    }
  }
  assert.equal(viaRollups, filters.length * 4, "every one of these is counted from the rollups");
  // What the rollups do not keep is still counted row by row: text, an organisation, withdrawn, a reporter's reach.
  for (const [viewer, f] of [[coordinator, { q: "Kanten" }], [coordinator, { organisationId: org }], [coordinator, { status: "ALL" }], [reporter, {}]] as const) {
    const filter = ZIncidentFilter.parse(f);
    assert.equal(rollupCountFilter(viewer, sollentuna, filter), null);
    const [counted] = await queryRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM incident i WHERE ${incidentConditions(viewer, sollentuna, filter)}`);
    assert.equal((await listIncidents(viewer, sollentuna, filter)).total, counted!.n);
  }
});

test("a report of the same place, category and hour is a possible duplicate – not an hour and a quarter later, not another category, not its own retry, not one the viewer may not see", async () => {
  const { possibleDuplicateOf } = await import("@/lib/incidents/mutations");
  const other = await db().incidentCategory.findFirstOrThrow({ where: { municipalityId: sollentuna, code: "samling" }, select: { id: true } });
  const first = input({ place: "Tingvalla bibliotek", time: "19:10" });
  const { id } = await createIncident(reporter, first, NOW);
  const found = await possibleDuplicateOf(reporter, input({ place: "  tingvalla BIBLIOTEK ", time: "20:05" }), NOW);
  assert.equal(found?.id, id, "same place whatever the case and spaces, 55 minutes later");
  assert.equal((await possibleDuplicateOf(police, input({ place: "Tingvalla bibliotek", time: "18:20" }), NOW))?.id, id, "also before it, and for another organisation that may see it");
  assert.equal(await possibleDuplicateOf(reporter, input({ place: "Tingvalla bibliotek", time: "20:25" }), NOW), null, "75 minutes later is another event");
  assert.equal(await possibleDuplicateOf(reporter, input({ place: "Tingvalla bibliotek", time: "19:20", categoryId: other.id }), NOW), null);
  assert.equal(await possibleDuplicateOf(reporter, input({ place: "Tingvalla bibliotek", time: "19:10", idempotencyKey: first.idempotencyKey }), NOW), null, "a retry of the same submit");
  const walker = await viewerOf("nattvandrare@nattvandrarna.example");
  assert.equal(await possibleDuplicateOf(walker, input({ place: "Tingvalla bibliotek", time: "19:15" }), NOW), null, "an association sees only its own reports");
  // Swedish letters compare whatever the database's locale.
  const { id: garage } = await createIncident(reporter, input({ place: "Fågelsångens garage", time: "16:00" }), NOW);
  assert.equal((await possibleDuplicateOf(reporter, input({ place: "FÅGELSÅNGENS  GARAGE", time: "16:30" }), NOW))?.id, garage);
  // Asking saves nothing.
  assert.equal(await db().incident.count({ where: { place: { equals: "tingvalla bibliotek", mode: "insensitive" } } }), 1);
});

test("the quick-entry table saves all its rows in one go, or none: each row answered as the single form would", async () => {
  const vasbyArea = await db().area.findFirstOrThrow({ where: { municipalityId: { not: sollentuna } } });
  // As the table sends them: text fields as typed, a key per row.
  const row = (place: string, o: Record<string, unknown> = {}) => ({
    date: "20261123", time: "18:15", untilTime: "", areaId: area.id, place, latitude: "", longitude: "", categoryId: category.id, subcategoryId: "",
    description: "", policeReported: false, needsFollowUp: false, idempotencyKey: crypto.randomUUID(), checkDuplicate: true, sensitiveConfirmed: false, ...o,
  });
  const mine = () => db().incident.count({ where: { reportedById: reporter.userId } });
  const before = await mine();
  await createIncident(reporter, input({ date: "2026-11-23", time: "18:00", place: "Edsbergs bibliotek", description: "" }), NOW);
  const rows = [
    row("Edsbergs skola"),
    row("Edsbergs bibliotek"), // the report above, 15 minutes earlier: a possible duplicate
    row("Edsbergs park", { description: "En 15-åring sov på bänken." }), // an age: saved once confirmed
    row("Edsbergs torg 19121212-1212"), // a personnummer: refused at the field
    row("Väsbys torg", { areaId: vasbyArea.id }), // another municipality's area
  ];
  const first = await createIncidentBatch(reporter, rows, NOW);
  assert.equal(first.saved, 0);
  assert.deepEqual(first.rows.map((r) => [r.index, Object.keys(r.fieldErrors ?? {}), Boolean(r.duplicate), r.sensitive ?? []]), [
    [1, [], true, []], [2, [], false, ["ålder"]], [3, ["place"], false, []], [4, ["areaId"], false, []],
  ]);
  assert.equal(await mine(), before + 1, "nothing of the table is saved while a row needs the reporter");

  // The reporter fixes the two rows and confirms the duplicate and the text: all five are saved.
  const fixed = [rows[0], { ...rows[1], checkDuplicate: false }, { ...rows[2], sensitiveConfirmed: true }, { ...rows[3], place: "Edsbergs torg" }, { ...rows[4], areaId: area.id }];
  const saved = await createIncidentBatch(reporter, fixed, NOW);
  assert.deepEqual([saved.saved, saved.weeks, saved.rows], [5, ["2026-W48"], []]);
  assert.equal(await mine(), before + 6);
  const stored = await db().incident.findMany({ where: { idempotencyKey: { in: fixed.map((r) => r!.idempotencyKey as string) } }, select: { occurredAt: true, reporterOrgId: true } });
  assert.deepEqual(new Set(stored.map((r) => r.occurredAt.toISOString())), new Set(["2026-11-23T17:15:00.000Z"]), "20261123 18:15 is 23 November, Stockholm time");
  assert.ok(stored.every((r) => r.reporterOrgId === reporter.memberships.find((m) => m.municipalityId === sollentuna)!.organisationId));
  assert.equal(await db().auditEvent.count({ where: { action: "incident:sensitive-confirmed", userId: reporter.userId } }), 1, "the kept age is counted for the DPO");

  // Save pressed twice (a retry after a lost answer): nothing is stored twice.
  const again = await createIncidentBatch(reporter, fixed, NOW);
  assert.equal(again.saved, 0);
  assert.equal(await mine(), before + 6);
  await assert.rejects(createIncidentBatch(reporter, [], NOW), { field: "rows" });
  await assert.rejects(createIncidentBatch(reporter, Array.from({ length: 31 }, () => row("x")), NOW), { field: "rows" });
});
