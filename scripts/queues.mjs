// The worker's job queues (scripts/worker.ts). Each is a table of pg-boss's that only the database's
// owner can add, so scripts/db-grant.mjs creates them when the app runs as a role of its own.
export const QUEUES = {
  outbox: "flush-outbox",
  insatsReminders: "insats-reminders",
  reminders: "reminders",
  calendars: "extend-calendars",
  retention: "retention",
  policeEvents: "police-events",
};
