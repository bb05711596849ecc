import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import nodemailer from "nodemailer";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { flushOutbox } from "@/lib/feedback/mailer";
import { countUnread } from "@/lib/feedback/queries";
import { publishLagesbild, saveJudgement } from "@/lib/lagesbild/mutations";
import { createIncident } from "@/lib/incidents/mutations";
import { ZIncidentCreate } from "@/lib/incidents/schema";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";
import { startSmtpServer } from "../helpers/smtp";

const WEEK = "2026-W47";
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0 });
  smtp = await startSmtpServer(0);
});
after(async () => {
  await smtp.close();
  await disconnectDb();
});

test("publishing queues a digest per member of each organisation, and the worker's flush delivers it over SMTP", async () => {
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const m = await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } });
  const vecko = (await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: m.id, slug: "est-vecko" } } })).id;
  const area = await db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m.id, code: "edsberg" } } });
  const category = await db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m.id, code: "skadegorelse" } } });
  await createIncident(reporter, ZIncidentCreate.parse({ date: "2026-11-18", time: "21:30", areaId: area.id, place: "Edsbergs torg", categoryId: category.id, idempotencyKey: crypto.randomUUID() }), new Date("2026-11-25T12:00:00Z"));
  // A colleague at Sollentunahem reads the app in English, and gets the digest in English.
  const colleague = await db().user.create({ data: { email: "kollega@sollentunahem.example", name: "Kim Berg", locale: "en" } });
  const hem = await db().organisation.findFirstOrThrow({ where: { municipalityId: m.id, code: "sollentunahem" } });
  await db().membership.create({ data: { userId: colleague.id, municipalityId: m.id, organisationId: hem.id, role: "REPORTER" } });
  const saved = await saveJudgement(coordinator, { groupId: vecko, week: WEEK, version: 0, assessment: "Klotter vid torget; i övrigt lugnt.", outlook: "", resourceNotes: "", focusNotes: "", areaStatuses: [] });
  await publishLagesbild(coordinator, { groupId: vecko, week: WEEK, version: saved.version, confirmIncomplete: true });

  const outbox = await db().emailOutbox.findMany({ select: { toAddress: true, status: true } });
  assert.ok(outbox.some((o) => o.toAddress === "rapportor@sollentunahem.example"));
  assert.ok(outbox.every((o) => o.status === "PENDING"));
  const inApp = await db().notification.findMany({ where: { userId: reporter.userId }, select: { title: true, body: true } });
  assert.equal(inApp.length, 1);
  assert.match(inApp[0]!.body, /Sollentunahem AB rapporterade 1 händelse:\n– 2026-11-18 21:30 Edsbergs torg \(Skadegörelse\)/);
  assert.match(inApp[0]!.body, /Gruppens bedömning:\nKlotter vid torget; i övrigt lugnt\./);

  const transport = nodemailer.createTransport(`smtp://127.0.0.1:${smtp.port}`);
  const result = await flushOutbox(transport);
  assert.equal(result.sent, outbox.length);
  const mail = smtp.messages.find((x) => x.to.includes("rapportor@sollentunahem.example"))!;
  assert.equal(mail.subject, "Återkoppling: EST Vecko, lägesbild v. 47 2026");
  assert.match(mail.text, /Sollentunahem AB rapporterade 1 händelse/);
  const english = smtp.messages.find((x) => x.to.includes("kollega@sollentunahem.example"))!;
  assert.equal(english.subject, "Feedback: EST Vecko, lägesbild week 47 2026");
  assert.match(english.text, /^Hello,\n\nEST Vecko has published the lägesbild for week 47 2026\./);
  assert.match(english.text, /Sollentunahem AB reported 1 incident:\n– 18 Nov 2026, 21:30 Edsbergs torg \(Skadegörelse\)/);
  assert.match(english.text, /The group's assessment:\nKlotter vid torget; i övrigt lugnt\./, "what the group wrote stays as written");
  assert.doesNotMatch(english.text, /rapporterade|bedömning:|Tack för/);
  const englishInApp = await db().notification.findFirstOrThrow({ where: { userId: colleague.id } });
  assert.equal(englishInApp.title, english.subject);
  assert.ok((await db().emailOutbox.findMany()).every((o) => o.status === "SENT"));
  // Flushing again sends nothing twice.
  assert.deepEqual(await flushOutbox(transport), { sent: 0, failed: 0 });
});

test("an unreachable mail server leaves the message pending with a later retry", async () => {
  await db().emailOutbox.create({ data: { dedupeKey: "test:retry", toAddress: "x@example.se", subject: "s", body: "b" } });
  const dead = nodemailer.createTransport({ host: "127.0.0.1", port: 25_258, connectionTimeout: 2_000 });
  const result = await flushOutbox(dead);
  assert.deepEqual(result, { sent: 0, failed: 1 });
  const row = await db().emailOutbox.findUniqueOrThrow({ where: { dedupeKey: "test:retry" } });
  assert.equal(row.status, "PENDING");
  assert.equal(row.attempts, 1);
  assert.ok(row.nextAttemptAt.getTime() > Date.now());
  assert.ok(row.lastError);
});

test("the navigation's badge counts the viewer's own unread notifications, nobody else's", async () => {
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  await db().notification.deleteMany({ where: { userId: { in: [reporter.userId, coordinator.userId] } } });
  const municipalityId = reporter.memberships[0]!.municipalityId;
  const note = (userId: string, readAt: Date | null) => ({ userId, municipalityId, title: "Återkoppling", body: "", link: "/", readAt });
  await db().notification.createMany({ data: [note(reporter.userId, null), note(reporter.userId, null), note(reporter.userId, new Date()), note(coordinator.userId, null)] });
  assert.equal(await countUnread(reporter), 2);
  assert.equal(await countUnread(coordinator), 1);
  await db().notification.updateMany({ where: { userId: reporter.userId }, data: { readAt: new Date() } });
  assert.equal(await countUnread(reporter), 0);
});
