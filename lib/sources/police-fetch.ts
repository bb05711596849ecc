import "server-only";
import { db } from "@/lib/db";
import { readBodyCapped } from "@/lib/http/body";
import { isPoliceEventIn, parsePoliceEvents, storePoliceEvents } from "./police-events";

/** The Police's list holds the latest 500 events, about 300 kB; a hundred times that is not it. */
const MAX_BYTES = 32 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

export class PoliceFetchError extends Error {}

/**
 * The worker's scheduled fetch (POLICE_EVENTS_URL, e.g. https://polisen.se/api/events): the list
 * is read once and each municipality keeps its own events, by the same import as a file (one row
 * per id, the event's own time). A failed fetch, a body too large or of the wrong shape stores
 * nothing and throws, so the job is retried and the log says why.
 */
export async function fetchPoliceEvents(url: string): Promise<{ municipality: string; inserted: number; updated: number }[]> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: "application/json" }, redirect: "follow" });
  } catch (error) {
    throw new PoliceFetchError(`Polisens händelser kunde inte hämtas från ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new PoliceFetchError(`Polisens händelser: ${url} svarade ${response.status}.`);
  const bytes = await readBodyCapped(response, MAX_BYTES);
  if (!bytes) throw new PoliceFetchError(`Polisens händelser: svaret från ${url} är större än ${MAX_BYTES / 1024 / 1024} MB.`);
  // Parsed and checked once; each municipality with items in the list stores its own.
  const items = parsePoliceEvents(Buffer.from(bytes));
  const results = [];
  for (const municipality of await db().municipality.findMany({ select: { id: true, slug: true, name: true }, orderBy: { slug: "asc" } })) {
    if (!items.some(isPoliceEventIn(municipality.name))) continue;
    const r = await storePoliceEvents(items, municipality);
    if (r.inserted || r.updated) results.push({ municipality: municipality.slug, inserted: r.inserted, updated: r.updated });
  }
  return results;
}
