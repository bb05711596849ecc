// Names of an action's status and effect verdict, shared by every view, export and message. The
// texts live in the message catalogue; the constants here are the Swedish ones (exports, e-mails).
import type { Messages } from "@/lib/i18n/catalogue";
import { sv } from "@/lib/i18n/messages/sv";

type Status = "PLANNED" | "ONGOING" | "DONE" | "CANCELLED";

export const MEASURE_STATUS_LABEL: Record<Status, string> = sv.measureLabels.status;
export const MEASURE_STATUS_TONE = { PLANNED: "info", ONGOING: "warn", DONE: "ok", CANCELLED: "danger" } as const;

/** The verdict's label; a code stored before the list changed is shown as it is. */
export const verdictLabel = (code: string | null, m: Messages["measureLabels"] = sv.measureLabels) =>
  code ? ((m.verdict as Record<string, string>)[code] ?? code) : null;
