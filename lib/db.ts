import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// One connection pool and one PrismaClient on top of it per process (kept across hot reloads in
// development). Created on first use so that building the app needs no database.
const holder = globalThis as unknown as { estPrisma?: PrismaClient; estPool?: pg.Pool };

/** The pool itself, for the few read paths measured against hand-written SQL (ADR 008): a
 * parameterised `pool().query(text, values)` skips the ORM's per-query cost. */
export function pool(): pg.Pool {
  if (!holder.estPool) {
    holder.estPool = new pg.Pool({ connectionString: env().DATABASE_URL, max: env().DB_POOL_MAX, connectionTimeoutMillis: 5_000 });
    // An idle client killed by a database restart must not crash the server; the pool
    // reconnects on the next query.
    holder.estPool.on("error", (err) => logger.warn({ err: err.message }, "database pool error"));
  }
  return holder.estPool;
}

/** Runs a statement built with `Prisma.sql` on the pool: the same parameterised SQL as `$queryRaw`
 * at about a quarter of its CPU, with no engine in between (ADR 006). For the reads every request
 * makes. node-postgres decodes the rows: a bigint comes back as a string, so counts are cast to int. */
export async function queryRows<T>(statement: Prisma.Sql): Promise<T[]> {
  const { rows } = await pool().query(statement.text, statement.values);
  return rows as T[];
}

export function db(): PrismaClient {
  if (!holder.estPrisma) holder.estPrisma = new PrismaClient({ adapter: new PrismaPg(pool()) });
  return holder.estPrisma;
}

/** Closes the pool if one was opened (command-line tools call this before exiting). */
export async function disconnectDb(): Promise<void> {
  const { estPrisma, estPool } = holder;
  holder.estPrisma = undefined;
  holder.estPool = undefined;
  await estPrisma?.$disconnect().catch(() => {});
  await estPool?.end().catch(() => {});
}
