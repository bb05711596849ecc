import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

export const ZLocale = z.enum(Object.keys(LOCALES) as [Locale, ...Locale[]]);

/** A user's own language for the app; anyone signed in may set their own and no one else's. */
export async function setOwnLocale(viewer: Viewer, locale: Locale): Promise<void> {
  await db().user.update({ where: { id: viewer.userId }, data: { locale }, select: { id: true } });
}
