import "server-only";
// Composing e-mail and in-app messages: each goes out in its recipient's language (User.locale),
// whoever caused it, so the texts are built per recipient from the message catalogue.
import { env } from "@/lib/env";

export { i18nFor } from "@/lib/i18n/i18n";

/** A link in the app as an address an e-mail reader can open. */
export const appUrl = (link: string) => `${env().NEXTAUTH_URL ?? ""}${link}`;

/** A message body from its paragraphs: empty ones left out, a blank line between the rest. */
export const paragraphs = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join("\n\n");
