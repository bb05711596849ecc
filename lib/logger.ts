import pino from "pino";

// JSON logs. Never log free text from reports, personal data, cookies or tokens.
export const logger = pino({
  level: "info", // set from LOG_LEVEL at start-up (instrumentation.ts)
  base: { app: "est" },
  redact: { paths: ["password", "*.password", "token", "*.token", "cookie", "*.cookie", "description"], remove: true },
});
