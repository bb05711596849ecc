import "server-only";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { withDomainErrors } from "@/lib/action-errors";
import { getViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import { readBodyCapped } from "@/lib/http/body";
import { isSameOrigin } from "@/lib/http/same-origin";

type Upload<T> = {
  maxBytes: number;
  /** Said under the file field when the body passes the cap. */
  tooLarge: string;
  /** The page to refresh after a successful upload. */
  revalidate: string;
  run: (viewer: Viewer, municipalityId: string, text: string) => Promise<T>;
};

/**
 * A file sent as the raw body of a same-origin POST, answered with an ActionResult as JSON. Files
 * come here rather than through a server action so that every action keeps Next.js's 1 MB body
 * limit (issue 26): the cap is this route's own, counted as the bytes arrive.
 */
export async function receiveTextFile<T>(request: Request, upload: Upload<T>): Promise<Response> {
  const answer = (result: ActionResult<T>, status = 200) => Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
  const refuse = (error: DomainError, status: number) => answer(error.field ? { ok: false, fieldErrors: { [error.field]: [error.message] } } : { ok: false, formError: error.message }, status);
  if (!isSameOrigin(request)) return refuse(new DomainError("FORBIDDEN", "Förbjuden begäran."), 403);
  const viewer = await getViewer();
  if (!viewer) return refuse(new DomainError("UNAUTHENTICATED", "Inloggning krävs."), 401);
  const { municipalityId } = await getActiveMembership(viewer);
  const bytes = await readBodyCapped(request, upload.maxBytes);
  if (!bytes) return refuse(new DomainError("INVALID", upload.tooLarge, "file"), 413);
  const text = new TextDecoder("utf-8").decode(bytes);
  const result = await withDomainErrors(() => upload.run(viewer, municipalityId, text));
  if (result.ok) revalidatePath(upload.revalidate);
  return answer(result);
}
