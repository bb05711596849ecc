// A CSV file in the EST händelse-CSV v1 format for Sollentuna, `rows` rows long, for import benchmarks.
export function benchCsv(rows: number): string {
  const areas = ["Edsberg", "Tureberg", "Rotebro", "Helenelund", "Bagarby", "Häggvik", "Norrviken"];
  const cats = ["skadegorelse", "samling", "ordningsstorning", "otrygg_plats"];
  const orgs = ["Sollentunahem AB", "polis", "trygghetsvardar", "kfk"];
  const lines = ["occurred_at,area,place,category,reporter_org,description,latitude,longitude,external_id"];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2025, 0, 1) + (i % 600) * 86_400_000).toISOString().slice(0, 10);
    const hh = String(8 + (i % 15)).padStart(2, "0");
    lines.push(`${day} ${hh}:${String(i % 60).padStart(2, "0")},${areas[i % 7]},Plats ${i % 250},${cats[i % 4]},${orgs[i % 4]},"Händelse nr ${i}, inga personer",59.${4000 + (i % 900)},17.${9000 + (i % 900)},BENCH-${i}`);
  }
  return lines.join("\n") + "\n";
}
