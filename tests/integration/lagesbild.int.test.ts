import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { getLagesbildDraft } from "@/lib/lagesbild/queries";
import { periodRange, shiftPeriod, weekKey } from "@/lib/time/periods";
import { runSeed } from "@/prisma/seed/run";
import { localDay } from "../helpers/clock";
import { resetDatabase } from "../helpers/db";

const WEEK = "2026-W47";
let vecko: string;
const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0 });
  const m = await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } });
  vecko = (await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: m.id, slug: "est-vecko" } } })).id;
  const area = (code: string) => db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m.id, code } } });
  const cat = (code: string) => db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m.id, code } } });
  const [rotebro, edsberg, samling, klotter] = await Promise.all([area("rotebro"), area("edsberg"), cat("samling"), cat("skadegorelse")]);
  const org = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m.id, code: "polis" } } });
  const at = (week: string, dayOffsetHours: number) => new Date(periodRange(week).start.getTime() + dayOffsetHours * 3_600_000);
  const row = (areaId: string, categoryId: string, week: string, hours: number, place: string) => {
    const occurredAt = at(week, hours);
    return { municipalityId: m.id, areaId, categoryId, reporterOrgId: org.id, place, occurredAt, isoWeek: weekKey(occurredAt) };
  };
  await db().incident.createMany({
    data: [
      // Rotebro/samling: 1 a week for four weeks, then 7 this week (every evening at 22:00 local:
      // seven events, where seven reports in one hour would be one) → flagged.
      ...[1, 2, 3, 4].map((n) => row(rotebro.id, samling.id, shiftPeriod(WEEK, -n), 30, "Rotebro station")),
      ...Array.from({ length: 7 }, (_, day) => row(rotebro.id, samling.id, WEEK, day * 24 + 22, "Rotebro station")),
      // Edsberg/klotter: 3 a week steadily (three hours apart: three events) → not flagged.
      ...[0, 1, 2, 3, 4].flatMap((n) => [0, 1, 2].map((i) => row(edsberg.id, klotter.id, shiftPeriod(WEEK, -n), 10 + 3 * i, "Edsbergs torg"))),
      // Same week last year.
      row(edsberg.id, klotter.id, "2025-W47", 12, "Edsbergs torg"),
    ],
  });
});
after(() => disconnectDb());

test("the draft compares each count with last week, the four-week mean and last year, and flags the unusual", async () => {
  const d = await getLagesbildDraft(await viewerOf("rapportor@sollentunahem.example"), vecko, WEEK);
  const rotebro = d.areas.find((a) => a.name === "Rotebro")!;
  const edsberg = d.areas.find((a) => a.name === "Edsberg")!;
  const samling = d.categories.find((c) => c.code === "samling")!;
  const klotter = d.categories.find((c) => c.code === "skadegorelse")!;
  const flagged = d.matrix.cells[rotebro.id]![samling.id]!;
  assert.deepEqual({ count: flagged.count, prev: flagged.previousWeek, mean: flagged.meanPrevious4, flagged: flagged.flag.flagged }, { count: 7, prev: 1, mean: 1, flagged: true });
  const steady = d.matrix.cells[edsberg.id]![klotter.id]!;
  assert.deepEqual({ count: steady.count, mean: steady.meanPrevious4, lastYear: steady.sameWeekLastYear, flagged: steady.flag.flagged }, { count: 3, mean: 3, lastYear: 1, flagged: false });
  assert.deepEqual(d.flags.map((f) => `${f.area.name}/${f.category.code}`), ["Rotebro/samling"]);
  assert.equal(d.matrix.total.count, 10);
  assert.equal(d.matrix.byArea[edsberg.id]!.count, 3);

  assert.deepEqual(d.hotspots[0], { areaId: rotebro.id, place: "Rotebro station", count: 7, reports: 7, areaName: "Rotebro" });
  assert.deepEqual(d.repeatPlaces.map((r) => [r.place, r.count]).sort(), [["Edsbergs torg", 12], ["Rotebro station", 10]]);
  // Each persistent place carries the four weeks before for its trend, counted the slow way.
  for (const r of d.repeatPlaces) {
    const earlier = [4, 5, 6, 7].map((n) => shiftPeriod(WEEK, -n));
    assert.equal(r.before, await db().incident.count({ where: { areaId: r.areaId, place: r.place, status: "ACTIVE", isoWeek: { in: earlier } } }), r.place);
  }
  // Every area × category cell is tested: chance alone would flag a fraction of one a week.
  assert.equal(d.matrix.chance.cells, d.areas.length * d.categories.length);
  assert.ok(d.matrix.chance.expectedFlags > 0 && d.matrix.chance.expectedFlags < d.matrix.chance.cells * 0.01);
  // Every evening at 22:00 Stockholm time holds one of the seven Rotebro incidents.
  assert.deepEqual(d.weekdayHour.map((hours) => hours[22]), [1, 1, 1, 1, 1, 1, 1]);
  assert.equal(d.weekdayHour.flat().reduce((s, n) => s + n, 0), 10);
});

test("withdrawn incidents do not count", async () => {
  await db().incident.updateMany({ where: { place: "Rotebro station", isoWeek: WEEK }, data: { status: "WITHDRAWN" } });
  const d = await getLagesbildDraft(await viewerOf("samordnare@sollentuna.example"), vecko, WEEK);
  assert.equal(d.matrix.total.count, 3);
  assert.equal(d.flags.length, 0);
  await db().incident.updateMany({ where: { place: "Rotebro station", isoWeek: WEEK }, data: { status: "ACTIVE" } });
});

test("only the group's members (and coordinators) see its lägesbild", async () => {
  await assert.rejects(getLagesbildDraft(await viewerOf("ledning@sollentuna.example"), vecko, WEEK), { code: "NOT_FOUND" });
  await assert.rejects(getLagesbildDraft(await viewerOf("samordnare@upplandsvasby.example"), vecko, WEEK), { code: "NOT_FOUND" });
  const coordinator = await getLagesbildDraft(await viewerOf("samordnare@sollentuna.example"), vecko, WEEK);
  assert.equal(coordinator.canEdit, true);
  assert.equal((await getLagesbildDraft(await viewerOf("rapportor@sollentunahem.example"), vecko, WEEK)).canEdit, false);
});

test("two coordinators saving the same draft: the second gets a conflict with the saved text; nothing is lost", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const { saveJudgement } = await import("@/lib/lagesbild/mutations");
  const base = { groupId: vecko, week: "2026-W46", outlook: "", resourceNotes: "", focusNotes: "", areaStatuses: [] };
  const first = await saveJudgement(coordinator, { ...base, version: 0, assessment: "Lugn vecka." });
  assert.equal(first.version, 1);
  const a = await saveJudgement(coordinator, { ...base, version: 1, assessment: "A:s text" });
  assert.equal(a.version, 2);
  await assert.rejects(saveJudgement(coordinator, { ...base, version: 1, assessment: "B:s text" }), (e: { code: string; current: { assessment: string; version: number } }) => {
    assert.equal(e.code, "CONFLICT");
    assert.deepEqual([e.current.assessment, e.current.version], ["A:s text", 2]);
    return true;
  });
  const row = await db().lagesbild.findFirstOrThrow({ where: { groupId: vecko, periodKey: "2026-W46" } });
  assert.deepEqual([row.assessment, row.version], ["A:s text", 2]);
  await assert.rejects(saveJudgement(await viewerOf("rapportor@sollentunahem.example"), { ...base, version: 2, assessment: "x" }), { code: "NOT_FOUND" });
});

test("publishing asks about what is missing, then freezes the numbers: later edits and reports change nothing", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const { saveJudgement, publishLagesbild } = await import("@/lib/lagesbild/mutations");
  const { getLagesbild } = await import("@/lib/lagesbild/queries");
  const draft = await getLagesbild(coordinator, vecko, WEEK);
  const rotebro = draft.areas.find((a) => a.name === "Rotebro")!;
  const saved = await saveJudgement(coordinator, {
    groupId: vecko, week: WEEK, version: 0, assessment: "Samlingar vid Rotebro station.", outlook: "", resourceNotes: "", focusNotes: "",
    areaStatuses: [{ areaId: rotebro.id, level: "RED", reason: "Flaggad samling" }],
  });
  const asked = await publishLagesbild(coordinator, { groupId: vecko, week: WEEK, version: saved.version, confirmIncomplete: false });
  assert.equal(asked.published, false);
  assert.ok(asked.missing.includes("status saknas för Edsberg"));
  assert.ok(asked.missing.some((m) => m.endsWith("har inte rapporterat")));
  const done = await publishLagesbild(coordinator, { groupId: vecko, week: WEEK, version: saved.version, confirmIncomplete: true });
  assert.equal(done.published, true);

  const before = await getLagesbild(coordinator, vecko, WEEK);
  assert.equal(before.published, true);
  // An incident is edited away and a late report arrives after publication...
  await db().incident.updateMany({ where: { place: "Rotebro station", isoWeek: WEEK }, data: { status: "WITHDRAWN" } });
  const late = await db().incident.findFirstOrThrow({ where: { place: "Edsbergs torg", isoWeek: WEEK } });
  await db().incident.create({ data: { municipalityId: late.municipalityId, areaId: late.areaId, categoryId: late.categoryId, reporterOrgId: late.reporterOrgId, place: "Sen rapport", occurredAt: late.occurredAt, isoWeek: WEEK } });
  // ...and the published week still shows what the group decided on.
  const after = await getLagesbild(coordinator, vecko, WEEK);
  assert.equal(after.matrix.total.count, before.matrix.total.count);
  assert.deepEqual(after.flags.map((f) => f.area.name), ["Rotebro"]);
  assert.equal(after.canEdit, false);
  await assert.rejects(saveJudgement(coordinator, { groupId: vecko, week: WEEK, version: 2, assessment: "ändrad", outlook: "", resourceNotes: "", focusNotes: "", areaStatuses: [] }), { code: "CONFLICT" });
  assert.equal(after.saved?.areaStatuses[0]?.level, "RED");
});

test("a decision becomes an action tied to the lägesbild, and shows among the open actions", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const { createMeasureFromLagesbild } = await import("@/lib/measures/mutations");
  const { getLagesbildDraft } = await import("@/lib/lagesbild/queries");
  const m = await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } });
  const owner = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m.id, code: "trygghetsvardar" } } });
  const rotebro = await db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m.id, code: "rotebro" } } });
  const input = { groupId: vecko, week: "2026-W45", title: "Trygghetsvärdar vid Rotebro station fredagskvällar", ownerOrgId: owner.id, responsibleName: "", areaId: rotebro.id, dueDate: localDay(14) };
  const { id } = await createMeasureFromLagesbild(coordinator, input);
  const row = await db().measure.findUniqueOrThrow({ where: { id }, select: { origin: true, lagesbild: { select: { periodKey: true } }, groupId: true } });
  assert.deepEqual(row, { origin: "LAGESBILD", lagesbild: { periodKey: "2026-W45" }, groupId: vecko });
  const draft = await getLagesbildDraft(coordinator, vecko, "2026-W46");
  assert.ok(draft.measures.some((x) => x.id === id));
  const vasbyOrg = await db().organisation.findFirstOrThrow({ where: { municipality: { slug: "upplands-vasby" } } });
  await assert.rejects(createMeasureFromLagesbild(coordinator, { ...input, ownerOrgId: vasbyOrg.id }), { field: "ownerOrgId" });
  await assert.rejects(createMeasureFromLagesbild(await viewerOf("rapportor@sollentunahem.example"), input), { code: "NOT_FOUND" });
});

test("a first save after a decision created the week's row is not a conflict", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const { createMeasureFromLagesbild } = await import("@/lib/measures/mutations");
  const { saveJudgement } = await import("@/lib/lagesbild/mutations");
  const m = await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } });
  const owner = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m.id, code: "kfk" } } });
  await createMeasureFromLagesbild(coordinator, { groupId: vecko, week: "2026-W44", title: "Fritidsgård öppen längre", ownerOrgId: owner.id, responsibleName: "", areaId: "", dueDate: localDay(7) });
  const saved = await saveJudgement(coordinator, { groupId: vecko, week: "2026-W44", version: 0, assessment: "Första texten", outlook: "", resourceNotes: "", focusNotes: "", areaStatuses: [] });
  assert.equal(saved.version, 2);
  // ...but once something is saved, a save from "no row" is a conflict again.
  await assert.rejects(saveJudgement(coordinator, { groupId: vecko, week: "2026-W44", version: 0, assessment: "Annan text", outlook: "", resourceNotes: "", focusNotes: "", areaStatuses: [] }), { code: "CONFLICT" });
});

test("a report that arrives after its week was published shows in the next draft as late", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const next = await getLagesbildDraft(coordinator, vecko, shiftPeriod(WEEK, 1));
  assert.deepEqual(next.lateReports.map((i) => [i.place, i.isoWeek]), [["Sen rapport", WEEK]]);
  // Reports made before publication are part of the published week, not late.
  assert.equal(next.lateReports.some((i) => i.place === "Edsbergs torg"), false);
});

test("the monthly area report counts the month per area and carries the published area statuses", async () => {
  const { getMonthlyAreaReport } = await import("@/lib/reports/monthly");
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const m = await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } });
  const report = await getMonthlyAreaReport(coordinator, m.id, "2026-11");
  const rotebro = report.areas.find((a) => a.name === "Rotebro")!;
  const expected = await db().incident.count({ where: { areaId: rotebro.id, status: "ACTIVE", occurredAt: { gte: new Date("2026-10-31T23:00:00Z"), lt: new Date("2026-11-30T23:00:00Z") } } });
  assert.equal(rotebro.total, expected);
  assert.deepEqual(rotebro.statuses.map((s) => [s.week, s.level, s.reason]), [[WEEK, "RED", "Flaggad samling"]]);
  assert.equal(report.areas[0]!.isFocus, true, "focus areas come first");
  await assert.rejects(getMonthlyAreaReport(await viewerOf("rapportor@sollentunahem.example"), m.id, "2026-11"), { code: "NOT_FOUND" });
});

test("each weekday × hour cell links to exactly the incidents behind it", async () => {
  const { listIncidents } = await import("@/lib/incidents/queries");
  const { ZIncidentFilter } = await import("@/lib/incidents/schema");
  const { fromStockholmWall, stockholmFields } = await import("@/lib/time/zone");
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const week = shiftPeriod(WEEK, -1);
  const d = await getLagesbildDraft(coordinator, vecko, week);
  const monday = stockholmFields(periodRange(week).start);
  let checked = 0;
  for (let day = 0; day < 7; day++) {
    for (let hour = 0; hour < 24; hour++) {
      if (!d.weekdayHour[day]![hour]) continue;
      const after = fromStockholmWall(monday.year, monday.month, monday.day + day, hour).toISOString();
      const before = fromStockholmWall(monday.year, monday.month, monday.day + day, hour + 1).toISOString();
      const { total } = await listIncidents(coordinator, d.group.municipalityId, ZIncidentFilter.parse({ after, before }));
      assert.equal(total, d.weekdayHour[day]![hour], `day ${day + 1} hour ${hour}`);
      checked++;
    }
  }
  assert.ok(checked > 0);
});

test("a peak that comes every year is judged against the same weeks of the two years before, once both are fully reported (issue 25)", async () => {
  const m = await db().municipality.findUniqueOrThrow({ where: { slug: "upplands-vasby" } });
  const group = await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: m.id, slug: "est-vecko" } } });
  const area = await db().area.findFirstOrThrow({ where: { municipalityId: m.id }, orderBy: { code: "asc" } });
  const category = await db().incidentCategory.findFirstOrThrow({ where: { municipalityId: m.id, parentId: null }, orderBy: { sortOrder: "asc" } });
  const org = await db().organisation.findFirstOrThrow({ where: { municipalityId: m.id }, orderBy: { code: "asc" } });
  const rows = (week: string, n: number) => Array.from({ length: n }, (_, i) => {
    const occurredAt = new Date(periodRange(week).start.getTime() + (30 + 2 * i) * 3_600_000);
    return { municipalityId: m.id, areaId: area.id, categoryId: category.id, reporterOrgId: org.id, place: "Väsby centrum", occurredAt, isoWeek: weekKey(occurredAt) };
  });
  // Nine this week against one a week before; eight a week in the same weeks of 2024 and 2025.
  const season = ["2024-W46", "2024-W47", "2024-W48", "2025-W46", "2025-W47", "2025-W48"];
  await db().incident.createMany({ data: [...rows(WEEK, 9), ...[1, 2, 3, 4].flatMap((n) => rows(shiftPeriod(WEEK, -n), 1)), ...season.flatMap((w) => rows(w, 8))] });
  const viewer = await viewerOf("samordnare@upplandsvasby.example");
  const cell = async () => {
    const d = await getLagesbildDraft(viewer, group.id, WEEK);
    return { seasonYears: d.seasonYears, cell: d.matrix.cells[area.id]![category.id]!, flags: d.flags.length };
  };

  // The earlier years were reported only in those weeks (gaps all around): not complete, so the
  // four weeks before decide, and nine is a flag.
  const partial = await cell();
  assert.deepEqual([partial.seasonYears, partial.cell.seasonalMean, partial.cell.flag.flagged, partial.flags], [null, null, true, 1]);

  // The organisation confirmed every week of the two years: now complete, and the same
  // weeks of earlier years (8 on average) make nine the usual peak.
  const weeks: string[] = [];
  for (let w = WEEK; w >= "2024-W01"; w = shiftPeriod(w, -1)) weeks.push(w);
  await db().weeklyReport.createMany({ data: weeks.map((isoWeek) => ({ municipalityId: m.id, organisationId: org.id, isoWeek, status: "NOTHING_TO_REPORT" as const })), skipDuplicates: true });
  const full = await cell();
  assert.deepEqual(full.seasonYears, ["2024", "2025"]);
  assert.equal(full.cell.seasonalMean, 8);
  assert.equal(full.cell.flag.flagged, false);
  assert.equal(full.flags, 0);
  assert.match(full.cell.flag.explanation, /8 samma veckor de två föregående åren/);
});

test("five copies of one report raise no flag: flags are judged on events; five events at different places do (issue 25)", async () => {
  const m = await db().municipality.findUniqueOrThrow({ where: { slug: "upplands-vasby" } });
  const group = await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: m.id, slug: "est-vecko" } } });
  const [, copies, spread] = await db().area.findMany({ where: { municipalityId: m.id }, orderBy: { code: "asc" }, take: 3 });
  const category = await db().incidentCategory.findFirstOrThrow({ where: { municipalityId: m.id, parentId: null }, orderBy: { sortOrder: "desc" } });
  const org = await db().organisation.findFirstOrThrow({ where: { municipalityId: m.id }, orderBy: { code: "asc" } });
  const start = periodRange(WEEK).start.getTime() + 3 * 86_400_000 + 21 * 3_600_000;
  const report = (areaId: string, place: string, minutes: number) => {
    const occurredAt = new Date(start + minutes * 60_000);
    return { municipalityId: m.id, areaId, categoryId: category.id, reporterOrgId: org.id, place, occurredAt, isoWeek: weekKey(occurredAt) };
  };
  await db().incident.createMany({
    data: [
      // One broken light, reported five times in 16 minutes.
      ...[0, 4, 9, 12, 16].map((min) => report(copies!.id, "Trasig belysning vid busshållplatsen", min)),
      // Five places the same evening.
      ...["Torget", "Stationen", "Skolan", "Parken", "Badet"].map((place, i) => report(spread!.id, place, i * 5)),
    ],
  });
  const d = await getLagesbildDraft(await viewerOf("samordnare@upplandsvasby.example"), group.id, WEEK);
  assert.equal(d.matrix.cells[copies!.id]![category.id]!.count, 1, "the matrix counts events: five copies are one");
  const flagged = d.flags.filter((f) => f.category.id === category.id);
  assert.deepEqual(flagged.map((f) => [f.area.id, f.cell.count, f.reports]), [[spread!.id, 5, 5]]);
  // The week's places count events too: the five copies are one event at their place.
  const light = d.hotspots.find((h) => h.place === "Trasig belysning vid busshållplatsen")!;
  assert.deepEqual([light.count, light.reports], [1, 5]);
});
