import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { shiftPeriod, weekKey } from "@/lib/time/periods";
import { lagesbildAsShown } from "./queries";

export const RECENT_WEEKS = 8;

export type RecentFlag = {
  area: { id: string; name: string };
  category: { id: string; label: string };
  /** The weeks it was flagged, newest first. */
  weeks: string[];
  /** Events in the newest of them. */
  count: number;
};

/**
 * The flags of a group's last eight weeks (this one included), one row per area and category with
 * the weeks it was flagged – so the coordinator need not page back week by week. Each week's flags
 * are those its lägesbild shows: frozen once published, live before. Callers load the group
 * through getGroupForViewer first; reading these is not another view of each week (no audit row).
 */
export async function recentFlags(viewer: Viewer, groupId: string, now = new Date()): Promise<RecentFlag[]> {
  const current = weekKey(now);
  const weeks = Array.from({ length: RECENT_WEEKS }, (_, i) => shiftPeriod(current, -i));
  const byCell = new Map<string, RecentFlag>();
  // One week at a time, newest first: a draft is a handful of reads, and eight at once would take
  // that many pool connections from the other requests.
  for (const week of weeks) {
    const picture = await lagesbildAsShown(viewer, groupId, week);
    for (const fl of picture.flags) {
      const key = `${fl.area.id}|${fl.category.id}`;
      const seen = byCell.get(key);
      if (seen) seen.weeks.push(week);
      else byCell.set(key, { area: { id: fl.area.id, name: fl.area.name }, category: { id: fl.category.id, label: fl.category.label }, weeks: [week], count: fl.cell.count });
    }
  }
  // Newest first; among flags of the same week, those flagged in more weeks first.
  return [...byCell.values()].sort((a, b) => b.weeks[0]!.localeCompare(a.weeks[0]!) || b.weeks.length - a.weeks.length || a.area.name.localeCompare(b.area.name, "sv"));
}
