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

/** A statement runner bound to one transaction on the pool (`inPoolTransaction`). */
export type PoolTransaction = { $queryRaw<T = unknown>(statement: Prisma.Sql): Promise<T> };

/**
 * Runs `work` in one transaction on a client of the pool, committed when it returns and rolled
 * back when it throws: for bulk writes (the import), where the ORM's per-statement cost with
 * large parameter arrays is a fifth of the time (ADR 006, ADR 021).
 */
export async function inPoolTransaction<T>(work: (tx: PoolTransaction) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  const tx: PoolTransaction = { $queryRaw: async <R>(statement: Prisma.Sql) => (await client.query(statement.text, statement.values)).rows as R };
  try {
    await client.query("BEGIN");
    const result = await work(tx);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
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
