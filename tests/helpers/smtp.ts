// A real SMTP server on loopback for tests: messages arrive over SMTP from nodemailer and are
// parsed with mailparser, exactly as a mail server would receive them.
import { appendFileSync } from "node:fs";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; subject: string; text: string };

/** Listens on `port`, or on a free one for 0 (so parallel test runs never collide): `port` says which. */
export async function startSmtpServer(port: number, options: { appendTo?: string } = {}) {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const received = { to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? "", text: mail.text ?? "" };
          messages.push(received);
          if (options.appendTo) appendFileSync(options.appendTo, JSON.stringify(received) + "\n");
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => server.listen(port, "127.0.0.1", () => resolve()).once("error", reject));
  const address = server.server.address();
  return { messages, port: typeof address === "object" && address ? address.port : port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
