// Reporting coverage and the comparisons it allows (issue 25, ADR 017), on a fixture where
// reporting starts in the middle of a tertial: a period before any report is no coverage, the
// tertial it starts in is incomplete, the next whole one complete – through the analysis, the
// lokalpolisområde view, the month report, the API and the CLI alike.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { computeAnalysis } from "@/lib/analysis/load";
import { getCoverage } from "@/lib/coverage/queries";
import { changeText } from "@/lib/figures/text";
import { countEvents } from "@/lib/incidents/events";
import { getRollupAcross } from "@/lib/rollups/across";
import { getMonthlyAreaReport } from "@/lib/reports/monthly";
import { fromStockholmWall } from "@/lib/time/zone";
import { periodRange, weekKey } from "@/lib/time/periods";
import { GET } from "@/app/api/v1/rollups/route";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

let m: string;
let area: string;
let category: string;
const orgs = { polis: "", sollentunahem: "" };
const eventsOf = async (where: { municipalityId?: string; areaId?: string; occurredAt: { gte: Date; lt: Date } }) =>
  countEvents(await db().incident.findMany({ where: { ...where, status: "ACTIVE" } }), () => "all").get("all") ?? 0;
const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;

/** One incident per week on the weekday given (1 = Monday), 20:00 Stockholm, over [from, until). */
async function weekly(org: keyof typeof orgs, from: [number, number, number], until: [number, number, number], skip: (d: Date) => boolean = () => false) {
  const rows = [];
  for (let at = fromStockholmWall(...from, 20); at < fromStockholmWall(...until); at = new Date(at.getTime() + 7 * 86_400_000)) {
    const local = fromStockholmWall(...(at.toISOString().slice(0, 10).split("-").map(Number) as [number, number, number]), 20);
    if (skip(local)) continue;
    rows.push({ municipalityId: m, areaId: area, categoryId: category, reporterOrgId: orgs[org], place: "Tingvalla torg", occurredAt: local, isoWeek: weekKey(local) });
  }
  await db().incident.createMany({ data: rows });
  return rows.length;
}

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0, now: new Date("2024-06-01T12:00:00Z") });
  m = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  await db().incident.deleteMany({ where: { municipalityId: m } });
  await db().weeklyReport.deleteMany({ where: { municipalityId: m } });
  area = (await db().area.findFirstOrThrow({ where: { municipalityId: m, code: "edsberg" } })).id;
  category = (await db().incidentCategory.findFirstOrThrow({ where: { municipalityId: m, code: "skadegorelse" } })).id;
  for (const code of ["polis", "sollentunahem"] as const) orgs[code] = (await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code } } })).id;
  // Reporting begins on Saturday 7 December 2024, as in the seed's source; both partners then
  // report every week into 2026 – the housing company twice a week.
  await weekly("polis", [2024, 12, 7], [2026, 3, 1]);
  await weekly("sollentunahem", [2024, 12, 7], [2026, 3, 1]);
  await weekly("sollentunahem", [2024, 12, 10], [2026, 3, 1]);
});
after(disconnectDb);

const AFTER_2025 = new Date("2026-03-01T12:00:00Z");

test("coverage: none before reporting began, partial in the tertial it began in, whole after", async () => {
  const none = await getCoverage(m, "2024-T2", AFTER_2025);
  assert.deepEqual([none.share, none.complete], [null, false]);
  const started = await getCoverage(m, "2024-T3", AFTER_2025);
  assert.equal(started.complete, false);
  // From Monday 2 December: 30 of 122 days, for each of the two partners.
  assert.equal(started.expectedDays, 2 * 122);
  assert.equal(started.coveredDays, 2 * 30);
  const whole = await getCoverage(m, "2025-T3", AFTER_2025);
  assert.deepEqual([whole.share, whole.complete, whole.ongoing], [1, true, false]);
  assert.deepEqual(whole.organisations.map((o) => o.id).sort(), [orgs.polis, orgs.sollentunahem].sort());
});

test("a silence of four weeks is a gap; a confirmed 'nothing to report' is not", async () => {
  const quietFrom = fromStockholmWall(2025, 6, 2);
  const quietTo = fromStockholmWall(2025, 6, 30);
  const moved = await db().incident.updateMany({ where: { reporterOrgId: orgs.polis, occurredAt: { gte: quietFrom, lt: quietTo } }, data: { status: "WITHDRAWN" } });
  assert.equal(moved.count, 4);
  const gap = await getCoverage(m, "2025-06", AFTER_2025);
  assert.deepEqual(gap.organisations.find((o) => o.id === orgs.polis)!.gaps, [{ from: "2025-06-02", until: "2025-06-30" }]);
  assert.equal(gap.complete, false);
  await db().weeklyReport.create({ data: { municipalityId: m, organisationId: orgs.polis, isoWeek: "2025-W24", status: "NOTHING_TO_REPORT" } });
  const confirmed = await getCoverage(m, "2025-06", AFTER_2025);
  assert.deepEqual(confirmed.organisations.find((o) => o.id === orgs.polis)!.gaps, []);
  assert.equal(confirmed.complete, true);
  await db().incident.updateMany({ where: { reporterOrgId: orgs.polis, occurredAt: { gte: quietFrom, lt: quietTo } }, data: { status: "ACTIVE" } });
});

test("the tertial analysis compares like with like: counts and the reason against a partial year, a percentage against a whole one", async () => {
  const a = await computeAnalysis(m, "2025-T3", undefined, db(), AFTER_2025);
  assert.equal(a.coverage!["2024-T3"]!.complete, false);
  assert.equal(a.coverage!["2024-T1"]!.share, null, "before reporting began: a gap, not 0");
  const lastYear = changeText(a.total.count, a.total.lastYear, a.against.lastYear);
  assert.doesNotMatch(lastYear, /%/);
  assert.match(lastYear, new RegExp(`^${a.total.lastYear} → ${a.total.count} \\(ofullständig rapportering\\)$`));
  // 2025-T2 was whole, and both bases are far above 10.
  assert.match(changeText(a.total.count, a.total.previous, a.against.previous), /^[+−-]?\d+ % \(\d+ → \d+\)$|^oförändrat/);
});

test("an ongoing tertial is counted to today and set against the same days of the earlier ones", async () => {
  const today = new Date("2025-11-15T11:00:00Z");
  const a = await computeAnalysis(m, "2025-T3", undefined, db(), today);
  assert.equal(a.through, "2025-11-15");
  assert.equal(a.coverage!["2025-T3"]!.ongoing, true);
  // Events, counted the slow way by the app's rule: the police's and the housing company's Saturday
  // reports at the same place and minute are one event.
  const count = (from: Date, to: Date) => eventsOf({ municipalityId: m, occurredAt: { gte: from, lt: to } });
  assert.equal(a.total.count, await count(fromStockholmWall(2025, 9, 1), fromStockholmWall(2025, 11, 16)));
  // 1 September–15 November is 76 days: 1 May–15 July of T2, and 1 September–15 November 2024.
  assert.equal(a.total.previous, await count(fromStockholmWall(2025, 5, 1), fromStockholmWall(2025, 7, 16)));
  assert.equal(a.total.lastYear, await count(fromStockholmWall(2024, 9, 1), fromStockholmWall(2024, 11, 16)));
  assert.equal(a.total.lastYear, 0);
  // Both partners reported every week of both windows: the same count, said as such – a change
  // may be stated (no reason given), unlike against the year before reporting began.
  assert.equal(changeText(a.total.count, a.total.previous, a.against.previous), `oförändrat (${a.total.count})`);
  assert.match(changeText(a.total.count, a.total.lastYear, a.against.lastYear), /ingen rapportering då/);
});

test("the month report and the lokalpolisområde view follow the same rule", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const report = await getMonthlyAreaReport(coordinator, m, "2025-12", new Date("2025-12-06T11:00:00Z"));
  assert.equal(report.through, "2025-12-06");
  const edsberg = report.areas.find((x) => x.id === area)!;
  assert.equal(edsberg.previous, await eventsOf({ areaId: area, occurredAt: { gte: fromStockholmWall(2025, 11, 1), lt: fromStockholmWall(2025, 11, 7) } }));
  // 1–6 December 2024: reporting began in that week, on Saturday the 7th.
  assert.match(changeText(edsberg.total, edsberg.lastYear, report.against.lastYear), /ofullständig rapportering/);
  const police = await viewerOf("polis@polisen.example");
  const across = await getRollupAcross(police, "2025-T3", AFTER_2025);
  const sollentuna = across.municipalities.find((x) => x.slug === "sollentuna")!;
  assert.equal(sollentuna.coverage.complete, true);
  const silent = across.municipalities.find((x) => x.slug !== "sollentuna")!;
  assert.equal(silent.coverage.share, null);
  assert.equal(silent.perThousand, null, "no rate for a municipality that did not report");
});

test("the API and the CLI give the coverage beside the counts", async () => {
  const admin = await viewerOf("admin@sollentuna.example");
  const { token } = await createApiToken(admin, m, { name: "BI", organisationId: orgs.polis, access: "bi" });
  const get = async (period: string) => (await GET(new Request(`http://localhost/api/v1/rollups?municipality=sollentuna&period=${period}`, { headers: { authorization: `Bearer ${token}` } }))).json();
  assert.deepEqual((await get("2025-T3")).coverage, { share: 1, complete: true, ongoing: false });
  assert.deepEqual((await get("2024-T3")).coverage, { share: 0.246, complete: false, ongoing: false });
  assert.deepEqual((await get("2024-T1")).coverage, { share: null, complete: false, ongoing: false });
  const cli = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/est.ts", "rollup", "--municipality", "sollentuna", "--period", "2024-T3"], { encoding: "utf8", env: process.env });
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(JSON.parse(cli.stdout).coverage, { share: 0.246, complete: false, ongoing: false });

  // Events beside reports: every Saturday the two partners report the same place at the same
  // minute – one event, two reports; the housing company's Tuesday reports are events of their own.
  const t3 = periodRange("2025-T3");
  const reports = await db().incident.count({ where: { municipalityId: m, status: "ACTIVE", occurredAt: { gte: t3.start, lt: t3.end } } });
  const events = await eventsOf({ municipalityId: m, occurredAt: { gte: t3.start, lt: t3.end } });
  assert.ok(events < reports, `${events} events of ${reports} reports`);
  const body = await (await GET(new Request("http://localhost/api/v1/rollups?municipality=sollentuna&period=2025-T3&by=area", { headers: { authorization: `Bearer ${token}` } }))).json();
  assert.deepEqual(
    { total: body.total, events: body.events, rows: body.rows },
    { total: reports, events, rows: [{ area: "Edsberg", areaCode: "edsberg", count: reports, events }] },
  );
  const csv = await GET(new Request("http://localhost/api/v1/rollups?municipality=sollentuna&period=2025-T3&format=csv", { headers: { authorization: `Bearer ${token}` } }));
  assert.equal(await csv.text(), `count,events\n${reports},${events}\n`);
  const cliRows = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/est.ts", "rollup", "--municipality", "sollentuna", "--period", "2025-T3", "--by", "area"], { encoding: "utf8", env: process.env });
  assert.equal(cliRows.status, 0, cliRows.stderr);
  assert.deepEqual(JSON.parse(cliRows.stdout), body, "the command and the API agree");
});

test("coordinators set start, last day and pauses; a start after the first report or a pause over reports is refused with the dates", async () => {
  const { setReportingDays, addReportingPause, removeReportingPause } = await import("@/lib/coverage/mutations");
  const { ZReportingDays, ZReportingPause } = await import("@/lib/coverage/schema");
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const days = (input: object) => setReportingDays(coordinator, m, ZReportingDays.parse(input));
  const pause = (input: object) => addReportingPause(coordinator, m, ZReportingPause.parse(input));
  const before = await db().organisation.findUniqueOrThrow({ where: { id: orgs.polis }, select: { reportingStart: true, reportingEnd: true } });

  await assert.rejects(days({ organisationId: orgs.polis, start: "2025-01-01", lastDay: "" }), {
    code: "INVALID", field: "start", message: "Starten (2025-01-01) ligger efter organisationens första rapport (2024-12-07). Välj den dagen eller tidigare.",
  });
  await assert.rejects(days({ organisationId: orgs.polis, start: "", lastDay: "2025-06-30" }), { code: "INVALID", field: "lastDay", message: /har rapporterat efter 2025-06-30 \(senast 2026-02-28\)/ });
  await assert.rejects(pause({ organisationId: orgs.polis, from: "2025-07-01", to: "2025-07-14", reason: "" }), {
    code: "INVALID", field: "from", message: "Organisationen har rapporterat under pausen (antal: 2, 2025-07-05–2025-07-12).",
  });
  assert.deepEqual(await db().organisation.findUniqueOrThrow({ where: { id: orgs.polis }, select: { reportingStart: true, reportingEnd: true } }), before, "nothing saved");
  assert.equal(await db().reportingPause.count(), 0);

  // The police were meant to report from 1 September 2024: T3 2024 is then emptier still.
  await days({ organisationId: orgs.polis, start: "2024-09-01", lastDay: "" });
  const earlier = await getCoverage(m, "2024-T3", AFTER_2025);
  assert.equal(earlier.organisations.find((o) => o.id === orgs.polis)!.gaps[0]!.from, "2024-09-01");

  // The municipality's office starts on 1 January 2025 and pauses over the summer: never
  // reporting, T2 is no longer whole; the pause's days are not expected of it.
  const klk = (await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "klk" } } })).id;
  await days({ organisationId: klk, start: "2025-01-01", lastDay: "" });
  const { id } = await pause({ organisationId: klk, from: "2025-06-01", to: "2025-08-31", reason: "Sommaruppehåll" });
  const t2 = await getCoverage(m, "2025-T2", AFTER_2025);
  const office = t2.organisations.find((o) => o.id === klk)!;
  assert.equal(office.expectedDays, 31, "May only: June–August is paused");
  assert.equal(office.coveredDays, 0);
  assert.equal(t2.complete, false);
  await assert.rejects(pause({ organisationId: klk, from: "2025-08-01", to: "2025-09-10", reason: "" }), { code: "INVALID", message: "Pausen överlappar en annan paus (2025-06-01–2025-08-31)." });
  assert.throws(() => ZReportingPause.parse({ organisationId: klk, from: "2025-08-01", to: "2025-07-01", reason: "" }), /Pausens sista dag kan inte ligga före den första/);

  // Only coordinators, only organisations in their own municipality.
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  await assert.rejects(setReportingDays(reporter, m, ZReportingDays.parse({ organisationId: klk, start: "", lastDay: "" })), { code: "FORBIDDEN" });
  const elsewhere = await db().organisation.findFirstOrThrow({ where: { municipality: { slug: "upplands-vasby" } }, select: { id: true } });
  await assert.rejects(days({ organisationId: elsewhere.id, start: "2024-01-01", lastDay: "" }), { code: "NOT_FOUND" });
  await assert.rejects(removeReportingPause(reporter, m, id), { code: "FORBIDDEN" });
  await removeReportingPause(coordinator, m, id);
  assert.equal(await db().reportingPause.count(), 0);
});
