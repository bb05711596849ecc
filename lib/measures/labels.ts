// Swedish names of an action's status and effect verdict, shared by every view, export and message.
import { VERDICTS } from "./schema";

type Status = "PLANNED" | "ONGOING" | "DONE" | "CANCELLED";

export const MEASURE_STATUS_LABEL: Record<Status, string> = { PLANNED: "Planerad", ONGOING: "Pågår", DONE: "Genomförd", CANCELLED: "Avbruten" };
export const MEASURE_STATUS_TONE = { PLANNED: "info", ONGOING: "warn", DONE: "ok", CANCELLED: "danger" } as const;

/** The verdict's label; a code stored before the list changed is shown as it is. */
export const verdictLabel = (code: string | null) => (code ? (VERDICTS[code as keyof typeof VERDICTS] ?? code) : null);
