import "server-only";
import { z } from "zod";

// The only module that reads process.env. Invalid configuration stops the process with one
// line naming the variable and what is expected, never a stack trace.
const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "saknas; ange en postgresql://-adress till databasen" })
      .regex(/^postgres(ql)?:\/\/\S+$/, "ska vara en postgresql://-adress"),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
    // Optional here so that operator commands need no secret; the web server requires it.
    NEXTAUTH_SECRET: z.string().min(32, "ska vara minst 32 tecken lång").optional(),
    NEXTAUTH_URL: z.url("ska vara en fullständig adress, t.ex. https://est.kommun.se").optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(8),
    OIDC_ISSUER: z.url("ska vara IdP:ns utfärdaradress (issuer)").optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default("Kommunens inloggning"),
    // "true" only for an IdP that owns every address it issues but sends no email_verified claim
    // (e.g. Entra ID in the municipality's own tenant); otherwise an unverified e-mail signs nobody in.
    OIDC_TRUST_EMAIL: z.enum(["true", "false"], { error: "ska vara true eller false" }).default("false").transform((v) => v === "true"),
    // Map tiles, e.g. the municipality's own tile server. Without one, maps show outlines and
    // points on a plain background and make no outside requests.
    // Where gallring writes each run's export before deleting or anonymising.
    RETENTION_EXPORT_DIR: z.string().min(1).default(".data/gallring"),
    MAP_TILE_URL: z.string().regex(/^https?:\/\/\S+\{z\}\S*$/, "ska vara en adress med {z}, {x} och {y}").optional(),
    MAP_TILE_ATTRIBUTION: z.string().max(300).default(""),
    // Outgoing e-mail (återkoppling, reminders), e.g. smtp://user:pass@smtp.kommun.se:587. Without
    // it, messages wait in the outbox and only in-app notifications are delivered.
    SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, "ska vara en smtp://- eller smtps://-adress").optional(),
    MAIL_FROM: z.string().min(3).default("EST <est@localhost>"),
    // The Police's open events (https://polisen.se/api/events): fetched by the worker every half
    // hour when set, each municipality keeping its own. Without it, only file imports.
    POLICE_EVENTS_URL: z.url("ska vara en fullständig adress, t.ex. https://polisen.se/api/events").optional(),
    // How many reverse proxies in front of the app append to X-Forwarded-For (nginx: 1). The
    // client's address is that many entries left of the socket's; 0 when clients connect directly.
    TRUSTED_PROXY_HOPS: z.coerce.number({ error: "ska vara ett heltal" }).int("ska vara ett heltal").min(0).max(10).default(0),
    // Server-made PDFs (lib/documents): the Chromium to render with, how many at once (more wait
    // in line rather than starve the web server) and the app's own address as Chromium reaches it
    // (default http://127.0.0.1:PORT).
    CHROMIUM_PATH: z.string().min(1).optional(),
    PDF_CONCURRENCY: z.coerce.number({ error: "ska vara ett heltal" }).int("ska vara ett heltal").min(1).max(8).default(2),
    PDF_RENDER_URL: z.url("ska vara en fullständig adress, t.ex. http://127.0.0.1:3000").optional(),
    PORT: z.coerce.number({ error: "ska vara ett portnummer" }).int().min(1).max(65535).default(3000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    // Session cookies over plain http can be read on the way: production needs https, except on
    // the machine itself (a reverse proxy on the same host, the test suite).
    if (env.NODE_ENV === "production" && env.NEXTAUTH_URL) {
      const url = new URL(env.NEXTAUTH_URL);
      if (url.protocol !== "https:" && !["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) {
        ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "måste börja med https:// i produktion (sessionskakor skickas annars okrypterade)" });
      }
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "krävs när OIDC-inloggning är påslagen" });
      }
    }
  });

export type Env = z.infer<typeof ZEnv>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as operators expect from `FOO= npm start`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = ZEnv.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ConfigError(`Felaktig konfiguration: ${issue.path.join(".")} ${issue.message}`);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The session-signing secret; the web server refuses to start without it. */
export function authSecret(): string {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new ConfigError("Felaktig konfiguration: NEXTAUTH_SECRET saknas; ange en slumpmässig hemlighet på minst 32 tecken");
  return secret;
}
