import "server-only";
import { authSecret, ConfigError, env } from "@/lib/env";
import { logger } from "@/lib/logger";

// Imported once by instrumentation.ts in the Node.js runtime.
try {
  logger.level = env().LOG_LEVEL;
  authSecret();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
