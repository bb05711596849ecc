// `npm run est -- <command>`: one command-line entry for operator tasks.
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, statSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { db, disconnectDb } from "@/lib/db";
import { ConfigError, env } from "@/lib/env";
import { isExpectedError } from "@/lib/errors";
import { importIncidentsCsv } from "@/lib/incidents/import/run";
import { ALL_EXPORT_FORMATS, incidentExport } from "@/lib/incidents/export";
import { iterateMunicipalityIncidents } from "@/lib/incidents/queries";
import { periodRange } from "@/lib/time/periods";
import { importPoliceEvents, POLICE_EVENTS_SOURCE, policeEventRollup } from "@/lib/sources/police-events";
import { toCsvLine } from "@/lib/text/csv";

const PERIOD_KEY = /^\d{4}-(W\d{2}|\d{2}|Q[1-4]|T[1-3])$/;
import { rollup, rollupCsv, rollupSeries, seriesCsv, ZRollupQuery } from "@/lib/rollups/queries";
import { ZSeriesQuery } from "@/lib/rollups/schema";
import { extendCalendars } from "@/lib/meetings/mutations";
import { backupDatabase, BackupError, restoreDatabase } from "@/lib/ops/backup";
import { runRetention } from "@/lib/ops/retention";
import { describeSchemaStatus, schemaStatus, SchemaStatusError } from "@/lib/ops/schema-status";
import { sendDueReminders } from "@/lib/meetings/reminders";
import { addUser, endSessions, setUserDisabled } from "@/lib/users/operator";
import { runSeed } from "@/prisma/seed/run";
import { generateNational } from "@/prisma/seed/national";
import { grantAppRole } from "./db-grant.mjs";

const HELP = `EST – kommandon för drift (npm run est -- <kommando> [flaggor])

  check                         kontrollera konfiguration, databasanslutning, schemaversion och väntande
                                migreringar (före och efter en uppgradering; 1 om databasen och koden inte stämmer)
  migrate                       tillämpa de incheckade migreringarna på DATABASE_URL
  db:grant --role ROLL          ge appens egen databasroll (som inte äger något) rättigheterna den
                                behöver; körs som ägaren (DATABASE_URL = ägarens), efter migrate
  seed                          lägg in/uppdatera grunddata (idempotent; Sollentuna = "sollentuna")
  generate --municipalities N --years Y [--per-year N] [--seed S]
                                syntetisk nationell datamängd för prestandatester (kommun-001 …):
                                områden, organisationer, grupper, händelser (COPY) och åtgärder;
                                deterministisk, kan återupptas (kommuner med händelser hoppas över)
  import <fil> --municipality SLUG [--dry-run] [--skip-invalid]
                                importera händelser i formatet EST händelse-CSV v1: CSV (komma,
                                semikolon eller tabb; UTF-8 eller Windows-1252) eller .xlsx; rader
                                med id (en export) uppdaterar sina händelser, oförändrade lämnas
  export --municipality SLUG --period NYCKEL [--format xlsx|csv-sv|csv|geojson] --file FIL
                                händelser under en period (även tillbakadragna) i samma format som
                                importen läser: csv-sv = semikolon och decimalkomma för svenskt Excel;
                                geojson = händelserna med kartnål, för kommunens GIS
  user:add --email E --name N --municipality SLUG --org KOD [--role REPORTER|COORDINATOR|ADMIN]
                                lägg till en användare (eller koppla en befintlig till en kommun)
  user:disable --email E        stäng av en användare (avslutar alla sessioner direkt)
  user:enable --email E         aktivera en avstängd användare igen
  sessions:end --email E        avsluta alla sessioner för en användare
  sources:import polisen-handelser --municipality SLUG --file FIL
                                Polisens öppna händelser (JSON från polisen.se/api/events): kommunens
                                händelser, en rad per id, med händelsens egen tid (ur namnet); visas
                                bredvid EST-rapporterna och räknas aldrig in i dem
  rollup --municipality SLUG --period NYCKEL [--by area|category|area,category] [--format json|csv [--excel]]
         [--source polisen-handelser]
  rollup --municipality SLUG --from NYCKEL --to NYCKEL [--by …] [--format json|csv [--excel]]
                                antal händelser för en period (2026-W07, 2026-02, 2026-Q1, 2026-T1, 2026)
                                eller en följd av perioder av samma slag (--from 2025-W01 --to 2026-W52),
                                samma siffror som GET /api/v1/rollups[/series] ("count" = rapporter,
                                "events" = händelser: kopior inom en timme räknas en gång;
                                --excel: CSV med byte-order mark och semikolon, för Excel)
  events:rebuild [--municipality SLUG]
                                märk om vilka rapporter som börjar en händelse, från grunden
                                (reparation; summeringarna följer med)
  meetings:extend               lägg ut gruppernas möten tolv månader framåt (körs varje natt av workern)
  reminders                     skicka de påminnelser som är aktuella nu (körs var 15:e minut av workern)
  retention:set --municipality SLUG --kind INCIDENT|TIP|NOTIFICATION --months N --action DELETE|ANONYMISE
                                gallringsregel för en kommun och en sorts poster
  retention:hold --municipality SLUG --kind K [--id POST] --reason TEXT
                                undanta en post (eller alla av sorten) från gallring
  retention:release --id HOLD   häv ett undantag
  retention:run [--dry-run]     gallra nu: exportera först, radera eller avidentifiera sedan, logga
  backup --file FIL             säkerhetskopiera hela databasen (pg_dump, eget format)
  restore --file FIL --yes      ersätt databasens innehåll med säkerhetskopian (pg_restore, allt eller inget)
  help, --help                  visa denna hjälp

Miljö: DATABASE_URL (krävs), se README för övriga variabler.`;

type Handler = (flags: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<string>;

/** A command that printed its own report and must exit non-zero. */
class ReportedFailure extends Error {}

const need = (flags: Record<string, string | boolean | undefined>, name: string): string => {
  const value = flags[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`--${name} saknas.`);
  return value;
};

class UsageError extends Error {}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!allowed.includes(value as T)) throw new UsageError(`${flag} ska vara ${allowed.join(", ")}.`);
  return value as T;
}

async function municipalityBySlug(slug: string) {
  const m = await db().municipality.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!m) throw new UsageError(`Kommunen "${slug}" finns inte.`);
  return m;
}

const COMMANDS: Record<string, Handler> = {
  async check() {
    env();
    await db().$queryRaw`SELECT 1`;
    // Before and after an upgrade: the schema version, and whether the code and the database agree.
    const { ok, lines } = describeSchemaStatus(await schemaStatus());
    const report = ["Konfigurationen är giltig och databasen svarar.", ...lines].join("\n");
    if (!ok) throw new ReportedFailure(report);
    return report;
  },
  async migrate() {
    const r = spawnSync("node_modules/.bin/prisma", ["migrate", "deploy"], { stdio: "inherit" });
    if (r.status !== 0) throw new Error("migreringarna kunde inte tillämpas");
    return "Migreringarna är tillämpade.";
  },
  async seed() {
    const result = await runSeed(db());
    const lines = result.created.map((c) => `  ${c.email}  ${c.password}`);
    return [`Seed klar (${result.municipalities} kommuner).`, ...(lines.length ? ["Nya demoanvändare:", ...lines] : [])].join("\n");
  },
  async import(flags, positionals) {
    const file = positionals[0];
    if (!file) throw new UsageError("Ange filen: npm run est -- import <fil.csv> --municipality <slug>");
    if (!existsSync(file)) throw new UsageError(`Filen ${file} finns inte.`);
    const report = await importIncidentsCsv(createReadStream(file), need(flags, "municipality"), {
      dryRun: flags["dry-run"] === true,
      skipInvalid: flags["skip-invalid"] === true,
      onProgress: (p) => process.stderr.write(`\r${p.phase === "validating" ? "Kontrollerar" : "Sparar"} rad ${p.done}${p.total ? ` av ${p.total}` : ""} …`),
    });
    process.stderr.write("\n");
    const lines = [
      `Filen lästes som ${report.format}.`,
      `Rader: ${report.rows}, giltiga: ${report.valid}, ogiltiga: ${report.invalid}.`,
      ...report.errors.map((e) => `  rad ${e.row}, ${e.column}: ${e.reason}`),
      ...report.warnings.map((w) => `  varning rad ${w.row}, ${w.column}: ${w.reason}`),
      report.committed
        ? `Importerat: ${report.inserted} nya, ${report.updated} uppdaterade, ${report.unchanged} oförändrade.`
        : flags["dry-run"] ? `Provkörning: ${report.inserted} nya, ${report.updated} uppdateras, ${report.unchanged} oförändrade. Inget sparades.` : report.invalid > 0 ? "Inget importerades (ogiltiga rader; använd --skip-invalid för att importera de giltiga)." : "Inget att importera.",
    ];
    if (!report.committed && report.invalid > 0 && !flags["dry-run"]) throw new ReportedFailure(lines.join("\n"));
    if (flags["dry-run"] && report.invalid > 0) throw new ReportedFailure(lines.join("\n"));
    return lines.join("\n");
  },
  async export(flags) {
    const municipality = await municipalityBySlug(need(flags, "municipality"));
    const period = need(flags, "period");
    if (!PERIOD_KEY.test(period)) throw new UsageError("--period ska vara en period som 2026-W07, 2026-02, 2026-Q1 eller 2026-T1.");
    const format = oneOf(typeof flags.format === "string" ? flags.format : "xlsx", ALL_EXPORT_FORMATS, "--format");
    const file = need(flags, "file");
    let rows = 0;
    const counted = async function* () {
      for await (const batch of iterateMunicipalityIncidents(municipality.id, periodRange(period))) {
        rows += batch.length;
        yield batch;
      }
    };
    // Written to a temporary name and renamed: an interrupted export leaves no half a file behind.
    await pipeline(incidentExport(format, counted()), createWriteStream(`${file}.part`));
    renameSync(`${file}.part`, file);
    return `${rows} händelser (${municipality.name}, ${period}) skrivna till ${file}.`;
  },
  async generate(flags) {
    const count = (name: string, fallback?: number) => {
      const raw = flags[name];
      const n = raw === undefined && fallback !== undefined ? fallback : Number(raw);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} ska vara ett positivt heltal.`);
      return n;
    };
    const result = await generateNational(db(), env().DATABASE_URL, {
      municipalities: count("municipalities"),
      years: count("years"),
      perYear: count("per-year", 3500),
      seed: count("seed", 20260101),
      onProgress: (done, total, incidents) => process.stderr.write(`\rGenererar: ${done} av ${total} kommuner, ${incidents.toLocaleString("sv-SE")} händelser …`),
    });
    process.stderr.write("\n");
    return `Klart på ${result.seconds.toFixed(0)} s: ${result.incidents.toLocaleString("sv-SE")} händelser och ${result.measures.toLocaleString("sv-SE")} åtgärder i ${result.municipalities - result.skipped} kommuner${result.skipped ? ` (${result.skipped} fanns redan)` : ""}.`;
  },
  async "user:add"(flags) {
    const role = (flags.role as string | undefined) ?? "REPORTER";
    if (!["REPORTER", "COORDINATOR", "ADMIN"].includes(role)) throw new UsageError("--role ska vara REPORTER, COORDINATOR eller ADMIN.");
    const user = await addUser({
      email: need(flags, "email"),
      name: need(flags, "name"),
      municipality: need(flags, "municipality"),
      organisation: need(flags, "org"),
      role: role as "REPORTER",
    });
    return user.password ? `Användaren skapad. Tillfälligt lösenord: ${user.password}` : "Befintlig användare kopplad till kommunen.";
  },
  async "user:disable"(flags) {
    await setUserDisabled(need(flags, "email"), true);
    return "Användaren är avstängd och alla sessioner är avslutade.";
  },
  async "user:enable"(flags) {
    await setUserDisabled(need(flags, "email"), false);
    return "Användaren är aktiverad.";
  },
  async "sources:import"(flags, positionals) {
    oneOf(positionals[0] ?? "", [POLICE_EVENTS_SOURCE], "Källan");
    const file = need(flags, "file");
    if (!existsSync(file)) throw new UsageError(`Filen ${file} finns inte.`);
    const r = await importPoliceEvents(readFileSync(file), need(flags, "municipality"));
    return [
      `Poster i filen: ${r.items}; andra orter: ${r.otherPlaces}; upprepade id: ${r.repeated}.`,
      `Sparat: ${r.inserted} nya, ${r.updated} uppdaterade.${r.timeFromPublished ? ` ${r.timeFromPublished} saknade tid i namnet – publiceringstiden användes.` : ""}`,
    ].join("\n");
  },
  async rollup(flags) {
    const format = (flags.format as string | undefined) ?? "json";
    if (format !== "json" && format !== "csv") throw new UsageError("--format ska vara json eller csv.");
    if (flags.source !== undefined) {
      oneOf(String(flags.source), [POLICE_EVENTS_SOURCE], "--source");
      const period = need(flags, "period");
      if (!PERIOD_KEY.test(period)) throw new UsageError("--period ska vara en period som 2026-W07, 2026-02, 2026-Q1 eller 2026-T1.");
      const result = await policeEventRollup(need(flags, "municipality"), period);
      if (format === "json") return JSON.stringify(result, null, 2);
      return ["type,count", ...result.rows.map((r) => toCsvLine([r.type, r.count]).trimEnd())].join("\n");
    }
    if (flags.from !== undefined || flags.to !== undefined) {
      const q = ZSeriesQuery.safeParse({ municipality: need(flags, "municipality"), from: need(flags, "from"), to: need(flags, "to"), by: flags.by as string | undefined });
      if (!q.success) throw new UsageError(q.error.issues.map((i) => `--${String(i.path[0] ?? "by")}: ${i.message}`).join(" "));
      const series = await rollupSeries({ ...(await municipalityBySlug(q.data.municipality)), slug: q.data.municipality }, q.data.from, q.data.to, q.data.by);
      return format === "csv" ? seriesCsv(series, q.data.by, { excel: Boolean(flags.excel) }).trimEnd() : JSON.stringify(series, null, 2);
    }
    const parsed = ZRollupQuery.safeParse({ municipality: need(flags, "municipality"), period: need(flags, "period"), by: flags.by as string | undefined });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0] ?? "by")}: ${i.message}`).join(" "));
    const { municipality, period, by } = parsed.data;
    const result = await rollup(municipality, period, by);
    return format === "csv" ? rollupCsv(result, by, { excel: Boolean(flags.excel) }).trimEnd() : JSON.stringify(result, null, 2);
  },
  async "events:rebuild"(flags) {
    const slug = flags.municipality as string | undefined;
    const municipality = slug ? await db().municipality.findUnique({ where: { slug }, select: { id: true } }) : null;
    if (slug && !municipality) throw new UsageError(`--municipality: kommunen "${slug}" finns inte.`);
    const [row] = await db().$queryRaw<{ changed: number }[]>`SELECT incident_events_rebuild(${municipality?.id ?? null}::uuid) AS changed`;
    return `${row!.changed} rapporter fick en ny händelsemarkering.`;
  },
  async "retention:set"(flags) {
    const municipality = await municipalityBySlug(need(flags, "municipality"));
    const kind = oneOf(need(flags, "kind"), ["INCIDENT", "TIP", "NOTIFICATION"] as const, "--kind");
    const action = oneOf(need(flags, "action"), ["DELETE", "ANONYMISE"] as const, "--action");
    const months = Number(need(flags, "months"));
    if (!Number.isInteger(months) || months < 12 || months > 1200) throw new UsageError("--months ska vara ett heltal mellan 12 och 1200.");
    await db().retentionRule.upsert({ where: { municipalityId_kind: { municipalityId: municipality.id, kind } }, update: { months, action }, create: { municipalityId: municipality.id, kind, months, action } });
    return `Gallringsregel: ${kind} i ${municipality.name} – ${action === "DELETE" ? "raderas" : "avidentifieras"} efter ${months} månader.`;
  },
  async "retention:hold"(flags) {
    const municipality = await municipalityBySlug(need(flags, "municipality"));
    const kind = oneOf(need(flags, "kind"), ["INCIDENT", "TIP", "NOTIFICATION"] as const, "--kind");
    const hold = await db().legalHold.create({ data: { municipalityId: municipality.id, kind, entityId: (flags.id as string | undefined) ?? null, reason: need(flags, "reason") }, select: { id: true } });
    return `Undantag ${hold.id} registrerat.`;
  },
  async "retention:release"(flags) {
    await db().legalHold.update({ where: { id: need(flags, "id") }, data: { releasedAt: new Date() } });
    return "Undantaget är hävt.";
  },
  async "retention:run"(flags) {
    const results = await runRetention(new Date(), { dryRun: flags["dry-run"] === true });
    if (results.length === 0) return "Inga gallringsregler är satta.";
    return results.map((r) => `${r.municipality} ${r.kind}: ${r.held === -1 ? "hela sorten undantagen" : `${r.affected} ${flags["dry-run"] ? "skulle " : ""}${r.action === "DELETE" ? "raderas" : "avidentifieras"}, ${r.held} undantagna`}${r.exportFile ? ` (export: ${r.exportFile})` : ""}`).join("\n");
  },
  async backup(flags) {
    const file = need(flags, "file");
    backupDatabase(env().DATABASE_URL, file);
    return `Säkerhetskopian är skriven till ${file} (${Math.round(statSync(file).size / 1024)} kB).`;
  },
  async restore(flags) {
    const file = need(flags, "file");
    if (!existsSync(file)) throw new UsageError(`Filen ${file} finns inte.`);
    if (flags.yes !== true) throw new UsageError("Återläsning ersätter allt i databasen. Bekräfta med --yes.");
    restoreDatabase(env().DATABASE_URL, file);
    return "Databasen är återläst från säkerhetskopian.";
  },
  async "db:grant"(flags) {
    const role = need(flags, "role");
    await grantAppRole(env().DATABASE_URL, role);
    return `Rollen ${role} har appens rättigheter: rader i tabellerna, inga tabeller; åtkomstloggen bara läsa och lägga till.`;
  },
  async "meetings:extend"() {
    return `${await extendCalendars()} nya möten utlagda.`;
  },
  async reminders() {
    const sent = await sendDueReminders();
    return `Påminnelser: ${sent.meetings} inför möten, ${sent.reporting} om rapportering, ${sent.measures} om åtgärder.`;
  },
  async "sessions:end"(flags) {
    await endSessions(need(flags, "email"));
    return "Alla sessioner är avslutade.";
  },
};

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    strict: false,
    options: {
      help: { type: "boolean", short: "h" },
      email: { type: "string" },
      name: { type: "string" },
      municipality: { type: "string" },
      org: { type: "string" },
      role: { type: "string" },
      period: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      by: { type: "string" },
      format: { type: "string" },
      source: { type: "string" },
      excel: { type: "boolean" },
      "dry-run": { type: "boolean" },
      "skip-invalid": { type: "boolean" },
      file: { type: "string" },
      kind: { type: "string" },
      months: { type: "string" },
      action: { type: "string" },
      reason: { type: "string" },
      id: { type: "string" },
      yes: { type: "boolean" },
      municipalities: { type: "string" },
      years: { type: "string" },
      "per-year": { type: "string" },
      seed: { type: "string" },
    },
  });
  const [command] = positionals;
  if (!command || command === "help" || values.help) {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    console.error(`Okänt kommando "${command}". Se npm run est -- --help`);
    return 2;
  }
  try {
    console.log(await handler(values, positionals.slice(1)));
    return 0;
  } catch (error) {
    if (error instanceof ReportedFailure) console.log(error.message);
    else if (error instanceof UsageError) console.error(`${error.message} Se npm run est -- --help`);
    else if (error instanceof ConfigError || error instanceof BackupError || error instanceof SchemaStatusError || isExpectedError(error)) console.error(error.message);
    else console.error(`Fel: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    await disconnectDb();
  }
}

main().then((code) => process.exit(code));
