// When several reports are one event (issue 25). Pure: the entry form's duplicate prompt and the
// lägesbild's flags use the same rule.

/** Reports this close in time, at the same place, in the same area and category, are one event. */
export const SAME_EVENT_MINUTES = 60;

/** A place as compared for events: case, and spaces around and between words, do not count. */
export const samePlace = (place: string) => place.trim().replace(/\s+/g, " ").toLocaleLowerCase("sv");

type Report = { areaId: string; categoryId: string; place: string; occurredAt: Date };

/**
 * Events among reports, per area and category: reports of the same place form one event as long
 * as each is within SAME_EVENT_MINUTES of the one before it (a chain of reports over an evening is
 * one event; a report two hours after the last is a new one).
 */
export function eventsByAreaCategory(reports: Report[]): Map<string, number> {
  return countEvents(reports, (r) => `${r.areaId}|${r.categoryId}`);
}

/** Events among reports, summed per `group` (which must not split an event: it may use the area,
 * the category and the place, not the time). */
export function countEvents<R extends Report>(reports: R[], group: (r: R) => string): Map<string, number> {
  const chains = new Map<string, { group: string; times: number[] }>();
  for (const r of reports) {
    const key = `${r.areaId}|${r.categoryId}|${samePlace(r.place)}`;
    const chain = chains.get(key) ?? { group: group(r), times: [] };
    chain.times.push(r.occurredAt.getTime());
    chains.set(key, chain);
  }
  const events = new Map<string, number>();
  for (const { group: g, times } of chains.values()) {
    times.sort((a, b) => a - b);
    let n = 1;
    for (let i = 1; i < times.length; i++) if (times[i]! - times[i - 1]! > SAME_EVENT_MINUTES * 60_000) n++;
    events.set(g, (events.get(g) ?? 0) + n);
  }
  return events;
}
