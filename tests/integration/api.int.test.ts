import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { authenticateApiToken, createApiToken, revokeApiToken, TOKEN_FAILURE_LIMIT } from "@/lib/api-tokens/tokens";
import { POST } from "@/app/api/v1/incidents/route";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

let admin: Viewer;
let reporter: Viewer;
let sollentuna: string;
let hem: string;

const post = (token: string | null, body: unknown, contentType = "application/json") =>
  POST(new Request("http://localhost/api/v1/incidents", {
    method: "POST",
    headers: { "content-type": contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  }));
const incident = (o: Record<string, unknown> = {}) => ({ occurred_at: "2026-11-20 21:30", area: "Edsberg", place: "Edsbergs torg", category: "skadegorelse", external_id: "SYS-1", ...o });

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0 });
  const byEmail = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;
  admin = await byEmail("admin@sollentuna.example");
  reporter = await byEmail("rapportor@sollentunahem.example");
  sollentuna = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  hem = (await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "sollentunahem" } } })).id;
});
after(() => disconnectDb());

test("only an admin creates tokens; only the hash is stored", async () => {
  await assert.rejects(createApiToken(reporter, sollentuna, { name: "x", organisationId: hem, access: "report" }), { code: "FORBIDDEN" });
  const { id, token } = await createApiToken(admin, sollentuna, { name: "Bevakningssystemet", organisationId: hem, access: "report" });
  const row = await db().apiToken.findUniqueOrThrow({ where: { id } });
  assert.notEqual(row.tokenHash, token);
  assert.equal(JSON.stringify(row).includes(token), false);
});

test("a token reports for its organisation; re-sending the same external_id updates", async () => {
  const { token } = await createApiToken(admin, sollentuna, { name: "Larmcentral", organisationId: hem, access: "report" });
  const first = await post(token, incident());
  assert.equal(first.status, 201);
  const { id } = (await first.json()) as { id: string };
  const again = await post(token, incident({ place: "Edsbergs centrum" }));
  assert.equal(again.status, 200);
  assert.equal(((await again.json()) as { id: string }).id, id);
  const row = await db().incident.findUniqueOrThrow({ where: { id }, select: { reporterOrgId: true, place: true } });
  assert.deepEqual(row, { reporterOrgId: hem, place: "Edsbergs centrum" });
  assert.equal(await db().incident.count({ where: { externalId: "SYS-1" } }), 1);
  // Each write is versioned, and each call is in the access log under its token.
  assert.deepEqual((await db().incidentVersion.findMany({ where: { incidentId: id }, select: { version: true }, orderBy: { version: "asc" } })).map((v) => v.version), [1, 2]);
  const tokenId = (await db().apiToken.findFirstOrThrow({ where: { name: "Larmcentral" } })).id;
  const logged = await db().auditEvent.findMany({ where: { action: "incident:api", entityId: tokenId }, select: { municipalityId: true, entityType: true } });
  assert.deepEqual(logged, [{ municipalityId: sollentuna, entityType: "api_token" }, { municipalityId: sollentuna, entityType: "api_token" }]);
});

test("bad input gets 400 with the field and reason; nothing is stored", async () => {
  const { token } = await createApiToken(admin, sollentuna, { name: "Test", organisationId: hem, access: "report" });
  const before = await db().incident.count();
  const bad = await post(token, incident({ external_id: "SYS-2", area: "Atlantis", description: "Personnummer 121212-1212" }));
  assert.equal(bad.status, 400);
  const body = (await bad.json()) as { errors: { column: string }[] };
  assert.deepEqual(body.errors.map((e) => e.column).sort(), ["area", "description"]);
  const chosenOrg = await post(token, { ...incident({ external_id: "SYS-3" }), reporter_org: "polis" });
  assert.equal(chosenOrg.status, 400, "the organisation cannot be chosen by the caller");
  assert.equal((await post(token, "{not json")).status, 400);
  assert.equal((await post(token, incident(), "text/plain")).status, 415);
  assert.equal(await db().incident.count(), before);
});

test("missing, unknown and revoked tokens get 401", async () => {
  const { id, token } = await createApiToken(admin, sollentuna, { name: "Återkallas", organisationId: hem, access: "report" });
  assert.equal((await post(null, incident())).status, 401);
  assert.equal((await post("est_" + "x".repeat(43), incident())).status, 401);
  assert.equal((await post(token, incident({ external_id: "SYS-4" }))).status, 201);
  await revokeApiToken(admin, id);
  assert.equal((await post(token, incident({ external_id: "SYS-5" }))).status, 401);
});

test("guessing tokens: after too many bad ones an address is refused even with a good token, for a while; other addresses are not", async () => {
  const { token } = await createApiToken(admin, sollentuna, { name: "Gissning", organisationId: hem, access: "report" });
  const t0 = new Date();
  for (let i = 0; i < TOKEN_FAILURE_LIMIT.limit; i++) assert.equal(await authenticateApiToken(`Bearer est_${"x".repeat(30)}${i}`, "192.0.2.50", t0), null);
  assert.equal(await authenticateApiToken(`Bearer ${token}`, "192.0.2.50", t0), null, "refused from the guessing address");
  assert.ok(await authenticateApiToken(`Bearer ${token}`, "192.0.2.51", t0), "another address is fine");
  assert.ok(await authenticateApiToken(`Bearer ${token}`, "192.0.2.50", new Date(t0.getTime() + TOKEN_FAILURE_LIMIT.windowSeconds * 1000 + 1000)), "and the window passes");
});

test("a report of the same place, category and hour as another is saved and named as a possible duplicate (issue 25)", async () => {
  const { token } = await createApiToken(admin, sollentuna, { name: "Dubblettkoll", organisationId: hem, access: "report" });
  const first = (await (await post(token, incident({ external_id: "DUP-1", occurred_at: "2026-11-18 20:00", place: "Tingvalla torg" }))).json()) as { id: string; possible_duplicate_of: string | null };
  assert.equal(first.possible_duplicate_of, null);
  const second = await post(token, incident({ external_id: "DUP-2", occurred_at: "2026-11-18 20:40", place: "tingvalla TORG" }));
  assert.equal(second.status, 201, "saved: a system cannot be asked");
  assert.equal(((await second.json()) as { possible_duplicate_of: string | null }).possible_duplicate_of, first.id);
  const later = await post(token, incident({ external_id: "DUP-3", occurred_at: "2026-11-18 22:10", place: "Tingvalla torg" }));
  assert.equal(((await later.json()) as { possible_duplicate_of: string | null }).possible_duplicate_of, null, "an hour and a half later is another event");
});
