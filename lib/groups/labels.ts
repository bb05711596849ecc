// Labels for group kinds, roles and cadences, from the message catalogue. Isomorphic.
import type { Cadence, GroupKind, GroupRole } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/i18n/catalogue";
import { sv } from "@/lib/i18n/messages/sv";

type GroupMessages = Messages["groups"];

/** "Varje vecka, tisdagar kl. 09:00" / "Every week, Tuesdays at 09:00". */
export function cadenceLabel(cadence: Cadence, weekday?: number | null, time?: string | null, m: GroupMessages = sv.groups): string {
  const label = m.cadence[cadence];
  if (!weekday || !["WEEKLY", "TWICE_WEEKLY", "BIWEEKLY"].includes(cadence)) return label;
  return `${label}, ${m.onWeekdays[weekday - 1]}${time ? ` ${m.atTime.replace("{time}", time)}` : ""}`;
}

// Swedish shorthands for the screens not yet moved to the viewer's language.
export const GROUP_KIND_LABEL: Record<GroupKind, string> = sv.groups.kind;
export const GROUP_ROLE_LABEL: Record<GroupRole, string> = sv.groups.role;
