// The API contract (issue 37): every /api/v1 route file is in the OpenAPI document, and real
// answers of every route – successes and refusals – validate against the schema the document
// gives for their status. A route that answers a status or a shape the document does not promise
// fails here.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { API_OPERATIONS, openApiDocument } from "@/lib/api/openapi";
import { weekKey, shiftPeriod } from "@/lib/time/periods";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const ROUTES = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type Handler = (request: Request) => Promise<Response> | Response;
const tokens: Record<"report" | "bi" | "legacy", string> = { report: "", bi: "", legacy: "" };
const seen = new Set<string>();
let ajv: Ajv2020;

/** The route files under app/api/v1 as the paths they serve. */
function routeFiles(dir = ROUTES): { file: string; path: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [{ file: path.join(dir, e.name), path: `/api/v1/${path.relative(ROUTES, dir).split(path.sep).join("/")}` }] : [],
  );
}

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 3 });
  const admin = (await loadViewer((await db().user.findUniqueOrThrow({ where: { email: "admin@sollentuna.example" } })).id))!;
  const m = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  const org = async (code: string) => (await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code } } })).id;
  tokens.report = (await createApiToken(admin, m, { name: "Larm", organisationId: await org("sollentunahem"), access: "report" })).token;
  tokens.bi = (await createApiToken(admin, m, { name: "Power BI", organisationId: await org("klk"), access: "bi" })).token;
  // A token made before scopes existed: it keeps what it could do (send reports, read counts).
  const legacy = await createApiToken(admin, m, { name: "Gammal", organisationId: await org("polis"), access: "report" });
  await db().$executeRaw`UPDATE api_token SET scopes = DEFAULT WHERE id = ${legacy.id}::uuid`;
  tokens.legacy = legacy.token;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(openApiDocument(), "openapi");
});
after(() => disconnectDb());

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Calls a route as a client would and checks the answer against the document. */
async function call(method: (typeof METHODS)[number], url: string, init: { token?: keyof typeof tokens; body?: string; contentType?: string } = {}) {
  const { pathname } = new URL(url, "http://localhost");
  const route = routeFiles().find((r) => r.path === pathname);
  assert.ok(route, `no route file serves ${pathname}`);
  const handler = (await import(route.file))[method] as Handler;
  const response = await handler(
    new Request(new URL(url, "http://localhost"), {
      method,
      headers: { ...(init.token ? { authorization: `Bearer ${tokens[init.token]}` } : {}), ...(init.body !== undefined ? { "content-type": init.contentType ?? "application/json" } : {}) },
      body: init.body,
    }),
  );
  const status = String(response.status);
  const documented = (openApiDocument().paths as Record<string, Record<string, { responses: Record<string, { content: Record<string, unknown> }> }>>)[pathname]?.[method.toLowerCase()];
  assert.ok(documented, `${method} ${pathname} is not in the document`);
  assert.ok(documented.responses[status], `${method} ${pathname} answered ${status}, which the document does not list`);
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!;
  assert.ok(documented.responses[status].content[type], `${method} ${pathname} ${status} answered ${type}, which the document does not list`);
  const text = await response.text();
  if (type === "application/json") {
    const validate = ajv.getSchema(`openapi#/${pointer("paths", pathname, method.toLowerCase(), "responses", status, "content", "application/json", "schema")}`)!;
    const body = JSON.parse(text) as unknown;
    assert.ok(validate(body), `${method} ${pathname} ${status}: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`);
  }
  seen.add(`${method} ${pathname} ${status}`);
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

test("every route file under app/api/v1 is in the document, and every operation has a route", async () => {
  const documented = API_OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
  const served: string[] = [];
  for (const r of routeFiles()) {
    const module = (await import(r.file)) as Record<string, unknown>;
    for (const m of METHODS) if (typeof module[m] === "function") served.push(`${m} ${r.path}`);
  }
  assert.deepEqual(served.sort(), documented);
  const doc = await call("GET", "/api/v1/openapi.json");
  assert.equal(doc.json().openapi, "3.1.0");
});

test("sending reports: created, updated, refused – each as documented", async () => {
  const report = { occurred_at: "2026-11-20 21:30", area: "Edsberg", place: "Edsbergs torg", category: "skadegorelse", external_id: "K-1" };
  assert.equal((await call("POST", "/api/v1/incidents", { token: "report", body: JSON.stringify(report) })).status, 201);
  assert.equal((await call("POST", "/api/v1/incidents", { token: "report", body: JSON.stringify({ ...report, place: "Edsbergs centrum" }) })).status, 200);
  assert.equal((await call("POST", "/api/v1/incidents", { token: "report", body: JSON.stringify({ ...report, area: "Atlantis" }) })).status, 400);
  assert.equal((await call("POST", "/api/v1/incidents", { token: "report", body: "{inte json" })).status, 400);
  assert.equal((await call("POST", "/api/v1/incidents", { token: "report", body: JSON.stringify(report), contentType: "text/plain" })).status, 415);
  assert.equal((await call("POST", "/api/v1/incidents", { token: "report", body: JSON.stringify({ ...report, description: "x".repeat(70_000) }) })).status, 413);
  assert.equal((await call("POST", "/api/v1/incidents", { body: JSON.stringify(report) })).status, 401);
  assert.equal((await call("POST", "/api/v1/incidents", { token: "bi", body: JSON.stringify({ ...report, external_id: "K-2" }) })).status, 403, "a BI token writes nothing");
  assert.equal(await db().incident.count({ where: { externalId: "K-2" } }), 0);
});

test("reading reports: pages, refusals", async () => {
  assert.equal((await call("GET", "/api/v1/incidents?limit=2", { token: "bi" })).status, 200);
  assert.equal((await call("GET", "/api/v1/incidents", { token: "report" })).status, 200);
  assert.equal((await call("GET", "/api/v1/incidents?since=igår", { token: "bi" })).status, 400);
  assert.equal((await call("GET", "/api/v1/incidents?cursor=abc", { token: "bi" })).status, 400);
  assert.equal((await call("GET", "/api/v1/incidents?limit=5000", { token: "bi" })).status, 400);
  assert.equal((await call("GET", "/api/v1/incidents", { token: "legacy" })).status, 403, "an old token reads no incidents");
  assert.equal((await call("GET", "/api/v1/incidents")).status, 401);
});

test("counts: one period and a series, JSON and CSV, refusals", async () => {
  const week = weekKey(new Date());
  const from = shiftPeriod(week, -3);
  for (const q of [`period=${week}&by=area,category`, `period=${week.slice(0, 4)}`, `period=${week}&format=csv&excel=1`]) {
    assert.equal((await call("GET", `/api/v1/rollups?municipality=sollentuna&${q}`, { token: "bi" })).status, 200, q);
  }
  assert.equal((await call("GET", `/api/v1/rollups?municipality=sollentuna&period=${week}`, { token: "legacy" })).status, 200, "old tokens keep reading counts");
  assert.equal((await call("GET", "/api/v1/rollups?municipality=sollentuna&period=vecka7", { token: "bi" })).status, 400);
  assert.equal((await call("GET", `/api/v1/rollups?municipality=danderyd&period=${week}`, { token: "bi" })).status, 404);
  assert.equal((await call("GET", `/api/v1/rollups?municipality=sollentuna&period=${week}`, { token: "report" })).status, 403, "a reporting token reads no counts");
  assert.equal((await call("GET", `/api/v1/rollups?municipality=sollentuna&period=${week}`)).status, 401);

  const series = await call("GET", `/api/v1/rollups/series?municipality=sollentuna&from=${from}&to=${week}&by=area`, { token: "bi" });
  assert.equal(series.status, 200);
  assert.deepEqual((series.json().periods as { period: string }[]).map((p) => p.period), [0, 1, 2, 3].map((n) => shiftPeriod(from, n)));
  assert.equal((await call("GET", `/api/v1/rollups/series?municipality=sollentuna&from=${from}&to=${week}&format=csv`, { token: "bi" })).status, 200);
  assert.equal((await call("GET", `/api/v1/rollups/series?municipality=sollentuna&from=${from}&to=${week.slice(0, 4)}`, { token: "bi" })).status, 400, "kinds mixed");
  assert.equal((await call("GET", `/api/v1/rollups/series?municipality=sollentuna&from=${week}&to=${from}`, { token: "bi" })).status, 400, "backwards");
  assert.equal((await call("GET", `/api/v1/rollups/series?municipality=danderyd&from=${from}&to=${week}`, { token: "bi" })).status, 404);
  assert.equal((await call("GET", `/api/v1/rollups/series?municipality=sollentuna&from=${from}&to=${week}`, { token: "report" })).status, 403);
  assert.equal((await call("GET", `/api/v1/rollups/series?municipality=sollentuna&from=${from}&to=${week}`)).status, 401);
});

test("every answer the document lists was given by its route in this file", () => {
  const listed = API_OPERATIONS.flatMap((o) => Object.keys(o.answers).map((s) => `${o.method.toUpperCase()} ${o.path} ${s}`)).sort();
  assert.deepEqual([...seen].sort(), listed);
});
