import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db";
import { storedOnce } from "@/lib/documents/archive";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

// The archive of approved documents (ADR 020): one PDF per document version, written whole or not
// at all, never rewritten.
let m: string;
let userId: string;
const pdfOf = (text: string) => new TextEncoder().encode(`%PDF-1.7 ${text}`);

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0 });
  m = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  userId = (await db().user.findUniqueOrThrow({ where: { email: "ledning@sollentuna.example" } })).id;
});
after(disconnectDb);

test("a render that fails stores nothing, and the next request makes the document", async () => {
  const key = { municipalityId: m, kind: "tertial" as const, documentId: randomUUID(), version: 3 };
  await assert.rejects(storedOnce(key, async () => { throw new Error("Chromium crashed"); }, userId), /Chromium crashed/);
  assert.equal(await db().documentArchive.count({ where: { documentId: key.documentId } }), 0);
  const stored = await storedOnce(key, async () => pdfOf("first"), userId);
  assert.equal(stored.sha256, createHash("sha256").update(pdfOf("first")).digest("hex"));
});

test("two downloads that race keep one PDF; later renders never replace it", async () => {
  const key = { municipalityId: m, kind: "lagesbild" as const, documentId: randomUUID(), version: 2 };
  const [a, b] = await Promise.all([storedOnce(key, async () => pdfOf("a"), userId), storedOnce(key, async () => pdfOf("b"), userId)]);
  assert.equal(a.sha256, b.sha256);
  assert.deepEqual(Buffer.from(a.pdf), Buffer.from(b.pdf));
  const later = await storedOnce(key, async () => pdfOf("edited afterwards"), userId);
  assert.deepEqual(Buffer.from(later.pdf), Buffer.from(a.pdf));
  assert.equal(await db().documentArchive.count({ where: { documentId: key.documentId } }), 1);
  // The archiving is in the access log, with the hash.
  const logged = await db().auditEvent.findFirst({ where: { action: "document:archive", entityId: key.documentId } });
  assert.equal((logged?.details as { sha256?: string } | null)?.sha256, a.sha256);
  // A new approval is a new version and a new PDF.
  const next = await storedOnce({ ...key, version: 3 }, async () => pdfOf("v3"), userId);
  assert.notEqual(next.sha256, a.sha256);
});

test("the database refuses to rewrite an archived PDF or store a malformed hash", async () => {
  const key = { municipalityId: m, kind: "law" as const, documentId: randomUUID(), version: 1 };
  await storedOnce(key, async () => pdfOf("law"), userId);
  await assert.rejects(db().$executeRaw`UPDATE document_archive SET pdf = '\\x00'::bytea WHERE "documentId" = ${key.documentId}::uuid`, /never changed/);
  await assert.rejects(db().documentArchive.create({ data: { ...key, version: 2, pdf: pdfOf("x"), sha256: "not-a-hash" } }), /document_archive_sha256_check/);
});
