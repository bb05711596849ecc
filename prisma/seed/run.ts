import type { PrismaClient } from "../../lib/generated/prisma/client";
import { seedDemoData, seedGoals } from "./demo-data";
import { seedMunicipality, type SeededMunicipality } from "./municipality";
import { NEIGHBOURS, SOLLENTUNA } from "./reference";
import { seedUsers, type CreatedCredential } from "./users";

export type SeedResult = { municipalities: number; incidents: number; created: CreatedCredential[] };

/** Idempotent: running it again changes nothing and reveals no passwords. */
export async function runSeed(db: PrismaClient, options: { now?: Date; demoPassword?: string; historyWeeks?: number } = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const seeded = new Map<string, SeededMunicipality>();
  for (const m of [SOLLENTUNA, ...NEIGHBOURS]) seeded.set(m.slug, await seedMunicipality(db, m, now));
  const sollentuna = seeded.get(SOLLENTUNA.slug)!;
  const incidents = await seedDemoData(db, SOLLENTUNA, sollentuna, now, options.historyWeeks);
  await seedGoals(db, sollentuna, now);
  const created = await seedUsers(db, seeded, options.demoPassword);
  return { municipalities: seeded.size, incidents, created };
}
