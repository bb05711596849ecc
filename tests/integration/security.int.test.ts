import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import pg from "pg";
import PgBoss from "pg-boss";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { auditForRecord, auditForUser } from "@/lib/audit/queries";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { getIncident } from "@/lib/incidents/queries";
import { closeInsats } from "@/lib/insats/mutations";
import { findPii } from "@/lib/validation/pii";
import { ZIncidentCreate } from "@/lib/incidents/schema";
import { publishLagesbild, saveJudgement } from "@/lib/lagesbild/mutations";
import { ZMeasureCreate } from "@/lib/measures/schema";
import { ZDecision, ZMinutes } from "@/lib/meetings/schema";
import { ZTip } from "@/lib/tips/schema";
import { ZNightWalk } from "@/lib/nightwalks/schema";
import { POST } from "@/app/api/v1/incidents/route";
import { shiftPeriod, weekKey } from "@/lib/time/periods";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";
import { grantAppRole } from "../../scripts/db-grant.mjs";
import { QUEUES } from "../../scripts/queues.mjs";

const NOW = new Date("2026-11-25T12:00:00Z");
let sollentuna: string;
const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 1, now: NOW });
  sollentuna = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
});
after(() => disconnectDb());

/** Makes the next insert into `table` fail, as a crash half-way through would. */
async function failingInserts<T>(table: string, run: () => Promise<T>): Promise<T> {
  await db().$executeRawUnsafe(`CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
  await db().$executeRawUnsafe(`CREATE TRIGGER injected_failure BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION injected_failure()`);
  try {
    return await run();
  } finally {
    await db().$executeRawUnsafe(`DROP TRIGGER injected_failure ON "${table}"`);
    await db().$executeRawUnsafe(`DROP FUNCTION injected_failure()`);
  }
}

test("the access log answers 'who opened record R' and 'what did user U open', refusals included, from where", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const admin = await viewerOf("admin@sollentuna.example");
  const incident = await db().incident.findFirstOrThrow({ where: { municipalityId: sollentuna }, select: { id: true } });
  await getIncident(coordinator, incident.id);
  await assert.rejects(getIncident(await viewerOf("samordnare@upplandsvasby.example"), incident.id), { code: "NOT_FOUND" });

  const who = await auditForRecord(admin, sollentuna, incident.id);
  assert.deepEqual(who.map((r) => [r.user?.email, r.action, r.outcome]).sort(), [
    ["samordnare@sollentuna.example", "incident:view", "ALLOWED"],
    ["samordnare@upplandsvasby.example", "incident:view", "DENIED"],
  ]);
  const what = await auditForUser(admin, sollentuna, "Samordnare@Sollentuna.example");
  assert.ok(what.some((r) => r.entityId === incident.id && r.action === "incident:view"));
  await assert.rejects(auditForRecord(coordinator, sollentuna, incident.id), { code: "NOT_FOUND" }, "only the admin (personuppgiftsansvarig) reads the log");
  // Append-only, whatever the application does.
  await assert.rejects(db().auditEvent.updateMany({ data: { action: "x" } }), /append-only/);
  await assert.rejects(db().auditEvent.deleteMany({}), /append-only/);
});

test("publishing a lägesbild is all or nothing: a failure half-way leaves it a draft with no feedback sent", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const vecko = (await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: sollentuna, slug: "est-vecko" } } })).id;
  const week = shiftPeriod(weekKey(NOW), -1);
  const saved = await saveJudgement(coordinator, { groupId: vecko, week, version: 0, assessment: "Lugn vecka.", outlook: "", resourceNotes: "", focusNotes: "", areaStatuses: [] });
  const outbox = await db().emailOutbox.count();
  await assert.rejects(failingInserts("notification", () => publishLagesbild(coordinator, { groupId: vecko, week, version: saved.version, confirmIncomplete: true })), /injected failure/);
  const row = await db().lagesbild.findUniqueOrThrow({ where: { groupId_periodKey: { groupId: vecko, periodKey: week } }, select: { status: true, snapshot: true, version: true } });
  assert.deepEqual({ status: row.status, snapshot: row.snapshot, version: row.version }, { status: "DRAFT", snapshot: null, version: saved.version });
  assert.equal(await db().emailOutbox.count(), outbox, "no e-mail queued");
  // With the fault gone, the same publish goes through.
  assert.equal((await publishLagesbild(coordinator, { groupId: vecko, week, version: saved.version, confirmIncomplete: true })).published, true);
});

test("closing an Insats is all or nothing: a failure half-way leaves it open with its actions and meetings as they were", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const insats = (await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: sollentuna, slug: "est-insats-rotebro" } } })).id;
  const open = await db().measure.findMany({ where: { groupId: insats, status: { in: ["PLANNED", "ONGOING"] } }, select: { id: true, status: true } });
  const planned = await db().meeting.count({ where: { groupId: insats, status: "PLANNED" } });
  const input = { groupId: insats, outcome: "Samlingarna vid stationen minskade.", lessons: "", openMeasures: open.map((m) => ({ id: m.id, decision: "CANCEL" as const })) };
  await assert.rejects(failingInserts("notification", () => closeInsats(coordinator, input, NOW)), /injected failure/);
  const group = await db().estGroup.findUniqueOrThrow({ where: { id: insats }, select: { status: true, closingReport: true } });
  assert.deepEqual(group, { status: "OPEN", closingReport: null });
  assert.deepEqual(await db().measure.findMany({ where: { id: { in: open.map((m) => m.id) } }, select: { id: true, status: true } }), open);
  assert.equal(await db().meeting.count({ where: { groupId: insats, status: "PLANNED" } }), planned);
});

test("property: 4 000 generated requests to the incident API never give a 5xx, and only accepted ones store a row", async () => {
  const admin = await viewerOf("admin@sollentuna.example");
  const hem = (await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "sollentunahem" } } })).id;
  const { token } = await createApiToken(admin, sollentuna, { name: "Fuzz", organisationId: hem, access: "report" });
  const valid = { occurred_at: "2026-11-20 21:30", area: "Edsberg", place: "Edsbergs torg", category: "skadegorelse" };
  const nasty = fc.oneof(
    fc.string(), fc.string({ minLength: 200, maxLength: 5000 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object(),
    fc.constantFrom("' OR 1=1--", "<img src=x onerror=alert(1)>", "19121212-1212", "070-123 45 67", "ABC 123", "2026-02-30 25:61", "\u0000", "🙂".repeat(300)),
  );
  const body = fc.oneof(
    { weight: 3, arbitrary: fc.record({ occurred_at: fc.oneof(fc.constant(valid.occurred_at), nasty), area: fc.oneof(fc.constant(valid.area), nasty), place: fc.oneof(fc.constant(valid.place), nasty), category: fc.oneof(fc.constant(valid.category), nasty), external_id: fc.oneof(fc.uuid(), nasty), description: nasty }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.anything() },
  );
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(body, fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded"), async (b, contentType) => {
      const before = await db().incident.count({ where: { reporterOrgId: hem } });
      const res = await POST(new Request("http://localhost/api/v1/incidents", { method: "POST", headers: { "content-type": contentType, authorization: `Bearer ${token}` }, body: JSON.stringify(b) }));
      assert.ok(res.status < 500, `status ${res.status} for ${String(JSON.stringify(b)).slice(0, 200)}`);
      const after = await db().incident.count({ where: { reporterOrgId: hem } });
      if (res.status === 201) accepted++;
      assert.equal(after - before, res.status === 201 ? 1 : 0, `status ${res.status} stored ${after - before}`);
    }),
    { numRuns: 4_000, seed: 20261125 },
  );
  assert.ok(accepted > 0, "some generated requests were valid and accepted");
  const stored = await db().incident.findMany({ where: { reporterOrgId: hem }, select: { place: true, description: true } });
  for (const s of stored) assert.deepEqual(findPii(`${s.place} ${s.description}`), [], "no personal data got through");
});

test("property: 6 000 generated inputs to the forms' schemas: never a crash, and whatever passes is bounded and free of personal data", () => {
  const nasty = fc.oneof(fc.string(), fc.string({ maxLength: 3000 }), fc.integer(), fc.constant(null), fc.constant(""), fc.constantFrom("19121212-1212", "ring 070-123 45 67", "<script>alert(1)</script>", "' OR 1=1--"), fc.uuid());
  const schemas = [
    { name: "incident", schema: ZIncidentCreate, text: (v: Record<string, unknown>) => `${v.place} ${v.description}` },
    { name: "measure", schema: ZMeasureCreate, text: (v: Record<string, unknown>) => `${v.title} ${v.description} ${v.place}` },
    { name: "decision", schema: ZDecision, text: (v: Record<string, unknown>) => String(v.text) },
    { name: "minutes", schema: ZMinutes, text: (v: Record<string, unknown>) => String(v.general) },
    { name: "tip", schema: ZTip, text: (v: Record<string, unknown>) => `${v.place} ${v.description}` },
    { name: "night walk", schema: ZNightWalk, text: (v: Record<string, unknown>) => String(v.route) },
  ];
  for (const { schema, text, name } of schemas) {
    const keys = Object.keys((schema as unknown as { shape?: Record<string, unknown> }).shape ?? (schema as unknown as { _zod: { def: { in?: { shape: Record<string, unknown> }; schema?: { shape: Record<string, unknown> } } } })._zod.def.in?.shape ?? {});
    const input = fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...(keys.length ? keys : ["x"]), "municipalityId", "role", "version", "__proto__"), nasty));
    fc.assert(
      fc.property(input, (v) => {
        const r = schema.safeParse(v);
        if (r.success) {
          const t = text(r.data as Record<string, unknown>);
          assert.deepEqual(findPii(t), [], `${name} let personal data through`);
          assert.ok(t.length < 20_000, `${name} let unbounded text through`);
        }
      }),
      { numRuns: 1_000, seed: 7 },
    );
  }
});

test("the app's own database role owns nothing: it adds to the access log but cannot change, empty or unguard it; its worker runs (issue 26)", async () => {
  const role = `est_app_test_${process.pid}`;
  const owner = process.env.DATABASE_URL!;
  await db().$executeRawUnsafe(`CREATE ROLE "${role}" LOGIN PASSWORD 'app-role-test'`);
  try {
    await grantAppRole(owner, role);
    const url = new URL(owner);
    url.username = role;
    url.password = "app-role-test";
    const app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
    try {
      // The app's everyday work: rows, the access log added to, the rollup triggers fired.
      await app.query(`INSERT INTO audit_event (action) VALUES ('role-test')`);
      const { rowCount } = await app.query(`UPDATE incident SET "updatedAt" = now() WHERE id = (SELECT id FROM incident LIMIT 1)`);
      assert.equal(rowCount, 1);
      await app.query(`SELECT pg_advisory_xact_lock(42)`);
      // Never the log, the tables or the migrations' bookkeeping.
      for (const [statement, refusal] of [
        [`UPDATE audit_event SET action = 'ändrad' WHERE action = 'role-test'`, /permission denied/],
        [`DELETE FROM audit_event WHERE action = 'role-test'`, /permission denied/],
        [`TRUNCATE audit_event`, /permission denied/],
        [`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`, /must be (the )?owner/],
        [`DROP TRIGGER audit_event_no_update ON audit_event`, /must be (the )?owner/],
        [`DROP TABLE incident`, /must be (the )?owner/],
        [`CREATE TABLE public.role_test (id int)`, /permission denied/],
        [`DELETE FROM _prisma_migrations`, /permission denied/],
      ] as const) {
        await assert.rejects(app.query(statement), { message: refusal }, statement);
      }
      const [kept] = (await app.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'role-test'`)).rows;
      assert.equal(kept.n, 1, "the row is there, unchanged");
    } finally {
      await app.end();
    }
    // The worker's job queue, as the role: started as the worker starts it, a job sent and taken.
    const boss = new PgBoss({ connectionString: url.toString(), max: 1, supervise: false, schedule: false });
    await boss.start();
    try {
      await boss.createQueue(QUEUES.calendars);
      await boss.send(QUEUES.calendars, { n: 1 });
      const jobs = await boss.fetch(QUEUES.calendars);
      assert.equal(jobs.length, 1);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  } finally {
    await db().$executeRawUnsafe(`DROP OWNED BY "${role}"`);
    await db().$executeRawUnsafe(`DROP ROLE "${role}"`);
  }
});
