import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// One PrismaClient per process (kept across hot reloads in development). Created on first use
// so that building the app needs no database.
const holder = globalThis as unknown as { estPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!holder.estPrisma) {
    const adapter = new PrismaPg(
      { connectionString: env().DATABASE_URL, max: env().DB_POOL_MAX, connectionTimeoutMillis: 5_000 },
      // An idle client killed by a database restart must not crash the server; the pool
      // reconnects on the next query.
      { onPoolError: (err) => logger.warn({ err: err.message }, "database pool error") },
    );
    holder.estPrisma = new PrismaClient({ adapter });
  }
  return holder.estPrisma;
}

/** Closes the pool if one was opened (command-line tools call this before exiting). */
export async function disconnectDb(): Promise<void> {
  await holder.estPrisma?.$disconnect().catch(() => {});
  holder.estPrisma = undefined;
}
