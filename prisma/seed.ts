// Idempotent seed: Sollentuna (slug "sollentuna") with its EST groups, kommundelar, goals and
// demo users, the two neighbours lokalpolisområde Sollentuna also covers, and (once) a synthetic
// two-year incident history. Run with `npm run db:seed`.
import { db } from "../lib/db";
import { runSeed } from "./seed/run";

async function main() {
  const client = db();
  // Tests set a known demo password; a real first start gets random ones, printed once.
  const result = await runSeed(client, { demoPassword: process.env.EST_DEMO_PASSWORD || undefined });
  console.log(`Seed klar: ${result.municipalities} kommuner${result.incidents ? `, ${result.incidents} syntetiska händelser` : ""}.`);
  if (result.created.length > 0) {
    console.log("\nDemoanvändare (lösenorden visas bara nu – spara dem):");
    for (const c of result.created) console.log(`  ${c.email.padEnd(36)} ${c.password.padEnd(18)} ${c.title}`);
    console.log("");
  }
  await client.$disconnect();
}

main().catch((err) => {
  console.error("Seed misslyckades:", err instanceof Error ? err.message : err);
  process.exit(1);
});
