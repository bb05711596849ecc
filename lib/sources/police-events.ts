import "server-only";
// The Police's open events (polisen.se/api/events) as a source of its own, beside the EST reports
// and never counted with them (issue 28). The JSON is the API's list: id, datetime (when it was
// published), name ("07 december 10.46, Trafikolycka, Sollentuna" – the event's own date and time),
// summary, url, type, location { name, gps "lat,lon" }.
import { z } from "zod";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { fill } from "@/lib/i18n/fill";
import { periodRange } from "@/lib/time/periods";
import { resolveStockholmWall } from "@/lib/time/zone";

export const POLICE_EVENTS_SOURCE = "polisen-handelser";

const ZPoliceEvent = z.object({
  id: z.number().int().positive(),
  datetime: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$/),
  name: z.string().min(1).max(300),
  summary: z.string().max(4000).default(""),
  url: z.string().max(500).default(""),
  type: z.string().min(1).max(120),
  location: z.object({ name: z.string().min(1).max(120), gps: z.string().regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/).optional() }),
});
type PoliceEventItem = z.output<typeof ZPoliceEvent>;

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const NAME_TIME = /^(\d{1,2}) ([a-zåäö]+) (\d{1,2})[.:](\d{2})\b/i;

/** When the published time of an item is "2026-12-07 10:52:46 +01:00". */
export function publishedAt(datetime: string): Date {
  const [day, time, offset] = datetime.split(" ") as [string, string, string];
  return new Date(`${day}T${time.padStart(8, "0")}${offset}`);
}

/**
 * The event's own time from its name, in Stockholm time, in the year that puts it at or before its
 * publication (an event of 31 December published on 2 January belongs to the year before); null
 * when the name holds no date.
 */
export function eventTime(name: string, published: Date): Date | null {
  const m = NAME_TIME.exec(name.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  const [day, hour, minute] = [Number(m[1]), Number(m[3]), Number(m[4])];
  if (month === 0 || hour > 23 || minute > 59) return null;
  const year = Number(published.toISOString().slice(0, 4));
  for (const y of [year, year - 1]) {
    const r = resolveStockholmWall({ year: y, month, day, hour, minute });
    if (r.kind === "nonexistent") continue;
    // A day later than published is last year's (a day of slack for clocks and late listings).
    if (r.instant.getTime() <= published.getTime() + 86_400_000) return r.instant;
  }
  return null;
}

/** The municipality's name as the Police write a location ("Sollentuna kommun" → "sollentuna"). */
export const placeName = (name: string) => name.trim().toLowerCase().replace(/\s+(kommun|stad)$/, "");

export type PoliceImportReport = {
  items: number;
  /** Items of other municipalities (or of the county), skipped. */
  otherPlaces: number;
  /** The same id listed more than once in the file: kept once. */
  repeated: number;
  inserted: number;
  updated: number;
  /** Items whose name held no date: the time of publication was used. */
  timeFromPublished: number;
};

/**
 * Imports the Police's events for one municipality: only items whose location is the
 * municipality, one row per event id (a later listing updates it), all in one transaction. JSON
 * that is not the API's list is refused with the first offending item; nothing is stored then.
 */
export async function importPoliceEvents(json: string | Buffer, municipalitySlug: string): Promise<PoliceImportReport> {
  const municipality = await db().municipality.findUnique({ where: { slug: municipalitySlug }, select: { id: true, name: true } });
  if (!municipality) throw new DomainError("NOT_FOUND", `Kommunen "${municipalitySlug}" finns inte.`);
  return storePoliceEvents(parsePoliceEvents(json), municipality);
}

/** The Police's list, every item checked; the first that is not of its shape is the error. */
export function parsePoliceEvents(json: string | Buffer): PoliceEventItem[] {
  let data: unknown;
  try {
    data = JSON.parse(typeof json === "string" ? json : json.toString("utf8"));
  } catch {
    throw new DomainError("INVALID", "Filen är inte giltig JSON.");
  }
  if (!Array.isArray(data)) throw new DomainError("INVALID", "Filen är inte Polisens lista över händelser (en JSON-lista med id, datetime, name, type och location).");
  const items: PoliceEventItem[] = [];
  for (const [index, raw] of data.entries()) {
    const parsed = ZPoliceEvent.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const id = (raw as { id?: unknown })?.id;
      throw new DomainError("INVALID", fill("Post {index} (id {id}) har inte Polisens form: fältet {field} saknas eller är fel. Inget sparades.", {
        index: index + 1, id: typeof id === "number" || typeof id === "string" ? String(id) : "saknas", field: issue.path.join(".") || "posten",
      }));
    }
    items.push(parsed.data);
  }
  return items;
}

/** Whether an item of the list is about the municipality of this name. */
export const isPoliceEventIn = (municipalityName: string) => {
  const place = placeName(municipalityName);
  return (item: PoliceEventItem) => placeName(item.location.name) === place;
};

/** Stores the municipality's items of a parsed list, one row per event id, in one transaction. */
export async function storePoliceEvents(items: PoliceEventItem[], municipality: { id: string; name: string }): Promise<PoliceImportReport> {
  const isHere = isPoliceEventIn(municipality.name);
  const byId = new Map<number, PoliceEventItem>();
  let otherPlaces = 0;
  for (const item of items) {
    if (!isHere(item)) otherPlaces++;
    else byId.set(item.id, item);
  }
  const mine = [...byId.values()];
  const report: PoliceImportReport = { items: items.length, otherPlaces, repeated: items.length - otherPlaces - mine.length, inserted: 0, updated: 0, timeFromPublished: 0 };
  const rows = mine.map((item) => {
    const published = publishedAt(item.datetime);
    const occurred = eventTime(item.name, published);
    if (!occurred) report.timeFromPublished++;
    const [lat, lon] = item.location.gps ? item.location.gps.split(",").map(Number) : [null, null];
    return { item, published, occurred: occurred ?? published, lat, lon };
  });
  await db().$transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 5000) {
      const b = rows.slice(i, i + 5000);
      const written = await tx.$queryRaw<{ inserted: boolean }[]>(Prisma.sql`
        INSERT INTO police_event ("municipalityId", "policeId", "occurredAt", "publishedAt", type, name, summary, url, "locationName", latitude, longitude)
        SELECT ${municipality.id}::uuid, pid, o, p, t, n, s, u, l, lat, lon
        FROM unnest(${b.map((r) => r.item.id)}::bigint[], ${b.map((r) => r.occurred)}::timestamptz[], ${b.map((r) => r.published)}::timestamptz[],
                    ${b.map((r) => r.item.type)}::text[], ${b.map((r) => r.item.name)}::text[], ${b.map((r) => r.item.summary)}::text[],
                    ${b.map((r) => r.item.url)}::text[], ${b.map((r) => r.item.location.name)}::text[], ${b.map((r) => r.lat)}::float8[], ${b.map((r) => r.lon)}::float8[])
             AS t(pid, o, p, t, n, s, u, l, lat, lon)
        ON CONFLICT ("municipalityId", "policeId") DO UPDATE SET
          "occurredAt" = EXCLUDED."occurredAt", "publishedAt" = EXCLUDED."publishedAt", type = EXCLUDED.type, name = EXCLUDED.name,
          summary = EXCLUDED.summary, url = EXCLUDED.url, "locationName" = EXCLUDED."locationName", latitude = EXCLUDED.latitude,
          longitude = EXCLUDED.longitude, "importedAt" = now()
        RETURNING (xmax = 0) AS inserted`);
      report.inserted += written.filter((w) => w.inserted).length;
      report.updated += written.filter((w) => !w.inserted).length;
    }
  });
  return report;
}

export type PoliceRollup = { municipality: string; period: string; source: typeof POLICE_EVENTS_SOURCE; total: number; rows: { type: string; count: number }[] };

/** The Police's events of a municipality in a period, by type, most first (by when they happened). */
export async function policeEventRollup(municipalitySlug: string, period: string): Promise<PoliceRollup> {
  const municipality = await db().municipality.findUnique({ where: { slug: municipalitySlug }, select: { id: true } });
  if (!municipality) throw new DomainError("NOT_FOUND", `Kommunen "${municipalitySlug}" finns inte.`);
  const { start, end } = periodRange(period);
  const rows = await queryRows<{ type: string; count: number }>(Prisma.sql`
    SELECT type, count(*)::int AS count FROM police_event
    WHERE "municipalityId" = ${municipality.id}::uuid AND "occurredAt" >= ${start} AND "occurredAt" < ${end}
    GROUP BY type ORDER BY count(*) DESC, type`);
  return { municipality: municipalitySlug, period, source: POLICE_EVENTS_SOURCE, total: rows.reduce((n, r) => n + r.count, 0), rows };
}

/**
 * The Police's events of a municipality in [start, end) by type, for a document's Kartläggning,
 * and the span the imported events cover (first to last event time), so that a period the import
 * does not cover is said to be so rather than shown as quiet.
 */
export async function policeEventsForPeriod(municipalityId: string, range: { start: Date; end: Date }) {
  const [rows, [span]] = await Promise.all([
    queryRows<{ type: string; count: number }>(Prisma.sql`
      SELECT type, count(*)::int AS count FROM police_event
      WHERE "municipalityId" = ${municipalityId}::uuid AND "occurredAt" >= ${range.start} AND "occurredAt" < ${range.end}
      GROUP BY type ORDER BY count(*) DESC, type`),
    queryRows<{ first: Date | null; last: Date | null }>(Prisma.sql`
      SELECT min("occurredAt") AS first, max("occurredAt") AS last FROM police_event WHERE "municipalityId" = ${municipalityId}::uuid`),
  ]);
  if (!span?.first || !span.last) return null;
  return {
    total: rows.reduce((n, r) => n + r.count, 0),
    rows,
    importedFrom: span.first.toISOString(),
    importedTo: span.last.toISOString(),
    /** Whether imported events reach both ends of the period (within a day). */
    covers: span.first.getTime() <= range.start.getTime() + 86_400_000 && span.last.getTime() >= range.end.getTime() - 86_400_000,
  };
}
