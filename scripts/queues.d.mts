export const QUEUES: { outbox: string; insatsReminders: string; reminders: string; calendars: string; retention: string; policeEvents: string };
