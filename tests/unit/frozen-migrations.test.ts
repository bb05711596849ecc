import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { frozenDataViolations } from "@/lib/ops/frozen-data";

// A migration that would rewrite what a nämnd has been shown is refused here, before it reaches
// a database (issue 35). tests/system/upgrade.test.ts checks the same from the other side: a
// database made by the previous release reads back unchanged after the current migrations.
const MIGRATIONS = "prisma/migrations";

test("no committed migration rewrites, deletes, retypes or unguards frozen documents", () => {
  const dirs = readdirSync(MIGRATIONS, { withFileTypes: true }).filter((d) => d.isDirectory());
  assert.ok(dirs.length > 20, `${dirs.length} migrations found`);
  const found = dirs.flatMap((d) => frozenDataViolations(readFileSync(path.join(MIGRATIONS, d.name, "migration.sql"), "utf8")).map((v) => `${d.name}: ${v.reason}: ${v.statement}`));
  assert.deepEqual(found, []);
});

test("the check refuses each way of rewriting frozen rows", () => {
  const refused = [
    `UPDATE "lagesbild" SET "snapshot" = jsonb_set("snapshot", '{trend}', '[]') WHERE "status" = 'PUBLISHED';`,
    `update public.tertial_analysis set snapshot = null;`,
    `DELETE FROM "audit_event" WHERE "createdAt" < now() - interval '1 year';`,
    `TRUNCATE TABLE "document_archive";`,
    `DROP TABLE IF EXISTS "law_document";`,
    `ALTER TABLE "lagesbild" DROP COLUMN "snapshot";`,
    `ALTER TABLE "meeting" ALTER COLUMN "minutesStatus" TYPE "MinutesStatus_new" USING ("minutesStatus"::text::"MinutesStatus_new");`,
    `ALTER TABLE "law_document" ALTER "snapshot" SET DATA TYPE TEXT;`,
    `ALTER TABLE "decision" RENAME COLUMN "text" TO "body";`,
    `ALTER TABLE "agenda_item" DISABLE TRIGGER ALL;`,
    `DROP TRIGGER meeting_approved_readonly ON "meeting";`,
    `DROP FUNCTION meeting_part_approved_guard() CASCADE;`,
    `SET session_replication_role = replica;`,
    // A guard replaced by one that lets everything through is a guard lifted.
    `CREATE OR REPLACE FUNCTION meeting_approved_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;`,
    // Inside a function body: a trigger that rewrote approved rows later would be as bad.
    `CREATE FUNCTION tidy() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  UPDATE "lagesbild" SET "assessment" = '';\n  RETURN NULL;\nEND $$;`,
  ];
  for (const sql of refused) assert.equal(frozenDataViolations(sql).length, 1, `refused: ${sql}`);
});

test("the check lets a migration add beside frozen rows and change what is not frozen", () => {
  const allowed = [
    `ALTER TABLE "lagesbild" ADD COLUMN "type" TEXT NOT NULL DEFAULT 'weekly';`,
    `ALTER TABLE "meeting" ALTER COLUMN "location" SET DEFAULT '';`,
    `CREATE INDEX "lagesbild_status_idx" ON "lagesbild" ("status");`,
    `UPDATE "incident" SET "placeKey" = lower("place");`,
    `DELETE FROM "rate_limit_hit" WHERE "at" < now();`,
    `UPDATE "lagesbild_draft_note" SET "text" = '';`,
    `-- UPDATE "lagesbild" SET "snapshot" = NULL; (a comment, not a statement)\nSELECT 1;`,
    `ALTER TYPE "MinutesStatus" ADD VALUE 'ARCHIVED';`,
  ];
  for (const sql of allowed) assert.deepEqual(frozenDataViolations(sql), [], `allowed: ${sql}`);
});
