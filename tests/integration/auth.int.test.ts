import { after, before, mock, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { SIGN_IN_LIMITS, signInDelayMs, verifyCredentials } from "@/lib/auth/credentials";
import { loadViewer } from "@/lib/auth/load-viewer";
import { authOptions } from "@/lib/auth/options";
import { viewerFromToken } from "@/lib/auth/session-claims";
import { authSecret, env } from "@/lib/env";
import { decode, encode, type JWT } from "next-auth/jwt";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const PASSWORD = "correct horse battery";

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: PASSWORD, historyWeeks: 1 });
});
after(() => disconnectDb());

const emailOf = (r: Awaited<ReturnType<typeof verifyCredentials>>) => (r && r !== "throttled" ? r.email : r);
const deniedLogins = () => db().auditEvent.count({ where: { action: "auth:login", outcome: "DENIED" } });

test("the right password signs in; e-mail case does not matter", async () => {
  const user = await verifyCredentials({ email: "Rapportor@Sollentunahem.example", password: PASSWORD });
  assert.equal(emailOf(user), "rapportor@sollentunahem.example");
});

test("a wrong password, an unknown user and a disabled account all give the same answer and are logged", async () => {
  const before = await deniedLogins();
  assert.equal(await verifyCredentials({ email: "rapportor@sollentunahem.example", password: "wrong" }), null);
  assert.equal(await verifyCredentials({ email: "nobody@example.se", password: PASSWORD }), null);
  await db().user.update({ where: { email: "ledning@sollentuna.example" }, data: { disabledAt: new Date() } });
  assert.equal(await verifyCredentials({ email: "ledning@sollentuna.example", password: PASSWORD }), null);
  assert.equal(await deniedLogins(), before + 3);
  const reasons = await db().auditEvent.findMany({ where: { action: "auth:login", outcome: "DENIED" }, select: { details: true }, orderBy: { id: "asc" } });
  assert.deepEqual(reasons.slice(-3).map((r) => (r.details as { reason: string }).reason), ["bad-password", "unknown-user", "disabled"]);
});

test("brute force (issue 26): a parallel burst gets no more guesses than the limit; the guessing address is refused, the owner elsewhere is only slowed", async () => {
  const email = "polis@polisen.example";
  const t0 = new Date();
  const delays: number[] = [];
  const wait = async (ms: number) => void delays.push(ms);
  const evaluated = () => db().auditEvent.count({ where: { action: "auth:login", outcome: "DENIED", details: { path: ["reason"], equals: "bad-password" } } });
  const before = await evaluated();
  // Twenty guesses at once from one address: the attempt is counted before the password is checked.
  const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => verifyCredentials({ email, password: `guess-${i}` }, "198.51.100.7", t0, wait)));
  assert.equal(burst.filter((r) => r === null).length, SIGN_IN_LIMITS.pair.limit, "exactly the limit was evaluated");
  assert.equal(burst.filter((r) => r === "throttled").length, 20 - SIGN_IN_LIMITS.pair.limit);
  assert.equal((await evaluated()) - before, SIGN_IN_LIMITS.pair.limit);
  // The guessing address is refused even with the right password, until its window has passed...
  assert.equal(await verifyCredentials({ email, password: PASSWORD }, "198.51.100.7", t0, wait), "throttled");
  // ...but the owner, from anywhere else, signs in: no lockout, only a delay that grew with the failures.
  delays.length = 0;
  assert.equal(emailOf(await verifyCredentials({ email, password: PASSWORD }, "203.0.113.9", t0, wait)), email);
  assert.equal(delays.length, 1);
  assert.equal(delays[0], signInDelayMs(SIGN_IN_LIMITS.pair.limit));
  assert.ok(delays[0]! > 0);
  assert.deepEqual([0, 4, 5, 6, 7, 20].map(signInDelayMs), [0, 0, 500, 1000, 2000, SIGN_IN_LIMITS.account.maxDelayMs], "progressive, capped");
  assert.ok(await verifyCredentials({ email: "samordnare@sollentuna.example", password: PASSWORD }, "198.51.100.7", t0, wait), "another account signs in from the same address");
  const later = new Date(t0.getTime() + SIGN_IN_LIMITS.pair.windowSeconds * 1000 + 1000);
  assert.equal(emailOf(await verifyCredentials({ email, password: PASSWORD }, "198.51.100.7", later, wait)), email);
});

test("a disabled user or ended sessions stop the viewer at once", async () => {
  const user = await db().user.findUniqueOrThrow({ where: { email: "polis@polisen.example" }, select: { id: true, sessionVersion: true } });
  const viewer = await loadViewer(user.id, user.sessionVersion);
  assert.equal(viewer?.memberships.length, 3);
  await db().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
  assert.equal(await loadViewer(user.id, user.sessionVersion), null, "old session version is refused");
  assert.notEqual(await loadViewer(user.id, user.sessionVersion + 1), null);
  await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  assert.equal(await loadViewer(user.id, user.sessionVersion + 1), null, "disabled user is refused");
});

test("the audit log is append-only", async () => {
  const row = await db().auditEvent.findFirstOrThrow({ select: { id: true } });
  await assert.rejects(db().auditEvent.update({ where: { id: row.id }, data: { action: "tampered" } }), /append-only/);
  await assert.rejects(db().auditEvent.delete({ where: { id: row.id } }), /append-only/);
  assert.equal((await db().auditEvent.findUniqueOrThrow({ where: { id: row.id } })).action, "auth:login");
});

test("a session cookie past its idle or absolute limit opens nothing and is not renewed, however its expiry was set (issue 26)", async () => {
  const user = await db().user.findUniqueOrThrow({ where: { email: "samordnare@sollentuna.example" }, select: { id: true, sessionVersion: true } });
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = env();
  // A cookie as the browser holds it, issued `minutesAgo` minutes ago – with next-auth's old
  // 30-day expiry, as the probe replayed it.
  const cookie = async (minutesAgo: number, loginHoursAgo = minutesAgo / 60) => {
    mock.timers.enable({ apis: ["Date"], now: Date.now() - minutesAgo * 60_000 });
    try {
      const claims: JWT = { uid: user.id, sv: user.sessionVersion, loginAt: Date.now() - (loginHoursAgo * 60 - minutesAgo) * 60_000 };
      return await encode({ token: claims, secret: authSecret(), maxAge: 30 * 24 * 3600 });
    } finally {
      mock.timers.reset();
    }
  };
  const open = async (c: string) => viewerFromToken(await decode({ token: c, secret: authSecret() }));
  assert.ok(await open(await cookie(1)), "a cookie used a minute ago is a session");
  assert.equal(await open(await cookie(SESSION_IDLE_MINUTES + 14)), null, "idle past the limit: nothing opens");
  assert.equal(await open(await cookie(1, SESSION_MAX_HOURS + 1)), null, "past the absolute limit, though active: nothing opens");

  // The renewal (/api/auth/session runs the jwt callback) refuses the same tokens, so next-auth
  // answers an empty session and clears the cookie.
  const renew = async (c: string) => authOptions().callbacks!.jwt!({ token: (await decode({ token: c, secret: authSecret() }))! } as never);
  assert.ok(await renew(await cookie(1)));
  await assert.rejects(renew(await cookie(SESSION_IDLE_MINUTES + 14)), /session ended/);
  await assert.rejects(renew(await cookie(1, SESSION_MAX_HOURS + 1)), /session ended/);
  const live = await cookie(1);
  await db().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
  await assert.rejects(renew(live), /session ended/, "a revoked session is not renewed");
  // A token next-auth issues now carries the idle limit as its expiry, not 30 days.
  assert.equal(authOptions().jwt?.maxAge, SESSION_IDLE_MINUTES * 60);
});

test("an IdP sign-in needs a verified e-mail the first time, is bound to the IdP account, and that binding decides afterwards (issue 26)", async () => {
  const { signIn, jwt } = authOptions().callbacks!;
  const admin = await db().user.findUniqueOrThrow({ where: { email: "admin@sollentuna.example" }, select: { id: true } });
  const issuer = "https://idp.example.se";
  const attempt = (sub: string, claims: Record<string, unknown>) => {
    const profile = { iss: issuer, sub, ...claims };
    const account = { provider: "oidc", providerAccountId: sub, type: "oauth" as const };
    return { ok: signIn!({ user: { id: sub }, account, profile } as never), token: () => jwt!({ token: {}, user: { id: sub }, account, profile } as never) };
  };
  const denials = (reason: string) => db().auditEvent.count({ where: { action: "auth:login", outcome: "DENIED", details: { path: ["reason"], equals: reason } } });

  // The probe: an IdP account claiming the administrator's address, unverified.
  const before = await denials("unverified-email");
  assert.equal(await attempt("attacker-1", { email: "admin@sollentuna.example", email_verified: false }).ok, false);
  assert.equal(await attempt("attacker-1", { email: "admin@sollentuna.example" }).ok, false, "no claim is no verification");
  assert.equal(await denials("unverified-email"), before + 2, "each refusal is in the audit log");
  assert.equal(await db().userIdentity.count(), 0, "nothing bound");

  // The real administrator, verified: bound to issuer + subject at the first sign-in.
  const real = attempt("admin-sub", { email: "Admin@Sollentuna.example", email_verified: true });
  assert.equal(await real.ok, true);
  assert.equal((await real.token()).uid, admin.id);
  assert.deepEqual(await db().userIdentity.findMany({ select: { userId: true, issuer: true, subject: true } }), [{ userId: admin.id, issuer, subject: "admin-sub" }]);
  // Afterwards the binding decides: a changed address at the IdP still signs in the same user...
  const renamed = attempt("admin-sub", { email: "ny.adress@sollentuna.example", email_verified: true });
  assert.equal(await renamed.ok, true);
  assert.equal((await renamed.token()).uid, admin.id);
  // ...and another IdP account with the same verified address signs nobody in.
  assert.equal(await attempt("attacker-2", { email: "admin@sollentuna.example", email_verified: true }).ok, false);
  assert.equal(await attempt("stranger", { email: "nobody@example.se", email_verified: true }).ok, false, "no self-provisioning");
});
