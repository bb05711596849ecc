// The API's series and incident reads (issue 37): a series equals its periods asked one by one –
// across the change to and from summer time, ISO week 53 and New Year – and a token reads exactly
// the incidents its scope allows, each once, page after page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { importIncidentsCsv } from "@/lib/incidents/import/run";
import { rollup, rollupSeries } from "@/lib/rollups/queries";
import { periodsBetween } from "@/lib/rollups/periods";
import { periodRange } from "@/lib/time/periods";
import { GET as getIncidents } from "@/app/api/v1/incidents/route";
import { GET as getSeries } from "@/app/api/v1/rollups/series/route";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

let admin: Viewer;
let m: string;
const org: Record<string, string> = {};

// 2020 had an ISO week 53 (28 December – 3 January 2021); summer time began 29 March and ended
// 25 October. Every row sits at a boundary; two at Edsbergs torg are one event (ADR 018).
const ROWS = [
  "2020-03-29 01:30;Edsberg;Edsbergs torg;skadegorelse;polis",
  "2020-03-29 03:30;Edsberg;Edsbergs torg;skadegorelse;sollentunahem",
  "2020-03-29 23:30;Rotebro;Rotebro station;samling;polis",
  "2020-03-30 00:10;Rotebro;Rotebro station;samling;sollentunahem",
  "2020-10-25T02:30+02:00;Häggvik;Häggviks torg;otrygg_plats;polis",
  "2020-10-25T02:30+01:00;Häggvik;Häggviks torg;otrygg_plats;sollentunahem",
  "2020-10-25 23:59;Häggvik;Häggviks torg;otrygg_plats;polis",
  "2020-10-26 00:00;Tureberg;Sollentuna centrum;skadegorelse;polis",
  "2020-12-27 23:50;Tureberg;Sollentuna centrum;skadegorelse;sollentunahem",
  "2020-12-28 00:05;Tureberg;Sollentuna centrum;skadegorelse;polis",
  "2020-12-31 23:59;Edsberg;Edsbergs torg;samling;sollentunahem",
  "2021-01-01 00:01;Edsberg;Edsbergs torg;samling;polis",
  "2021-01-03 23:59;Rotebro;Rotebro station;otrygg_plats;polis",
  "2021-01-04 00:00;Rotebro;Rotebro station;otrygg_plats;sollentunahem",
];

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0 });
  admin = (await loadViewer((await db().user.findUniqueOrThrow({ where: { email: "admin@sollentuna.example" } })).id))!;
  m = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  for (const code of ["polis", "sollentunahem", "klk"]) org[code] = (await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code } } })).id;
  const report = await importIncidentsCsv(`occurred_at;area;place;category;reporter_org\n${ROWS.join("\n")}\n`, "sollentuna");
  assert.deepEqual([report.committed, report.inserted], [true, ROWS.length], JSON.stringify(report.errors));
});
after(() => disconnectDb());

const strip = ({ period, from, to, coverage, total, events, rows }: Awaited<ReturnType<typeof rollup>>) => ({ period, from, to, coverage, total, events, rows });

test("a series equals its periods asked one by one, for every kind, across summer time, week 53 and New Year", async () => {
  const runs: [string, string][] = [["2020-W12", "2021-W02"], ["2020-02", "2021-02"], ["2020-Q1", "2021-Q1"], ["2020-T1", "2021-T1"], ["2019", "2021"]];
  for (const [from, to] of runs) {
    for (const by of [[], ["area"], ["area", "category"]] as const) {
      const series = await rollupSeries({ id: m, slug: "sollentuna" }, from, to, [...by]);
      assert.deepEqual(series.periods.map((p) => p.period), periodsBetween(from, to));
      for (const p of series.periods) assert.deepEqual(p, strip(await rollup("sollentuna", p.period, [...by])), `${p.period} by ${by.join(",")}`);
    }
  }
});

test("the counts are the reports in each period's Stockholm instants, and events count once", async () => {
  const series = await rollupSeries({ id: m, slug: "sollentuna" }, "2020-W13", "2021-W01", []);
  const at = (key: string) => series.periods.find((p) => p.period === key)!;
  for (const p of series.periods) {
    const { start, end } = periodRange(p.period);
    assert.equal(p.total, await db().incident.count({ where: { municipalityId: m, occurredAt: { gte: start, lt: end } } }), p.period);
    assert.equal(p.from, start.toISOString());
  }
  // Summer time began in W13: four reports on its Sunday, one at 23:30 local (21:30 UTC); the
  // 00:10 Monday report is W14. Two Edsberg reports two hours (of wall clock) but one hour apart are one event.
  assert.deepEqual([at("2020-W13").total, at("2020-W13").events, at("2020-W14").total], [3, 2, 1]);
  // The doubled 02:30 of 25 October: both in W43, an hour apart – two events; 23:59 a third.
  assert.deepEqual([at("2020-W43").total, at("2020-W44").total], [3, 1]);
  // Week 53 holds New Year: the 28 December and 31 December reports, and the 1 and 3 January ones.
  assert.deepEqual([at("2020-W52").total, at("2020-W53").total, at("2021-W01").total], [1, 4, 1]);
  const years = await rollupSeries({ id: m, slug: "sollentuna" }, "2020", "2021", []);
  assert.deepEqual(years.periods.map((p) => [p.period, p.total]), [["2020", 11], ["2021", 3]]);
  assert.equal(years.periods[0]!.from, periodRange("2020-01").start.toISOString());
});

const read = async (token: string, query = "") => {
  const res = await getIncidents(new Request(`http://localhost/api/v1/incidents${query}`, { headers: { authorization: `Bearer ${token}` } }));
  return { status: res.status, body: (await res.json()) as { incidents: { id: string; organisation: string; status: string; updated_at: string }[]; next_cursor: string | null } };
};

/** Every page, following next_cursor. */
async function readAll(token: string, query: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const { status, body }: Awaited<ReturnType<typeof read>> = await read(token, `?${query}${cursor ? `&cursor=${cursor}` : ""}`);
    assert.equal(status, 200);
    ids.push(...body.incidents.map((i) => i.id));
    cursor = body.next_cursor;
    pages++;
  } while (cursor && pages < 50);
  return { ids, pages };
}

test("a BI token reads every organisation's reports, a reporting token only its own, each once across pages", async () => {
  const bi = (await createApiToken(admin, m, { name: "BI", organisationId: org.klk!, access: "bi" })).token;
  const hem = (await createApiToken(admin, m, { name: "Hem", organisationId: org.sollentunahem!, access: "report" })).token;
  // One import writes its rows in one transaction: they share one change time, so pages of three
  // are told apart by id alone.
  const all = await readAll(bi, "limit=3");
  const stored = await db().incident.findMany({ where: { municipalityId: m }, select: { id: true, reporterOrgId: true } });
  assert.equal(all.ids.length, stored.length);
  assert.deepEqual([...all.ids].sort(), stored.map((s) => s.id).sort(), "every incident once");
  // The last page says so itself (no next_cursor), even when it is full: no empty page after it.
  assert.equal(all.pages, Math.ceil(stored.length / 3));
  const own = await readAll(hem, "limit=2");
  assert.deepEqual([...own.ids].sort(), stored.filter((s) => s.reporterOrgId === org.sollentunahem).map((s) => s.id).sort(), "only its own organisation's");

  // A change later: reading from the last change time on gives it, withdrawn.
  const { body } = await read(bi, "");
  const lastSeen = body.incidents.at(-1)!.updated_at;
  const changed = stored.find((s) => s.reporterOrgId === org.polis)!;
  await db().incident.update({ where: { id: changed.id }, data: { status: "WITHDRAWN", withdrawnAt: new Date(), withdrawReason: "Fel plats" } });
  const since = await read(bi, `?since=${encodeURIComponent(lastSeen)}`);
  const after = since.body.incidents.filter((i) => i.updated_at > lastSeen);
  assert.deepEqual(after.map((i) => [i.id, i.status]), [[changed.id, "withdrawn"]]);
  assert.equal((await read(hem, `?since=${encodeURIComponent(lastSeen)}`)).body.incidents.some((i) => i.id === changed.id), false, "the police's report is not the housing company's to read");
});

test("the series route gives what rollupSeries gives, as CSV too, and refuses another municipality", async () => {
  const bi = (await createApiToken(admin, m, { name: "BI 2", organisationId: org.klk!, access: "bi" })).token;
  const get = (q: string) => getSeries(new Request(`http://localhost/api/v1/rollups/series?${q}`, { headers: { authorization: `Bearer ${bi}` } }));
  const json = await (await get("municipality=sollentuna&from=2020-W52&to=2021-W01&by=area")).json();
  assert.deepEqual(json, JSON.parse(JSON.stringify(await rollupSeries({ id: m, slug: "sollentuna" }, "2020-W52", "2021-W01", ["area"]))));
  // Bytes, not text(): the Fetch API's text() drops a byte-order mark, Excel needs it.
  const bytes = Buffer.from(await (await get("municipality=sollentuna&from=2020-W52&to=2021-W01&by=area&format=csv&excel=1")).arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const csv = bytes.subarray(3).toString("utf8");
  // The Tureberg report at 00:05 on 28 December follows one at 23:50 the evening before: a report
  // in W53, but its event began in W52.
  assert.equal(
    csv,
    [
      "period;coverage_share;coverage_complete;ongoing;area;area_code;count;events",
      "2020-W52;0.5;false;false;Tureberg;tureberg;1;1",
      "2020-W53;1;true;false;Edsberg;edsberg;2;1",
      "2020-W53;1;true;false;Rotebro;rotebro;1;1",
      "2020-W53;1;true;false;Tureberg;tureberg;1;0",
      "2021-W01;0.5;false;false;Rotebro;rotebro;1;0",
      "",
    ].join("\r\n"),
  );
  const cli = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/est.ts", "rollup", "--municipality", "sollentuna", "--from", "2020-W52", "--to", "2021-W01", "--by", "area"], { encoding: "utf8", env: process.env });
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(JSON.parse(cli.stdout), json, "the command and the API agree");
  const mixed = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/est.ts", "rollup", "--municipality", "sollentuna", "--from", "2020-W52", "--to", "2021"], { encoding: "utf8", env: process.env });
  assert.notEqual(mixed.status, 0);
  assert.match(mixed.stderr, /--to: Ange en period av samma slag som from/);
  assert.equal((await get("municipality=upplands-vasby&from=2020-W52&to=2021-W01")).status, 404);
});
