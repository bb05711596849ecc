"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, fieldErrors } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { MAX_GEOJSON_BYTES, uploadAreaOutlines } from "@/lib/areas/outlines";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";

const ZUpload = z.object({ file: z.string().min(1, "Välj en GeoJSON-fil.").max(MAX_GEOJSON_BYTES, "Filen är större än 5 MB.") }).strict();

export async function uploadOutlinesAction(input: unknown): Promise<ActionResult<{ matched: number; unmatched: string[] }>> {
  const viewer = await requireViewer();
  const parsed = ZUpload.safeParse(input);
  if (!parsed.success) return fieldErrors(parsed.error);
  const active = await getActiveMembership(viewer);
  const result = await withDomainErrors(() => uploadAreaOutlines(viewer, active.municipalityId, parsed.data.file));
  revalidatePath("/admin/areas");
  return result;
}
