// A synthetic but realistic incident history for the demo: weekly and seasonal rhythm, evening
// and weekend peaks, hotspots in the focus areas and a recent flare-up at Rotebro station.
// Deterministic for a given seed and end date.
import { addDays } from "date-fns";
import { TZDate } from "@date-fns/tz";
import { TZ } from "../../lib/time/zone";
import { weekKey } from "../../lib/time/periods";

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pickWeighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return items[items.length - 1]![0];
}

export function poisson(rand: () => number, lambda: number): number {
  let k = 0;
  let p = Math.exp(-lambda);
  let s = p;
  const u = rand();
  while (u > s) {
    k++;
    p *= lambda / k;
    s += p;
  }
  return k;
}

export type HistoryContext = {
  areas: { id: string; code: string; places: string[]; center: [number, number]; weight: number }[];
  categories: { id: string; code: string; subIds: string[] }[];
  /** `fromWeek`: the week of the history (0 = its first) the organisation began reporting in. */
  organisations: { id: string; code: string; weight: number; fromWeek?: number }[];
};

export type HistoryIncident = {
  areaId: string;
  place: string;
  latitude: number;
  longitude: number;
  occurredAt: Date;
  isoWeek: string;
  categoryId: string;
  subcategoryId: string | null;
  description: string;
  policeReported: boolean;
  needsFollowUp: boolean;
  reporterOrgId: string;
};

const CATEGORY_WEIGHTS: [string, number][] = [
  ["skadegorelse", 30], ["samling", 20], ["ordningsstorning", 30], ["otrygg_plats", 8],
  ["incident_mot_anstalld", 5], ["arrangemang", 2], ["ovrigt", 5],
];
const HOUR_WEIGHTS: [number, number][] = Array.from({ length: 24 }, (_, h) => [h, h >= 18 || h <= 1 ? 6 : h >= 2 && h <= 6 ? 1.5 : h >= 14 ? 3 : 1.2]);
const SEASON = [0.75, 0.7, 0.85, 0.95, 1.1, 1.25, 1.2, 1.25, 1.1, 1.0, 0.9, 0.85];
const DESCRIPTIONS: Record<string, string[]> = {
  skadegorelse: ["Nytt klotter på fasaden.", "Krossad ruta i entrédörr.", "Brand i papperskorg, släckt.", "Sönderslagen belysning."],
  samling: ["Grupp om ca 10 ungdomar samlades, stökigt.", "Personer uppehöll sig i trapphuset sent på kvällen.", "Samling i garaget, nedskräpat efteråt."],
  ordningsstorning: ["Bråk mellan flera personer, upplöstes.", "Misstänkt droghantering vid entrén.", "Buskörning med moped på gångvägen.", "Mycket nedskräpning efter helgen."],
  otrygg_plats: ["Trasig belysning gör platsen mörk.", "Buskage skymmer insynen.", "Ödslig plats kvällstid, flera har hört av sig."],
  incident_mot_anstalld: ["Personal hotades verbalt i tjänsten.", "Personal hindrades att utföra sitt arbete."],
  arrangemang: ["Planerat evenemang med många besökare."],
  ovrigt: ["Övrig iakttagelse utan akut behov."],
};

export function generateHistory(ctx: HistoryContext, end: Date, weeks: number, seed = 20230201): HistoryIncident[] {
  const rand = mulberry32(seed);
  const out: HistoryIncident[] = [];
  const endLocal = new TZDate(end.getTime(), TZ);
  const first = addDays(new TZDate(endLocal.getFullYear(), endLocal.getMonth(), endLocal.getDate(), TZ), -weeks * 7);
  const areaItems = ctx.areas.map((a) => [a, a.weight] as const);
  // Organisations join over the first weeks, as partners do (reporting coverage shows it).
  const orgsOn = (weekIndex: number) => ctx.organisations.filter((o) => (o.fromWeek ?? 0) <= weekIndex).map((o) => [o, o.weight] as const);
  const rotebro = ctx.areas.find((a) => a.code === "rotebro");

  for (let day = first; day.getTime() < end.getTime(); day = addDays(day, 1)) {
    const weekend = day.getDay() === 5 || day.getDay() === 6 ? 1.4 : 1;
    const daysLeft = (end.getTime() - day.getTime()) / 86_400_000;
    const lambda = 5.2 * SEASON[day.getMonth()]! * weekend;
    // The Rotebro flare-up behind the current EST Insats: the last five weeks.
    const flare = rotebro && daysLeft < 35 ? poisson(rand, 1.6) : 0;
    const count = poisson(rand, lambda) + flare;
    for (let i = 0; i < count; i++) {
      const isFlare = i >= count - flare;
      const area = isFlare ? rotebro! : pickWeighted(rand, areaItems);
      const categoryCode = isFlare ? pickWeighted(rand, [["samling", 3], ["ordningsstorning", 3], ["skadegorelse", 1]] as const) : pickWeighted(rand, CATEGORY_WEIGHTS);
      const category = ctx.categories.find((c) => c.code === categoryCode)!;
      const hour = pickWeighted(rand, HOUR_WEIGHTS);
      const occurredAt = new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hour, Math.floor(rand() * 60), TZ).getTime());
      if (occurredAt.getTime() >= end.getTime()) continue;
      // Hotspots: the first places of an area get most incidents.
      const placeIndex = isFlare ? 0 : Math.min(area.places.length - 1, Math.floor(Math.pow(rand(), 2.2) * area.places.length));
      const texts = DESCRIPTIONS[categoryCode]!;
      out.push({
        areaId: area.id,
        place: area.places[placeIndex]!,
        latitude: round(area.center[0] + (placeIndex - 2) * 0.0021 + (rand() - 0.5) * 0.0012),
        longitude: round(area.center[1] + ((placeIndex * 7) % 5 - 2) * 0.0034 + (rand() - 0.5) * 0.002),
        occurredAt,
        isoWeek: weekKey(occurredAt),
        categoryId: category.id,
        subcategoryId: category.subIds.length ? category.subIds[Math.floor(rand() * category.subIds.length)]! : null,
        description: texts[Math.floor(rand() * texts.length)]!,
        policeReported: rand() < 0.25,
        needsFollowUp: rand() < 0.1,
        reporterOrgId: pickWeighted(rand, orgsOn(Math.floor((day.getTime() - first.getTime()) / (7 * 86_400_000)))).id,
      });
    }
  }
  return out;
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;
