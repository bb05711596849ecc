// Idempotent seed: Sollentuna (slug "sollentuna") with its EST groups, kommundelar, goals and
// demo users, the two neighbours lokalpolisområde Sollentuna also covers, and (once) a synthetic
// two-year incident history. Run with `npm run db:seed`.
import { db } from "../lib/db";
import { seedDemoData, seedGoals } from "./seed/demo-data";
import { seedMunicipality, type SeededMunicipality } from "./seed/municipality";
import { NEIGHBOURS, SOLLENTUNA } from "./seed/reference";
import { seedUsers } from "./seed/users";

async function main() {
  const now = new Date();
  const client = db();
  const seeded = new Map<string, SeededMunicipality>();
  for (const m of [SOLLENTUNA, ...NEIGHBOURS]) seeded.set(m.slug, await seedMunicipality(client, m, now));
  const incidents = await seedDemoData(client, SOLLENTUNA, seeded.get("sollentuna")!, now);
  await seedGoals(client, seeded.get("sollentuna")!, now);
  const created = await seedUsers(client, seeded, process.env.EST_DEMO_PASSWORD || undefined);

  console.log(`Seed klar: ${seeded.size} kommuner${incidents ? `, ${incidents} syntetiska händelser` : ""}.`);
  if (created.length > 0) {
    console.log("\nDemoanvändare (lösenorden visas bara nu – spara dem):");
    for (const c of created) console.log(`  ${c.email.padEnd(36)} ${c.password.padEnd(18)} ${c.title}`);
    console.log("");
  }
  await client.$disconnect();
}

main().catch((err) => {
  console.error("Seed misslyckades:", err instanceof Error ? err.message : err);
  process.exit(1);
});
