// The app's own database role: everything it does runs as a role that owns nothing (issue 26).
// The owner (MIGRATION_DATABASE_URL, or whoever runs `est db:grant`) applies the migrations and
// installs the job queue's schema; the app's role gets rows, never tables. So the app cannot drop
// or alter a table, nor disable the trigger that keeps the access log append-only – a role that
// owned audit_event could (ALTER TABLE … DISABLE TRIGGER) – and it may only add to that log.
import pg from "pg";
import PgBoss from "pg-boss";
import { QUEUES } from "./queues.mjs";

/** Installs (or upgrades) pg-boss's schema and the worker's queues as the owner: a queue is a
 * partition of pg-boss's job table, which only its owner may attach. */
async function installJobQueue(ownerUrl) {
  const boss = new PgBoss({ connectionString: ownerUrl, max: 1, supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  try {
    for (const name of Object.values(QUEUES)) await boss.createQueue(name);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** Grants `role` what the app and its worker need on the owner's database, and no more. */
export async function grantAppRole(ownerUrl, role) {
  await installJobQueue(ownerUrl);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const r = client.escapeIdentifier(role);
    const { rows } = await client.query("SELECT current_database() AS db, current_user AS owner, EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS known", [role]);
    if (!rows[0].known) throw new Error(`rollen ${role} finns inte. Skapa den först: CREATE ROLE ${r} LOGIN PASSWORD '…';`);
    if (rows[0].owner === role) throw new Error(`${role} äger databasen; appen ska köra som en annan roll än ägaren.`);
    await client.query("BEGIN");
    for (const statement of [
      `GRANT CONNECT ON DATABASE ${client.escapeIdentifier(rows[0].db)} TO ${r}`,
      // Nobody but the owner creates tables (PostgreSQL 15 and later already say so).
      `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
      `GRANT USAGE ON SCHEMA public TO ${r}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
      // The access log: read and add, never change or empty.
      `REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ${r}`,
      // The migrations' own bookkeeping is the owner's.
      `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON _prisma_migrations FROM ${r}`,
      // The job queue's rows (its queues are the owner's, made above).
      `GRANT USAGE ON SCHEMA pgboss TO ${r}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${r}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${r}`,
      `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${r}`,
    ]) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** The role a connection string signs in as. */
export const roleOf = (url) => decodeURIComponent(new URL(url).username);
