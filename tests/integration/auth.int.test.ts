import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { SIGN_IN_LIMITS, verifyCredentials } from "@/lib/auth/credentials";
import { loadViewer } from "@/lib/auth/load-viewer";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const PASSWORD = "correct horse battery";

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: PASSWORD, historyWeeks: 1 });
});
after(() => disconnectDb());

const deniedLogins = () => db().auditEvent.count({ where: { action: "auth:login", outcome: "DENIED" } });

test("the right password signs in; e-mail case does not matter", async () => {
  const user = await verifyCredentials({ email: "Rapportor@Sollentunahem.example", password: PASSWORD });
  assert.equal(user?.email, "rapportor@sollentunahem.example");
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

test("brute force: after ten failures an account refuses even the right password for a while, with the same answer; others are unaffected", async () => {
  const email = "polis@polisen.example";
  const t0 = new Date();
  for (let i = 0; i < SIGN_IN_LIMITS.account.limit; i++) assert.equal(await verifyCredentials({ email, password: `guess-${i}` }, "198.51.100.7", t0), null);
  assert.equal(await verifyCredentials({ email, password: PASSWORD }, "203.0.113.9", t0), null, "the right password from elsewhere is refused too");
  const last = await db().auditEvent.findFirstOrThrow({ where: { action: "auth:login" }, orderBy: { id: "desc" }, select: { details: true } });
  assert.equal((last.details as { reason: string }).reason, "throttled");
  assert.ok(await verifyCredentials({ email: "samordnare@sollentuna.example", password: PASSWORD }, "198.51.100.7", t0), "another account signs in");
  // The limit lives in the database (shared by every app instance) and expires with its window.
  assert.ok(await db().rateLimitHit.count({ where: { key: { startsWith: "sign-in-account:" } } }) >= SIGN_IN_LIMITS.account.limit);
  const later = new Date(t0.getTime() + SIGN_IN_LIMITS.account.windowSeconds * 1000 + 1000);
  assert.equal((await verifyCredentials({ email, password: PASSWORD }, "203.0.113.9", later))?.email, email);
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
