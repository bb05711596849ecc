import type { TipKind, TipStatus } from "@/lib/generated/prisma/enums";

export const TIP_KIND_LABEL: Record<TipKind, string> = { UNSAFE_PLACE: "Otrygg plats", VANDALISM: "Skadegörelse", GATHERING: "Samling av personer", OTHER: "Annat" };
export const TIP_STATUS_LABEL: Record<TipStatus, string> = { NEW: "Nya", ACCEPTED: "Godtagna", MERGED: "Sammanslagna", CLOSED: "Avslutade" };
export const TIP_EVENT_LABEL: Record<TipStatus, string> = { NEW: "Inkom", ACCEPTED: "Godtogs som händelse", MERGED: "Slogs ihop med en händelse", CLOSED: "Avslutades" };
