// The hot queries use their indexes and summary tables. Each query is captured from the real
// code path (Prisma's query events, or the pool for raw SQL), then EXPLAINed with sequential
// scans disabled: on a small test database the planner would otherwise pick a scan anyway; this
// asserts that an index path exists for the query as written, which is what holds at scale.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { disconnectDb, pool } from "@/lib/db";

type Captured = { sql: string; params: unknown[] };
const captured: Captured[] = [];
const holder = globalThis as unknown as { estPrisma?: PrismaClient };

before(async () => {
  // The app's own client, with query events on: every db() call below goes through it.
  const client = new PrismaClient({ adapter: new PrismaPg(pool()), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => captured.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] }));
  holder.estPrisma = client;
  const { resetDatabase } = await import("../helpers/db");
  const { runSeed } = await import("@/prisma/seed/run");
  await resetDatabase();
  await runSeed(client, { demoPassword: "x", historyWeeks: 2, now: new Date("2026-11-25T12:00:00Z") });
});
after(() => disconnectDb());

async function plan(q: Captured): Promise<string> {
  const c = await pool().connect();
  try {
    await c.query("SET enable_seqscan = off");
    const { rows } = await c.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.params);
    return JSON.stringify(rows[0]!["QUERY PLAN"]);
  } finally {
    await c.query("RESET enable_seqscan");
    c.release();
  }
}

/** Runs `fn` and returns the captured queries that match: the ORM's, and those sent on the pool. */
async function capture(fn: () => Promise<unknown>, match: (sql: string) => boolean): Promise<Captured[]> {
  captured.length = 0;
  const original = pool().query.bind(pool());
  (pool() as unknown as { query: unknown }).query = (sql: string, params: unknown[]) => (captured.push({ sql, params }), original(sql, params));
  try {
    await fn();
  } finally {
    (pool() as unknown as { query: unknown }).query = original;
  }
  return captured.filter((q) => match(q.sql));
}

const seqScanOn = (p: string, table: string) => new RegExp(`"Node Type":"Seq Scan"[^}]*"Relation Name":"${table}"`).test(p);

test("the rollup for one municipality and across all read the summary tables, never the incident table", async () => {
  const { rollup, rollupCounts } = await import("@/lib/rollups/queries");
  const raw: Captured[] = [];
  const original = pool().query.bind(pool());
  (pool() as unknown as { query: unknown }).query = (sql: string, params: unknown[]) => (raw.push({ sql, params }), original(sql, params));
  try {
    await rollup("sollentuna", "2026-T2", ["area"]);
    await rollup("sollentuna", "2026-W40", ["category"]);
    await rollupCounts(null, "2026-T2", ["area"]);
  } finally {
    (pool() as unknown as { query: unknown }).query = original;
  }
  // Three counts, and the two rollups' reporting coverage (ADR 017).
  assert.equal(raw.length, 5);
  for (const q of raw) {
    const p = await plan(q);
    assert.match(p, /incident_(month|day)_count|organisation_week_count/, "reads a rollup table");
    assert.doesNotMatch(p, /"Relation Name":"incident"/, "never the raw incident table");
  }
  assert.equal(raw.filter((q) => /organisation_week_count/.test(q.sql)).length, 2);
});

test("the weekly lägesbild counts the week through the (municipality, week) index", async () => {
  const { loadViewer } = await import("@/lib/auth/load-viewer");
  const { getLagesbildDraft } = await import("@/lib/lagesbild/queries");
  const { db } = await import("@/lib/db");
  const coordinator = (await loadViewer((await db().user.findUniqueOrThrow({ where: { email: "samordnare@sollentuna.example" } })).id))!;
  const vecko = await db().estGroup.findFirstOrThrow({ where: { slug: "est-vecko", municipality: { slug: "sollentuna" } } });
  const queries = await capture(() => getLagesbildDraft(coordinator, vecko.id, "2026-W47"), (sql) => /FROM incident i\b/.test(sql) && /"isoWeek"/.test(sql) && /GROUP BY/.test(sql));
  assert.ok(queries.length > 0, "the week's grouped counts were captured");
  const plans = await Promise.all(queries.map(plan));
  for (const p of plans) assert.ok(!seqScanOn(p, "incident") && /"Index Name"/.test(p), "every grouped count uses an index");
  assert.ok(plans.some((p) => p.includes("incident_municipalityId_isoWeek_idx")), "the week's matrix uses (municipality, week)");
});

test("the triage queue, the reminder sweep and the incident list use their indexes", async () => {
  const { loadViewer } = await import("@/lib/auth/load-viewer");
  const { listTips } = await import("@/lib/tips/queries");
  const { sendDueReminders } = await import("@/lib/meetings/reminders");
  const { db } = await import("@/lib/db");
  const coordinator = (await loadViewer((await db().user.findUniqueOrThrow({ where: { email: "samordnare@sollentuna.example" } })).id))!;
  const municipalityId = coordinator.memberships[0]!.municipalityId;

  const tips = await capture(() => listTips(coordinator, municipalityId, "NEW"), (sql) => /FROM "public"\."tip"/.test(sql) && /ORDER BY/.test(sql));
  assert.match(await plan(tips[0]!), /tip_municipalityId_status_createdAt_idx/);

  const meetings = await capture(() => sendDueReminders(new Date("2026-11-30T09:00:00Z")), (sql) => /FROM "public"\."meeting"/.test(sql) && /"startsAt"/.test(sql) && /"status"/.test(sql));
  assert.ok(meetings.length > 0);
  const p = await plan(meetings[0]!);
  assert.ok(!seqScanOn(p, "meeting"), "the reminder sweep does not scan every meeting");
  // Either index bounds the sweep by start time; which one the planner takes for a table this
  // small depends on where the seeded calendar lies from today (the shifted-clock passes move it).
  assert.match(p, /meeting_status_starts_idx|meeting_groupId_startsAt_idx/);

  const { listIncidents } = await import("@/lib/incidents/queries");
  const { ZIncidentFilter } = await import("@/lib/incidents/schema");
  const list = await capture(() => listIncidents(coordinator, municipalityId, ZIncidentFilter.parse({})), (sql) => /FROM incident i\b/.test(sql) && /ORDER BY/.test(sql));
  assert.ok(list.length > 0);
  const listPlan = await plan(list[0]!);
  assert.ok(!seqScanOn(listPlan, "incident"));
  assert.match(listPlan, /incident_municipalityId_occurredAt_id_idx/);

  // The list's total for a coordinator comes from the rollup tables, not from counting incidents.
  for (const filter of [{}, { from: "2026-09-15", to: "2026-11-20" }]) {
    const statements = await capture(() => listIncidents(coordinator, municipalityId, ZIncidentFilter.parse(filter)), () => true);
    const totals = statements.filter((q) => /count\(|sum\(/.test(q.sql));
    assert.equal(totals.length, 1, `one counting statement for ${JSON.stringify(filter)}`);
    assert.doesNotMatch(totals[0]!.sql, /FROM incident i\b/);
    // Whichever of their indexes the planner takes for tables this small: the rollups, not incident.
    const totalPlan = await plan(totals[0]!);
    assert.match(totalPlan, /"Relation Name":"incident_month_count"/);
    if ("from" in filter) assert.match(totalPlan, /"Relation Name":"incident_day_count"/);
    assert.doesNotMatch(totalPlan, /"Relation Name":"incident"[,}]/);
  }
});

test("incident is analyzed after a fixed number of changes, so the planner knows the newest days", async () => {
  // With the default 10 % of the table, a national table would not be analyzed for months and the
  // list's plan for the current week would rest on an estimate of almost nothing (docs/scaling.md).
  const { rows } = await pool().query<{ reloptions: string[] | null }>(`SELECT reloptions FROM pg_class WHERE relname = 'incident' AND relkind IN ('r', 'p')`);
  assert.deepEqual(new Set(rows[0]!.reloptions), new Set(["autovacuum_analyze_scale_factor=0", "autovacuum_analyze_threshold=5000"]));
});
