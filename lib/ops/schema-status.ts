// What `npm run est -- check` reports before and after an upgrade: the database's schema version
// (its newest applied migration), the committed migrations it has not had yet, and any it has that
// this code does not know (a database from a newer release – do not run older code on it).
import { readdirSync } from "node:fs";
import path from "node:path";
import { pool } from "@/lib/db";

export type SchemaStatus = {
  /** The newest migration applied, or null for an empty database. */
  version: string | null;
  applied: number;
  pending: string[];
  /** Applied, but not among this code's migrations. */
  unknown: string[];
  /** Started and neither finished nor rolled back: `prisma migrate resolve` is needed. */
  failed: string[];
};

export class SchemaStatusError extends Error {}

export function committedMigrations(dir = path.join(process.cwd(), "prisma", "migrations")): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && /^\d{14}_/.test(e.name)).map((e) => e.name).sort();
}

export async function schemaStatus(committed = committedMigrations()): Promise<SchemaStatus> {
  let rows: { name: string; finished: boolean; rolledBack: boolean }[];
  try {
    ({ rows } = await pool().query(
      `SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack" FROM _prisma_migrations`,
    ));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "42P01") return { version: null, applied: 0, pending: committed, unknown: [], failed: [] };
    if (code === "42501") throw new SchemaStatusError("Appens databasroll får inte läsa migreringstabellen. Kör kontrollen med ägarrollens adress: DATABASE_URL=$MIGRATION_DATABASE_URL npm run est -- check.");
    throw error;
  }
  const applied = rows.filter((r) => r.finished && !r.rolledBack).map((r) => r.name).sort();
  const known = new Set(committed);
  const done = new Set(applied);
  return {
    version: applied.at(-1) ?? null,
    applied: applied.length,
    pending: committed.filter((m) => !done.has(m)),
    unknown: applied.filter((m) => !known.has(m)),
    failed: rows.filter((r) => !r.finished && !r.rolledBack).map((r) => r.name).sort(),
  };
}

/** The report in Swedish, and whether the database and the code agree. */
export function describeSchemaStatus(s: SchemaStatus): { ok: boolean; lines: string[] } {
  const lines = [`Databasens schemaversion: ${s.version ?? "tom databas"} (${s.applied} migreringar).`];
  if (s.pending.length) lines.push(`Väntande migreringar (${s.pending.length}): ${s.pending.join(", ")}. Kör npx prisma migrate deploy (npm start gör det).`);
  else lines.push("Inga väntande migreringar.");
  if (s.unknown.length) lines.push(`Databasen har migreringar som den här versionen inte känner till: ${s.unknown.join(", ")}. Den kommer från en nyare version – kör inte en äldre version mot den.`);
  if (s.failed.length) lines.push(`Misslyckade migreringar: ${s.failed.join(", ")}. Se npx prisma migrate resolve.`);
  return { ok: !s.pending.length && !s.unknown.length && !s.failed.length, lines };
}
