// Swedish labels for group kinds, roles and cadences. Isomorphic.
import type { Cadence, GroupKind, GroupRole } from "@/lib/generated/prisma/enums";

export const GROUP_KIND_LABEL: Record<GroupKind, string> = {
  VECKO: "EST Vecko",
  FORDJUPNING: "EST Fördjupning",
  STRATEGISK: "EST Strategisk",
  LEDNING: "EST Ledning",
  INSATS: "EST Insats",
  OTHER: "Övrig grupp",
};

export const GROUP_ROLE_LABEL: Record<GroupRole, string> = {
  MEMBER: "Medlem",
  COORDINATOR: "Samordnare",
  OBSERVER: "Observatör",
};

const WEEKDAYS = ["måndagar", "tisdagar", "onsdagar", "torsdagar", "fredagar", "lördagar", "söndagar"];

export function cadenceLabel(cadence: Cadence, weekday?: number | null, time?: string | null): string {
  const when = weekday ? ` ${WEEKDAYS[weekday - 1]}${time ? ` kl. ${time}` : ""}` : "";
  switch (cadence) {
    case "WEEKLY":
      return `Varje vecka,${when}`.replace(/,$/, "");
    case "TWICE_WEEKLY":
      return `Två gånger i veckan,${when}`.replace(/,$/, "");
    case "BIWEEKLY":
      return `Varannan vecka,${when}`.replace(/,$/, "");
    case "QUARTERLY":
      return "Fyra gånger om året (kvartalsvis)";
    case "TERTIAL":
      return "Tertialvis (tre gånger om året)";
    case "AD_HOC":
      return "Vid behov";
  }
}
