import { z } from "zod";
import { CADENCES } from "./codes";
import { refusePii } from "@/lib/validation/free-text";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Trimmed free text without personal data; `required` is the message when it is empty. */
const text = (max: number, required?: string) =>
  z.string().trim().min(required ? 1 : 0, required).max(max, `Högst ${max} tecken.`).superRefine(refusePii);
const day = z.string().regex(DAY, "Ange datum som ÅÅÅÅ-MM-DD.");
const time = z.string().regex(TIME, "Ange tid som TT:MM.");
const isoWeek = z.union([z.literal(""), z.coerce.number().int("Ange ett veckonummer.").min(1, "Ange en vecka mellan 1 och 53.").max(53, "Ange en vecka mellan 1 och 53.")]).default("");

/** A new cadence from a date on; the meetings from that date are laid out again. */
export const ZCadenceChange = z
  .object({
    groupId: z.uuid(),
    cadence: z.enum(Object.keys(CADENCES) as [keyof typeof CADENCES, ...(keyof typeof CADENCES)[]], "Välj mötesrytm."),
    weekday: z.coerce.number().int().min(1, "Välj veckodag.").max(7, "Välj veckodag."),
    time,
    minutes: z.coerce.number().int("Ange hela minuter.").min(15, "Minst 15 minuter.").max(480, "Högst 8 timmar."),
    fromDate: day,
    reminderLeadHours: z.coerce.number().int("Ange hela timmar.").min(1, "Minst 1 timme.").max(336, "Högst 14 dagar (336 timmar)."),
    reportingWeekday: z.union([z.literal(""), z.coerce.number().int().min(1).max(7)]).default(""),
    // A summer break by ISO week, every year: both weeks or neither.
    summerFrom: isoWeek,
    summerTo: isoWeek,
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.summerFrom === "") !== (v.summerTo === "")) {
      ctx.addIssue({ code: "custom", path: [v.summerFrom === "" ? "summerFrom" : "summerTo"], message: "Ange både första och sista veckan för uppehållet, eller ingen av dem." });
    } else if (v.summerFrom !== "" && v.summerTo !== "" && v.summerTo < v.summerFrom) {
      ctx.addIssue({ code: "custom", path: ["summerTo"], message: "Uppehållet kan inte sluta före den vecka det börjar." });
    }
  });
export type TCadenceChange = z.input<typeof ZCadenceChange>;

export const ZMeetingMove = z
  .object({ meetingId: z.uuid(), date: day, time, minutes: z.coerce.number().int().min(15, "Minst 15 minuter.").max(480, "Högst 8 timmar."), location: text(200).default("") })
  .strict();
export type TMeetingMove = z.input<typeof ZMeetingMove>;

export const ZMeetingCancel = z.object({ meetingId: z.uuid(), reason: text(300, "Skriv varför mötet ställs in.") }).strict();
export type TMeetingCancel = z.input<typeof ZMeetingCancel>;

/** An extra meeting outside the cadence (or any meeting of an ad hoc group). */
export const ZMeetingAdd = z
  .object({ groupId: z.uuid(), date: day, time, minutes: z.coerce.number().int().min(15, "Minst 15 minuter.").max(480, "Högst 8 timmar."), location: text(200).default("") })
  .strict();
export type TMeetingAdd = z.input<typeof ZMeetingAdd>;

export const ZAgendaAdd = z
  .object({ meetingId: z.uuid(), title: text(200, "Skriv punktens rubrik."), notes: text(2000).default("") })
  .strict();
export type TAgendaAdd = z.input<typeof ZAgendaAdd>;

export const ZAgendaItemRef = z.object({ meetingId: z.uuid(), itemId: z.uuid() }).strict();
export const ZAgendaMove = ZAgendaItemRef.extend({ direction: z.enum(["up", "down"]) }).strict();

/** Attendance and minutes, saved together; `version` guards against overwriting someone else. */
export const ZMinutes = z
  .object({
    meetingId: z.uuid(),
    version: z.number().int().min(1),
    present: z.array(z.uuid()).max(500),
    organisations: z.array(z.uuid()).max(200),
    items: z.array(z.object({ id: z.uuid(), minutes: text(10_000) }).strict()).max(100),
    general: text(10_000),
  })
  .strict();
export type TMinutes = z.input<typeof ZMinutes>;

/** A decision under an agenda item; with an owner organisation and a due date it also becomes an action. */
export const ZDecision = z
  .object({
    meetingId: z.uuid(),
    agendaItemId: z.union([z.literal(""), z.uuid()]).default(""),
    text: text(2000, "Skriv beslutet."),
    createMeasure: z.boolean().default(false),
    ownerOrgId: z.union([z.literal(""), z.uuid()]).default(""),
    responsibleName: text(120).default(""),
    areaId: z.union([z.literal(""), z.uuid()]).default(""),
    dueDate: z.union([z.literal(""), day]).default(""),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.createMeasure) return;
    if (!v.ownerOrgId) ctx.addIssue({ code: "custom", path: ["ownerOrgId"], message: "Välj ansvarig organisation för åtgärden." });
    if (!v.dueDate) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "Ange när åtgärden ska vara klar." });
  });
export type TDecision = z.input<typeof ZDecision>;

export const ZMeetingRef = z.object({ meetingId: z.uuid(), version: z.number().int().min(1) }).strict();

export const ZReminderPreferences = z.object({ MEETING: z.boolean(), REPORTING: z.boolean(), MEASURE_DUE: z.boolean() }).strict();
export type TReminderPreferences = z.input<typeof ZReminderPreferences>;
