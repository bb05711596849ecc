// Backup and restore with PostgreSQL's own tools (pg_dump custom format, pg_restore). The client
// tools must be the server's major version or newer; the message says so when they are not.
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, openSync } from "node:fs";

export class BackupError extends Error {}

/** pg_dump and pg_restore take a libpq URL: Prisma's extra query parameters are dropped. */
function libpqUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  for (const key of [...url.searchParams.keys()]) if (!["sslmode", "sslrootcert", "sslcert", "sslkey", "host", "port"].includes(key)) url.searchParams.delete(key);
  return url.toString();
}

function run(tool: string, args: string[]): void {
  const r = spawnSync(tool, args, { encoding: "utf8" });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new BackupError(`${tool} saknas. Installera PostgreSQL:s klientprogram (paketet postgresql-client) i samma huvudversion som servern.`);
  }
  if (r.status !== 0) {
    const why = (r.stderr || r.stdout || "").trim().split("\n").slice(-3).join(" ");
    throw new BackupError(/version mismatch/i.test(why) ? `${tool} är äldre än databasservern: ${why}` : `${tool} misslyckades: ${why}`);
  }
}

/** Writes the whole database (schema and data) to one file in pg_dump's custom format. */
export function backupDatabase(databaseUrl: string, file: string): void {
  // The whole database, personal data included: readable by its owner only. The file is made
  // with mode 600 before pg_dump writes into it (pg_dump keeps an existing file's mode).
  closeSync(openSync(file, "w", 0o600));
  chmodSync(file, 0o600);
  run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file, "--dbname", libpqUrl(databaseUrl)]);
  chmodSync(file, 0o600);
}

/** Replaces the database's contents with the backup's, in one transaction (all or nothing). */
export function restoreDatabase(databaseUrl: string, file: string): void {
  run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", libpqUrl(databaseUrl), file]);
}
