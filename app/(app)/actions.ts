"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionResult, formError, ok } from "@/lib/action-result";
import { endOwnSessions } from "@/lib/auth/options";
import { requireViewer } from "@/lib/auth/session";
import { ACTIVE_MUNICIPALITY_COOKIE } from "@/lib/auth/tenant";

const ZSwitch = z.string().regex(/^[a-z0-9-]{1,64}$/);

export async function switchMunicipalityAction(input: unknown): Promise<ActionResult<{ slug: string }>> {
  const viewer = await requireViewer();
  const parsed = ZSwitch.safeParse(input);
  if (!parsed.success) return formError("Okänd kommun.");
  // Only a municipality the viewer belongs to can be chosen.
  if (!viewer.memberships.some((m) => m.municipalitySlug === parsed.data)) return formError("Du har ingen behörighet i den kommunen.");
  (await cookies()).set(ACTIVE_MUNICIPALITY_COOKIE, parsed.data, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
  return ok({ slug: parsed.data });
}

/**
 * Signs out without next-auth's client library (kept off every app page to save its JavaScript):
 * ends the user's sessions on the server, as next-auth's signOut event does, and clears the cookie.
 * Takes no input; the form posts only the action id.
 */
export async function signOutAction(): Promise<void> {
  const viewer = await requireViewer();
  await endOwnSessions(viewer.userId);
  const jar = await cookies();
  for (const { name } of jar.getAll()) if (/^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(name)) jar.delete(name);
  redirect("/login");
}
