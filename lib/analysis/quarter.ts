import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import { getGroupForViewer } from "@/lib/groups/queries";
import { isPeriodKey } from "@/lib/time/periods";
import { getGoalFollowUps } from "@/lib/goals/follow-ups";
import { computeAnalysis } from "./load";

/**
 * The quarterly pack a Fördjupning group meets over: the analysis engine over one quarter and the
 * group's own areas, with their goals and actions. Visible to whoever may see the group.
 */
export async function getQuarterPack(viewer: Viewer, groupId: string, quarter: string, now = new Date()) {
  if (!isPeriodKey(quarter, "quarter")) throw new DomainError("NOT_FOUND", "Kvartalet finns inte.");
  const group = await getGroupForViewer(viewer, groupId, now);
  if (group.areas.length === 0) throw new DomainError("NOT_FOUND", "Gruppen har inga kommundelar att ta fram ett kvartalsunderlag för.");
  const areaIds = group.areas.map((a) => a.id);
  const [analysis, goals] = await Promise.all([computeAnalysis(group.municipalityId, quarter, areaIds), getGoalFollowUps(areaIds, quarter)]);
  return { group: { id: group.id, name: group.name, kind: group.kind, municipality: group.municipality.name, canManage: group.canManage }, analysis, goals };
}
