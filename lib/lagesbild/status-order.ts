import type { AreaStatusLevel } from "@/lib/generated/prisma/enums";

const SEVERITY: Record<AreaStatusLevel, number> = { RED: 0, YELLOW: 1, GREEN: 2 };
const byName = new Intl.Collator("sv").compare;

/**
 * Area statuses in the one order every view and print of a lägesbild uses: the most serious
 * first, then by name – so red areas open the list and the same week reads the same everywhere.
 * Statuses for areas the group no longer covers keep their place by severity, nameless last.
 */
export function orderStatuses<S extends { areaId: string; level: AreaStatusLevel }>(statuses: S[], areas: { id: string; name: string }[]): (S & { name: string })[] {
  const names = new Map(areas.map((a) => [a.id, a.name]));
  return statuses
    .map((s) => ({ ...s, name: names.get(s.areaId) ?? "" }))
    .sort((a, b) => SEVERITY[a.level] - SEVERITY[b.level] || (a.name === "" ? 1 : 0) - (b.name === "" ? 1 : 0) || byName(a.name, b.name));
}
