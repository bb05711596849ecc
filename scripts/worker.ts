// Background worker: runs beside the web server (npm start starts both; `npm run worker` alone).
// Jobs live in PostgreSQL through pg-boss, so any number of workers on any number of machines
// share them safely: sending the e-mail outbox (at once when a transaction queues mail and
// NOTIFYs, and every minute as a safety net for retries), daily Insats end reminders, meeting,
// reporting and action reminders every quarter of an hour, the twelve-month meeting calendar,
// gallring, and (when POLICE_EVENTS_URL is set) the Police's open events every half hour.
import pg from "pg";
import PgBoss from "pg-boss";
import { disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { createTransport, flushOutbox } from "@/lib/feedback/mailer";
import { remindEndedInsatser } from "@/lib/insats/reminders";
import { logger } from "@/lib/logger";
import { extendCalendars } from "@/lib/meetings/mutations";
import { sendDueReminders } from "@/lib/meetings/reminders";
import { runRetention } from "@/lib/ops/retention";
import { fetchPoliceEvents } from "@/lib/sources/police-fetch";
import { QUEUES } from "./queues.mjs";

const { outbox: QUEUE, insatsReminders: INSATS_REMINDERS, reminders: REMINDERS, calendars: CALENDARS, retention: RETENTION, policeEvents: POLICE_EVENTS } = QUEUES;
const OUTBOX_BATCH = 50;

async function main() {
  const { DATABASE_URL, POLICE_EVENTS_URL } = env();
  const transport = createTransport();
  const boss = new PgBoss({ connectionString: DATABASE_URL, max: 4 });
  boss.on("error", (err) => logger.error({ err: err.message }, "job queue error"));
  await boss.start();
  await boss.createQueue(QUEUE);
  await boss.schedule(QUEUE, "* * * * *");
  // Every morning: remind coordinators of Insatser whose planned end has passed.
  await boss.createQueue(INSATS_REMINDERS);
  await boss.schedule(INSATS_REMINDERS, "0 7 * * *", {}, { tz: "Europe/Stockholm" });
  await boss.work(INSATS_REMINDERS, async () => {
    const sent = await remindEndedInsatser();
    if (sent) logger.info({ sent }, "insats end reminders queued");
  });
  await boss.createQueue(REMINDERS);
  await boss.schedule(REMINDERS, "*/15 * * * *", {}, { tz: "Europe/Stockholm" });
  await boss.work(REMINDERS, async () => {
    const sent = await sendDueReminders();
    if (sent.meetings || sent.reporting || sent.measures) logger.info(sent, "reminders queued");
  });
  // Every night: keep twelve months of meetings laid out for every group with a cadence.
  await boss.createQueue(CALENDARS);
  await boss.schedule(CALENDARS, "30 2 * * *", {}, { tz: "Europe/Stockholm" });
  await boss.work(CALENDARS, async () => {
    const created = await extendCalendars();
    if (created) logger.info({ created }, "meetings laid out");
  });
  // Every night: gallring by each municipality's rules (export first, then delete or anonymise).
  await boss.createQueue(RETENTION);
  await boss.schedule(RETENTION, "0 3 * * *", {}, { tz: "Europe/Stockholm" });
  await boss.work(RETENTION, async () => {
    const runs = await runRetention();
    for (const r of runs) if (r.affected) logger.info({ municipality: r.municipality, kind: r.kind, action: r.action, affected: r.affected, held: r.held }, "gallring");
  });
  // Every half hour, when configured: the Police's open events (the list holds only the latest 500).
  await boss.createQueue(POLICE_EVENTS);
  if (POLICE_EVENTS_URL) {
    await boss.schedule(POLICE_EVENTS, "*/30 * * * *", {}, { tz: "Europe/Stockholm" });
    await boss.work(POLICE_EVENTS, async () => {
      try {
        for (const r of await fetchPoliceEvents(POLICE_EVENTS_URL)) logger.info(r, "police events stored");
      } catch (err) {
        logger.error({ err: (err as Error).message }, "police events not fetched");
        throw err;
      }
    });
  } else await boss.unschedule(POLICE_EVENTS);
  // Everything that is due, a batch at a time: a digest to a large group is more than one batch.
  const flushAll = async () => {
    if (!transport) return logger.info("SMTP_URL is not set: e-mail stays in the outbox");
    for (;;) {
      const { sent, failed } = await flushOutbox(transport, OUTBOX_BATCH);
      if (sent || failed) logger.info({ sent, failed }, "outbox flushed");
      if (sent + failed < OUTBOX_BATCH) return;
    }
  };
  // Woken by NOTIFY, this process flushes at once. A notification during a flush asks for one
  // more round: mail committed after the running flush read the outbox is not left for the
  // sweep. Several workers may flush together; each claims its rows (FOR UPDATE SKIP LOCKED).
  let flushing: Promise<void> | null = null;
  let again = false;
  const wake = () => {
    if (flushing) {
      again = true;
      return;
    }
    flushing = (async () => {
      do {
        again = false;
        await flushAll().catch((err: Error) => logger.error({ err: err.message }, "outbox flush failed"));
      } while (again);
    })().finally(() => (flushing = null));
  };
  // The minute's safety sweep: retries, and mail whose NOTIFY was lost with a connection.
  await boss.work(QUEUE, async () => flushAll());

  // LISTEN for "mail queued", and listen again when the connection is lost (a database
  // restart): one retry loop, every five seconds, until it succeeds.
  let listener: pg.Client | null = null;
  let stopping = false;
  const listen = async (): Promise<void> => {
    while (!stopping) {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      client.on("error", (err) => logger.warn({ err: err.message }, "outbox listener lost its connection"));
      client.on("notification", wake);
      try {
        await client.connect();
        await client.query("LISTEN est_outbox");
      } catch {
        await client.end().catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        continue;
      }
      listener = client;
      client.once("end", () => void listen());
      // Mail committed while nobody listened (start-up, a reconnect) goes out now, not at the sweep.
      wake();
      return;
    }
  };
  await listen();
  logger.info("worker started");

  const stop = async () => {
    stopping = true;
    await listener?.end().catch(() => {});
    await flushing;
    await boss.stop({ graceful: true, timeout: 10_000 }).catch(() => {});
    await disconnectDb();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err) => {
  console.error(`worker: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
