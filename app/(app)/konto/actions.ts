"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { setOwnLocale, ZLocale } from "@/lib/users/preferences";

/** A plain form post, so the choice works before any JavaScript has loaded. */
export async function setLocaleAction(form: FormData): Promise<void> {
  const viewer = await requireViewer();
  const parsed = ZLocale.safeParse(form.get("locale"));
  if (!parsed.success) redirect("/konto");
  await setOwnLocale(viewer, parsed.data);
  // Every layout speaks the language, the root one included (<html lang>): render them all anew.
  revalidatePath("/", "layout");
  redirect("/konto?sparat=1");
}
