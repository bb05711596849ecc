// A CSV file in the EST händelse-CSV v1 format for Sollentuna, `rows` rows long, for import benchmarks.
// Like an organisation's export: in time order (about 600 days), spread over seven areas, four
// categories and 250 places, and every 20th row a second report of the event in the row before
// (the same place and category, at the same minute or ten minutes later) – 5 % copies, which the
// import marks as copies (ADR 018).
export const BENCH_COPY_EVERY = 20;

export function benchCsv(rows: number): string {
  const areas = ["Edsberg", "Tureberg", "Rotebro", "Helenelund", "Bagarby", "Häggvik", "Norrviken"];
  const cats = ["skadegorelse", "samling", "ordningsstorning", "otrygg_plats"];
  const orgs = ["Sollentunahem AB", "polis", "trygghetsvardar", "kfk"];
  const perDay = Math.max(1, Math.ceil(rows / 600));
  const lines = ["occurred_at,area,place,category,reporter_org,description,latitude,longitude,external_id"];
  let event = 0;
  for (let i = 0; i < rows; i++) {
    const copy = i % BENCH_COPY_EVERY === BENCH_COPY_EVERY - 1;
    if (!copy) event = i;
    // Spread without a short period: consecutive events land in different areas and places.
    const mix = (event * 7919) % 7000;
    // Between 07:00 and 23:00 local time (never in the hour skipped when summer time begins).
    const minute = 7 * 60 + Math.floor(((event % perDay) * 16 * 60) / perDay) + (copy && i % 40 === 39 ? 10 : 0);
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(event / perDay) * 86_400_000).toISOString().slice(0, 10);
    const local = `${day} ${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
    lines.push(`${local},${areas[mix % 7]},Plats ${mix % 250},${cats[mix % 4]},${orgs[i % 4]},"Händelse nr ${i}, inga personer",59.${4000 + (mix % 900)},17.${9000 + (mix % 900)},BENCH-${i}`);
  }
  return lines.join("\n") + "\n";
}
