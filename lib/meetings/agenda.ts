// What each kind of EST group discusses, as the agenda a new meeting starts from. Pure.
// Items other than "custom" show the group's own data for the meeting's period (agenda-content.ts).
import type { GroupKind } from "@/lib/generated/prisma/enums";

export const AGENDA_KIND = {
  lagesbild: "Veckans lägesbild",
  flags: "Flaggor i lägesbilden",
  "measures-due": "Åtgärder som förfaller",
  silent: "Organisationer som inte rapporterat",
  "quarter-pack": "Kvartalets händelser mot tidigare kvartal",
  "area-goals": "Områdesmål och deras åtgärder",
  "problem-pictures": "Problembilder: platser som återkommer",
  tertial: "Tertialanalysen",
  indicators: "Indikatorer för Inga utsatta områden 2030",
  agreement: "Samverkansöverenskommelsen med polisen",
  insatser: "Pågående EST Insatser",
  "insats-picture": "Insatsens lägesbild sedan förra mötet",
  "insats-measures": "Insatsens åtgärder",
  custom: "Egen punkt",
} as const;

export type AgendaKind = keyof typeof AGENDA_KIND;

const BY_GROUP: Record<GroupKind, AgendaKind[]> = {
  VECKO: ["lagesbild", "flags", "measures-due", "silent"],
  FORDJUPNING: ["quarter-pack", "area-goals", "problem-pictures"],
  STRATEGISK: ["tertial", "indicators", "agreement", "insatser"],
  LEDNING: ["tertial", "indicators", "agreement", "insatser"],
  INSATS: ["insats-picture", "insats-measures"],
  OTHER: ["measures-due"],
};

/** The agenda a meeting of this kind of group starts from: data items, then "Övriga frågor". */
export function defaultAgenda(kind: GroupKind): { position: number; kind: AgendaKind; title: string }[] {
  const items = [...BY_GROUP[kind].map((k) => ({ kind: k, title: AGENDA_KIND[k] as string })), { kind: "custom" as const, title: "Övriga frågor" }];
  return items.map((item, i) => ({ ...item, position: i + 1 }));
}

export const isAgendaKind = (k: string): k is AgendaKind => k in AGENDA_KIND;
