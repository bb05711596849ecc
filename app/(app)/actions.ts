"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { type ActionResult, formError, ok } from "@/lib/action-result";
import { requireViewer } from "@/lib/auth/session";
import { ACTIVE_MUNICIPALITY_COOKIE } from "@/lib/auth/tenant";

const ZSwitch = z.string().regex(/^[a-z0-9-]{1,64}$/);

export async function switchMunicipalityAction(input: unknown): Promise<ActionResult<{ slug: string }>> {
  const parsed = ZSwitch.safeParse(input);
  if (!parsed.success) return formError("Okänd kommun.");
  const viewer = await requireViewer();
  // Only a municipality the viewer belongs to can be chosen.
  if (!viewer.memberships.some((m) => m.municipalitySlug === parsed.data)) return formError("Du har ingen behörighet i den kommunen.");
  (await cookies()).set(ACTIVE_MUNICIPALITY_COOKIE, parsed.data, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
  return ok({ slug: parsed.data });
}
