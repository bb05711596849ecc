"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { importContextCsv, type ContextImportReport } from "@/lib/context/import";

export async function importContextAction(form: FormData): Promise<ActionResult<ContextImportReport>> {
  const viewer = await requireViewer();
  const { municipalityId } = await getActiveMembership(viewer);
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, fieldErrors: { file: ["Välj en CSV-fil."] } };
  const result = await withDomainErrors(async () => importContextCsv(viewer, municipalityId, await file.text()));
  revalidatePath("/kontext");
  return result;
}
