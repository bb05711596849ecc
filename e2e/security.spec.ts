import { readFileSync } from "node:fs";
import { request as playwrightRequest } from "@playwright/test";
import { expect, signInAndWait, signInWithFormAndWait, sql, test, USERS } from "./fixtures";

// A canary in Upplands Väsby (municipality B). Sollentuna's coordinator (municipality A) tries
// every page and route with B's ids: each answers "not found" and the canary never appears.
const CANARY = "KANARIE-7f3a9c";

/** Refused: an error status, or, for an RSC request (answered 200 with a flight payload), the
 * payload's own not-found or redirect-to-sign-in instruction, or a data-free prefetch shell. */
function refused(status: number, body: string, headers: Record<string, string>) {
  if ([401, 403, 404].includes(status)) return true;
  if (!headers.RSC) return false;
  if (/NEXT_HTTP_ERROR_FALLBACK;40[34]/.test(body) || (/NEXT_REDIRECT/.test(body) && body.includes("/login"))) return true;
  return headers["Next-Router-Prefetch"] === "1" && body.length < 2_000;
}

async function plantCanary() {
  const q = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await sql<T>(text, values))[0]!;
  const b = await q<{ id: string }>(`SELECT id FROM municipality WHERE slug = 'upplands-vasby'`);
  const area = await q<{ id: string; code: string }>(`SELECT id, code FROM area WHERE "municipalityId" = $1 ORDER BY code LIMIT 1`, [b.id]);
  const category = await q<{ id: string }>(`SELECT id FROM incident_category WHERE "municipalityId" = $1 AND "parentId" IS NULL LIMIT 1`, [b.id]);
  const org = await q<{ id: string }>(`SELECT id FROM organisation WHERE "municipalityId" = $1 AND code = 'polis'`, [b.id]);
  const group = await q<{ id: string }>(`SELECT id FROM est_group WHERE "municipalityId" = $1 AND slug = 'est-vecko'`, [b.id]);
  await sql(`UPDATE est_group SET description = $2 WHERE id = $1`, [group.id, `Gruppens beskrivning ${CANARY}`]);
  const incident = await q<{ id: string; isoWeek: string }>(
    `INSERT INTO incident ("municipalityId", "areaId", "categoryId", "reporterOrgId", place, description, "occurredAt", "isoWeek", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $5, now() - interval '2 days', to_char((now() - interval '2 days') AT TIME ZONE 'Europe/Stockholm', 'IYYY-"W"IW'), now()) RETURNING id, "isoWeek"`,
    [b.id, area.id, category.id, org.id, `Platsen ${CANARY}`],
  );
  const measure = await q<{ id: string }>(
    `INSERT INTO measure ("municipalityId", title, "ownerOrgId", "areaId", "groupId", "updatedAt") VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
    [b.id, `Åtgärd ${CANARY}`, org.id, area.id, group.id],
  );
  const meeting = await q<{ id: string }>(`SELECT id FROM meeting WHERE "groupId" = $1 ORDER BY "startsAt" LIMIT 1`, [group.id]);
  await sql(`UPDATE agenda_item SET notes = $2 WHERE "meetingId" = $1`, [meeting.id, `Punkt ${CANARY}`]);
  const tip = await q<{ id: string }>(
    `INSERT INTO tip ("municipalityId", "trackingHash", kind, place, description, "updatedAt") VALUES ($1, $2, 'OTHER', $3, $3, now()) RETURNING id`,
    [b.id, `hash-${CANARY}-${crypto.randomUUID()}`, `Tips ${CANARY}`],
  );
  return { b: b.id, area, group: group.id, incident, measure: measure.id, meeting: meeting.id, tip: tip.id };
}

test("a user of one municipality gets 'not found' for every page and route of another, and never sees its data", async ({ page }) => {
  const ids = await plantCanary();
  const before = await sql<{ n: number; v: number }>(`SELECT count(*)::int AS n, coalesce(sum(version), 0)::int AS v FROM incident WHERE "municipalityId" = $1`, [ids.b]);
  await signInAndWait(page, USERS.coordinator);
  const paths = [
    `/incidents/${ids.incident.id}`,
    `/groups/${ids.group}`,
    `/groups/${ids.group}/moten`,
    `/groups/${ids.group}/lagesbild/${ids.incident.isoWeek}`,
    `/groups/${ids.group}/kvartal/2026-Q3`,
    `/moten/${ids.meeting}`,
    // The documents' PDFs answer as their pages do (issue 27).
    `/groups/${ids.group}/lagesbild/${ids.incident.isoWeek}/pdf`,
    `/groups/${ids.group}/kvartal/2026-Q3/pdf`,
    `/moten/${ids.meeting}/pdf`,
    `/atgarder/${ids.measure}`,
    `/tips/${ids.tip}`,
    `/api/tips/photo/${ids.tip}`,
    `/api/v1/rollups?municipality=upplands-vasby&period=${ids.incident.isoWeek}`,
  ];
  for (const path of paths) {
    for (const headers of [{}, { RSC: "1" }, { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" }] as Record<string, string>[]) {
      // Next.js answers a bare RSC request with a redirect that adds its cache-busting parameter; follow it.
      const res = await page.request.get(path, { headers });
      const body = await res.text();
      expect(refused(res.status(), body, headers), `${path} ${JSON.stringify(headers)} → ${res.status()} ${res.url()}`).toBe(true);
      expect(body, `${path} leaks the canary`).not.toContain(CANARY);
    }
  }
  // Each refused page is in the access log under its path, written in one place (lib/page-errors.ts).
  const logged = (await sql<{ page: string }>(`SELECT DISTINCT e.details->>'page' AS page FROM audit_event e JOIN "user" u ON u.id = e."userId" WHERE e.action = 'refused' AND u.email = $1`, [USERS.coordinator])).map((r) => r.page);
  for (const path of paths.filter((p) => !p.startsWith("/api/"))) expect(logged, `${path} refused without a row`).toContain(path);
  // Lists and exports that take the municipality from the session never include B's rows.
  for (const path of ["/incidents", "/incidents/export", "/atgarder?view=all", "/tips", "/kalender", "/"]) {
    const res = await page.request.get(path);
    expect(await res.text(), `${path} leaks the canary`).not.toContain(CANARY);
  }
  // The export was logged (who, what filter; never the free-text search itself).
  const [exported] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event e JOIN "user" u ON u.id = e."userId" WHERE e.action = 'incident:export' AND u.email = $1`, [USERS.coordinator]);
  expect(exported!.n).toBeGreaterThan(0);
  const after = await sql<{ n: number; v: number }>(`SELECT count(*)::int AS n, coalesce(sum(version), 0)::int AS v FROM incident WHERE "municipalityId" = $1`, [ids.b]);
  expect(after).toEqual(before);
});

test("actions given another municipality's ids – an Insats's origin, a group, an action, a tip – change nothing there (issue 26)", async ({ page, baseURL }) => {
  const ids = await plantCanary();
  await signInAndWait(page, USERS.coordinator);
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const actionId = (name: string, file: string) => Object.entries(manifest.node).find(([, v]) => v.exportedName === name && (v.filename ?? "").includes(file))![0];
  const call = (name: string, file: string, input: unknown) =>
    page.request.post("/", {
      headers: { "Next-Action": actionId(name, file), Origin: new URL(baseURL!).origin, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify([input]),
    });
  const q = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await sql<T>(text, values))[0]!;
  const a = await q<{ id: string }>(`SELECT id FROM municipality WHERE slug = 'sollentuna'`);
  const ownArea = await q<{ id: string }>(`SELECT id FROM area WHERE "municipalityId" = $1 AND code = 'rotebro'`, [a.id]);
  const ownCategory = await q<{ id: string }>(`SELECT id FROM incident_category WHERE "municipalityId" = $1 AND "parentId" IS NULL LIMIT 1`, [a.id]);
  const ownOrg = await q<{ id: string }>(`SELECT id FROM organisation WHERE "municipalityId" = $1 AND code = 'kfk'`, [a.id]);
  const category = await q<{ id: string }>(`SELECT id FROM incident_category WHERE "municipalityId" = $1 AND "parentId" IS NULL LIMIT 1`, [ids.b]);
  const state = () => q<{ groups: number; measures: string; lagesbilder: number; tips: string }>(
    `SELECT (SELECT count(*)::int FROM est_group WHERE "originGroupId" = $2) AS groups,
            (SELECT string_agg(status || ':' || version || ':' || coalesce("groupId"::text, ''), ',') FROM measure WHERE "municipalityId" = $1) AS measures,
            (SELECT count(*)::int FROM lagesbild WHERE "groupId" = $2) AS lagesbilder,
            (SELECT string_agg(status::text, ',') FROM tip WHERE "municipalityId" = $1) AS tips`,
    [ids.b, ids.group],
  );
  const refusals = async () => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event e JOIN "user" u ON u.id = e."userId" WHERE e.action = 'refused' AND u.email = $1`, [USERS.coordinator])).n;
  const refusedBefore = await refusals();
  const before = await state();
  const end = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const insats = { municipalityId: a.id, name: "EST Insats gränstest", problem: "Samlingar vid stationen kvällstid.", places: "", areaIds: [ownArea.id], plannedEndDate: end, memberIds: [], inviteEmails: "", inviteOrganisationId: "", cadence: "WEEKLY", weekday: 2, time: "15:00", confirmDuplicate: true };
  // The origin flag pointing into Upplands Väsby, in each of its ids (the duplicate question, for
  // the Insats already open in Rotebro, answered: only the origin may stop these).
  for (const origin of [
    { groupId: ids.group, week: ids.incident.isoWeek, areaId: ownArea.id, categoryId: ownCategory.id },
    { groupId: (await q<{ id: string }>(`SELECT id FROM est_group WHERE "municipalityId" = $1 AND slug = 'est-vecko'`, [a.id])).id, week: ids.incident.isoWeek, areaId: ids.area.id, categoryId: category.id },
  ]) {
    expect((await call("openInsatsAction", "insats/new", { ...insats, origin })).status()).toBe(200);
  }
  expect(await q<{ n: number }>(`SELECT count(*)::int AS n FROM est_group WHERE name = 'EST Insats gränstest'`)).toEqual({ n: 0 });
  // Väsby's group, action and tip, by id.
  await call("saveJudgementAction", "lagesbild", { groupId: ids.group, week: ids.incident.isoWeek, version: 0, assessment: CANARY, outlook: "", resourceNotes: "", focusNotes: "", areaStatuses: [] });
  await call("createMeasureAction", "lagesbild", { groupId: ids.group, week: ids.incident.isoWeek, title: "Gränsåtgärd", ownerOrgId: ownOrg.id, responsibleName: "", areaId: "", dueDate: end });
  await call("followUpAction", "atgarder", { measureId: ids.measure, text: "Uppföljning över gränsen" });
  await call("statusAction", "atgarder", { measureId: ids.measure, status: "CANCELLED", version: 1, cancelReason: "Över gränsen" });
  await call("closeTipsAction", "tips", { tipIds: [ids.tip], reason: "Över gränsen" });
  expect(await state()).toEqual(before);
  expect(await q<{ n: number }>(`SELECT count(*)::int AS n FROM measure_follow_up WHERE "measureId" = $1`, [ids.measure])).toEqual({ n: 0 });
  // Each refusal is in the access log, in one place (lib/action-errors.ts).
  expect(await refusals()).toBeGreaterThan(refusedBefore);
});

test("pages are not reachable without signing in, whatever headers or suffixes a client tries", async ({ baseURL }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const [incident] = await sql<{ id: string }>(`SELECT id FROM incident LIMIT 1`);
  const probes: [string, Record<string, string>][] = [
    ["/incidents", {}],
    ["/incidents", { RSC: "1" }],
    ["/incidents", { "Next-Router-Prefetch": "1", RSC: "1" }],
    ["/incidents", { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" }],
    ["/incidents", { "x-middleware-subrequest": "src/middleware:proxy:proxy:proxy:proxy" }],
    ["/incidents.rsc", {}],
    [`/incidents/${incident!.id}`, { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" }],
    [`/incidents/${incident!.id}.rsc`, { RSC: "1" }],
    ["/incidents/export", {}],
    ["/api/v1/rollups?municipality=sollentuna&period=2026-T1", {}],
  ];
  const [place] = await sql<{ place: string }>(`SELECT place FROM incident WHERE id = $1`, [incident!.id]);
  for (const [path, headers] of probes) {
    const res = await anonymous.get(path, { headers });
    const body = await res.text();
    const toLogin = new URL(res.url()).pathname === "/login";
    expect(toLogin || refused(res.status(), body, headers), `${path} ${JSON.stringify(headers)} → ${res.status()} ${res.url()}`).toBe(true);
    expect(body).not.toContain(place!.place);
  }
  await anonymous.dispose();
});

test("responses carry a nonce-based CSP and the other security headers; signed-in pages are not cached", async ({ page }) => {
  await signInAndWait(page, USERS.coordinator);
  const res = await page.request.get("/incidents");
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("'unsafe-eval'");
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s, "every script carries the nonce").toContain(`nonce="${nonce}"`);
  const again = (await page.request.get("/incidents")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
  expect(h["strict-transport-security"]).toContain("max-age=");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-powered-by"]).toBeUndefined();
  expect(h["cache-control"]).toContain("no-store");
  // The app works under the policy: a client-side form hydrates and the map loads.
  const violations: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto("/incidents/map");
  await page.goto("/incidents/week");
  await expect(page.getByRole("button", { name: /Spara|Skicka|Rapportera/ }).first()).toBeEnabled();
  expect(violations).toEqual([]);
});

test("mutating routes refuse cross-site requests", async ({ baseURL }) => {
  const client = await playwrightRequest.newContext({ baseURL });
  for (const headers of [{ Origin: "https://evil.example" }, { Origin: "null" }, { "Sec-Fetch-Site": "cross-site" }] as Record<string, string>[]) {
    const res = await client.post("/api/tips/sollentuna", { headers, multipart: { language: "sv", kind: "OTHER", place: "Torget" } });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
  }
  // A cross-site "simple" request (text/plain, no preflight) cannot create an invitation account either.
  const res = await client.post("/api/invitations/whatever", { headers: { Origin: "https://evil.example", "Content-Type": "text/plain" }, data: JSON.stringify({ name: "x", password: "y" }) });
  expect(res.status()).toBe(403);
  const [tips] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM tip WHERE place = 'Torget'`);
  expect(tips!.n).toBe(0);
  await client.dispose();
});

test("the session cookie is HttpOnly and SameSite; server actions refuse a foreign Origin (and work from the app's own)", async ({ page, baseURL }) => {
  // The cookie as the sign-in sets it, not a prepared one.
  await signInWithFormAndWait(page, USERS.coordinator);
  const session = (await page.context().cookies()).find((c) => /session-token/.test(c.name));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === "saveReminderPreferencesAction")![0];
  const call = (origin: string) =>
    page.request.post("/kalender", {
      headers: { "Next-Action": id, Origin: origin, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify([{ MEETING: false, REPORTING: false, MEASURE_DUE: false }]),
    });
  const optOuts = async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM reminder_opt_out o JOIN "user" u ON u.id = o."userId" WHERE u.email = $1`, [USERS.coordinator]))[0]!.n;
  for (const origin of ["https://evil.example", "null"]) {
    const res = await call(origin);
    expect(res.status(), origin).toBeGreaterThanOrEqual(400);
    expect(await optOuts(), `nothing changed for Origin ${origin}`).toBe(0);
  }
  // A forged X-Forwarded-Host that matches the forged Origin passes Next.js's own comparison; the
  // Origin must still be the app's address (NEXTAUTH_URL, proxy.ts).
  const forged = await page.request.post("/kalender", {
    headers: { "Next-Action": id, Origin: "https://evil.example", "X-Forwarded-Host": "evil.example", "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ MEETING: false, REPORTING: false, MEASURE_DUE: false }]),
  });
  expect(forged.status()).toBe(403);
  expect(await optOuts(), "nothing changed for a forged host").toBe(0);
  // Every action keeps Next.js's 1 MB body limit (files go to routes with caps of their own).
  const big = await page.request.post("/kalender", {
    headers: { "Next-Action": id, Origin: new URL(baseURL!).origin, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ MEETING: false, REPORTING: false, MEASURE_DUE: false, padding: "x".repeat(1_500_000) }]),
  });
  expect(big.status()).toBeGreaterThanOrEqual(400);
  expect(await optOuts(), "nothing changed for a body over 1 MB").toBe(0);
  // The same call from the app's own origin goes through: the refusal above is the Origin check.
  expect((await call(new URL(baseURL!).origin)).status()).toBe(200);
  expect(await optOuts()).toBe(3);
  await sql(`DELETE FROM reminder_opt_out WHERE "userId" = (SELECT id FROM "user" WHERE email = $1)`, [USERS.coordinator]);
});

test("stored script in report text renders as text, never runs", async ({ page }) => {
  const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;
  // The week is Stockholm's and the list is opened at that week: an hour ago may be last week (Monday 00:41).
  const [row] = await sql<{ id: string; isoWeek: string }>(
    `INSERT INTO incident ("municipalityId", "areaId", "categoryId", "reporterOrgId", place, description, "occurredAt", "isoWeek", "updatedAt")
     SELECT m.id, a.id, c.id, o.id, $1, $1, now() - interval '1 hour', to_char((now() - interval '1 hour') AT TIME ZONE 'Europe/Stockholm', 'IYYY-"W"IW'), now()
     FROM municipality m JOIN area a ON a."municipalityId" = m.id AND a.code = 'edsberg'
     JOIN incident_category c ON c."municipalityId" = m.id AND c.code = 'ovrigt' JOIN organisation o ON o."municipalityId" = m.id AND o.code = 'polis'
     WHERE m.slug = 'sollentuna' RETURNING id, "isoWeek"`,
    [payload],
  );
  let dialogs = 0;
  page.on("dialog", (d) => { dialogs++; void d.dismiss(); });
  await signInAndWait(page, USERS.coordinator);
  await page.goto(`/incidents?period=${row!.isoWeek}`);
  await expect(page.getByText(payload).first()).toBeVisible();
  await page.goto(`/incidents/${row!.id}`);
  await expect(page.getByText(payload).first()).toBeVisible();
  await page.goto("/incidents/map");
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toBe(0);
});

test("sessions end after the idle limit and after the absolute limit, whatever the cookie says", async ({ browser, baseURL }) => {
  const { encode } = await import("next-auth/jwt");
  const secret = readFileSync(".data/e2e/nextauth-secret", "utf8").trim();
  const [user] = await sql<{ id: string; sessionVersion: number }>(`SELECT id, "sessionVersion" FROM "user" WHERE email = $1`, [USERS.reporter]);
  const open = async (claims: Record<string, unknown>, maxAge = 3600) => {
    const context = await browser.newContext();
    const value = await encode({ secret, token: { uid: user!.id, sv: user!.sessionVersion, name: "x", ...claims } as never, maxAge });
    await context.addCookies([{ name: "next-auth.session-token", value, url: baseURL! }]);
    const page = await context.newPage();
    await page.goto("/");
    const heading = await page.getByRole("heading", { level: 1 }).first().textContent();
    await context.close();
    return heading;
  };
  // A well-formed fresh session gets in: the two refusals below are about time, nothing else.
  expect(await open({ loginAt: Date.now() - 60_000 })).toBe("Mina grupper");
  // Signed in nine hours ago (the absolute limit is eight), though recently active.
  expect(await open({ loginAt: Date.now() - 9 * 3_600_000 })).toBe("Logga in i EST");
  // Idle past the limit: the token's own expiry (renewed on activity) has passed.
  expect(await open({ loginAt: Date.now() - 3_600_000 }, -60)).toBe("Logga in i EST");
  // Only the cookie carries a session: the same valid token as a bearer header opens nothing.
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const bearer = await encode({ secret, token: { uid: user!.id, sv: user!.sessionVersion, name: "x", loginAt: Date.now() } as never, maxAge: 3600 });
  const res = await anonymous.get("/", { headers: { authorization: `Bearer ${bearer}` } });
  expect(new URL(res.url()).pathname).toBe("/login");
  await anonymous.dispose();
});
