import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startSmtpServer } from "../tests/helpers/smtp";
import { E2E_INBOX, E2E_SMTP_PORT } from "../playwright.config";

// A real SMTP server on loopback receives the app's e-mail; tests read the inbox file.
export default async function globalSetup() {
  mkdirSync(path.dirname(E2E_INBOX), { recursive: true });
  rmSync(E2E_INBOX, { force: true });
  const smtp = await startSmtpServer(E2E_SMTP_PORT, { appendTo: E2E_INBOX });
  return () => smtp.close();
}
