// Issue 28: the Police's open events as a source of its own. The fixture has the API's shape
// (polisen.se/api/events): a listing spanning new year, an item listed twice, the county's summary
// and a neighbour's event, and one whose name holds no date.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eventTime, importPoliceEvents, policeEventRollup, publishedAt } from "@/lib/sources/police-events";
import { fetchPoliceEvents } from "@/lib/sources/police-fetch";
import { rollup } from "@/lib/rollups/queries";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const FILE = path.join(process.cwd(), "tests/fixtures/sources/polisen-handelser.json");
const stored = (policeId: number) => db().policeEvent.findFirstOrThrow({ where: { policeId }, select: { occurredAt: true, publishedAt: true, summary: true } });

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0 });
});
after(() => disconnectDb());

test("the event's time is the one in its name, in the year that puts it before its publication", () => {
  // Published on 2 January about 31 December: last year's, Stockholm time (UTC+1).
  assert.equal(eventTime("31 december 23.40, Skadegörelse, Sollentuna", publishedAt("2026-01-02 06:15:03 +01:00"))?.toISOString(), "2025-12-31T22:40:00.000Z");
  // Summer time: UTC+2.
  assert.equal(eventTime("07 juli 09.05, Stöld, Sollentuna", publishedAt("2026-07-08 10:00:00 +02:00"))?.toISOString(), "2026-07-07T07:05:00.000Z");
  assert.equal(eventTime("Trafikkontroller under helgen, Sollentuna", publishedAt("2026-01-03 10:00:00 +01:00")), null);
});

test("only the municipality's events are stored, one per id, at their own time; a second import updates them", async () => {
  const report = await importPoliceEvents(readFileSync(FILE), "sollentuna");
  assert.deepEqual(report, { items: 8, otherPlaces: 2, repeated: 1, inserted: 5, updated: 0, timeFromPublished: 1 });
  // The later listing of the robbery is the one kept.
  const robbery = await stored(560150);
  assert.equal(robbery.occurredAt.toISOString(), "2025-12-31T21:05:00.000Z");
  assert.equal(robbery.publishedAt.toISOString(), "2026-01-01T07:45:00.000Z");
  assert.match(robbery.summary, /en person gripen/);
  assert.equal(await db().policeEvent.count({ where: { locationName: { not: "Sollentuna" } } }), 0);
  const again = await importPoliceEvents(readFileSync(FILE), "sollentuna");
  assert.deepEqual([again.inserted, again.updated], [0, 5]);
  assert.equal(await db().policeEvent.count(), 5);
});

test("the rollup counts them by type for a period by when they happened, and EST's counts do not include them", async () => {
  const december = await policeEventRollup("sollentuna", "2025-12");
  assert.deepEqual(december, { municipality: "sollentuna", period: "2025-12", source: "polisen-handelser", total: 3, rows: [{ type: "Rån", count: 2 }, { type: "Skadegörelse", count: 1 }] });
  const january = await policeEventRollup("sollentuna", "2026-01");
  assert.deepEqual(january.rows, [{ type: "Brand", count: 1 }, { type: "Trafikkontroll", count: 1 }]);
  assert.equal((await rollup("sollentuna", "2025-12", [])).total, 0);
});

test("JSON that is not the Police's list is refused with the first offending item, and nothing is stored", async () => {
  const before = await db().policeEvent.count();
  const items = JSON.parse(readFileSync(FILE, "utf8")) as Record<string, unknown>[];
  const broken = [{ ...items[0], id: 999001 }, { ...items[1], id: 999002, location: undefined }, { ...items[2], id: 999003, datetime: "igår" }];
  await assert.rejects(importPoliceEvents(JSON.stringify(broken), "sollentuna"), /Post 2 \(id 999002\) har inte Polisens form: fältet location saknas eller är fel\. Inget sparades\./);
  await assert.rejects(importPoliceEvents(JSON.stringify({ events: items }), "sollentuna"), /inte Polisens lista/);
  await assert.rejects(importPoliceEvents("{", "sollentuna"), /inte giltig JSON/);
  assert.equal(await db().policeEvent.count(), before);
});

test("the command line imports the file and gives the rollup as JSON", () => {
  const est = (...args: string[]) => spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/est.ts", ...args], { encoding: "utf8", env: process.env });
  const imported = est("sources:import", "polisen-handelser", "--municipality", "upplands-vasby", "--file", FILE);
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, /Poster i filen: 8; andra orter: 7; upprepade id: 0\.\nSparat: 1 nya, 0 uppdaterade\./);
  const out = est("rollup", "--municipality", "upplands-vasby", "--period", "2025-12", "--source", "polisen-handelser", "--format", "json");
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(JSON.parse(out.stdout), { municipality: "upplands-vasby", period: "2025-12", source: "polisen-handelser", total: 1, rows: [{ type: "Misshandel", count: 1 }] });
  assert.equal(est("sources:import", "brå", "--municipality", "sollentuna", "--file", FILE).status, 2);
});

/** A stand-in for polisen.se on loopback: answers each path as told. */
async function policeServer(answers: Record<string, { status: number; body: string | Buffer }>): Promise<{ url: (p: string) => string; server: Server }> {
  const server = createServer((req, res) => {
    const answer = answers[req.url ?? ""] ?? { status: 404, body: "" };
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: (p) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${p}` };
}

test("the worker's fetch stores each municipality's events from the Police's URL; a bad answer stores nothing and says why", async () => {
  await db().policeEvent.deleteMany();
  const { server, url } = await policeServer({
    "/api/events": { status: 200, body: readFileSync(FILE) },
    "/down": { status: 503, body: "" },
    "/html": { status: 200, body: "<html>underhåll</html>" },
    "/wrong": { status: 200, body: JSON.stringify([{ id: 1, name: "x" }]) },
    "/huge": { status: 200, body: Buffer.alloc(33 * 1024 * 1024, 32) },
  });
  try {
    for (const [path, reason] of [["/down", /svarade 503/], ["/html", /inte giltig JSON/], ["/wrong", /har inte Polisens form/], ["/huge", /större än 32 MB/], ["/saknas", /svarade 404/]] as const) {
      await assert.rejects(fetchPoliceEvents(url(path)), reason, path);
    }
    assert.equal(await db().policeEvent.count(), 0, "nothing stored from a bad answer");
    // The list is the whole country's: the neighbour's event goes to Upplands Väsby, the county's summary nowhere.
    assert.deepEqual(await fetchPoliceEvents(url("/api/events")), [{ municipality: "sollentuna", inserted: 5, updated: 0 }, { municipality: "upplands-vasby", inserted: 1, updated: 0 }]);
    assert.equal(await db().policeEvent.count({ where: { municipality: { slug: "sollentuna" } } }), 5);
    // The next half hour lists the same events: updated in place, none added.
    assert.deepEqual(await fetchPoliceEvents(url("/api/events")), [{ municipality: "sollentuna", inserted: 0, updated: 5 }, { municipality: "upplands-vasby", inserted: 0, updated: 1 }]);
    assert.equal(await db().policeEvent.count(), 6);
  } finally {
    server.close();
  }
});
