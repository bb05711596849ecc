// Test helpers for the integration tier: a real PostgreSQL (scripts/with-test-db.mjs).
import { db } from "@/lib/db";

if (!/@(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(process.env.DATABASE_URL ?? "")) {
  throw new Error("Integration tests refuse to run against a non-local DATABASE_URL.");
}

/** Empties every table (the migrations table excepted) so each test file starts clean. */
export async function resetDatabase(): Promise<void> {
  const rows = await db().$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  const tables = rows.map((r) => `"${r.tablename}"`).join(", ");
  if (tables) await db().$executeRawUnsafe(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
}
