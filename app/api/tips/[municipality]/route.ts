import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import { clientAddress } from "@/lib/http/client-address";
import { readBodyCapped } from "@/lib/http/body";
import { isSameOrigin } from "@/lib/http/same-origin";
import { logger } from "@/lib/logger";
import { reencodePhoto } from "@/lib/tips/photo";
import { submitTip } from "@/lib/tips/mutations";
import { ZTip } from "@/lib/tips/schema";

const NO_STORE = { "Cache-Control": "no-store" };
const DEVICE_COOKIE = "est-device";
const MAX_BODY = 6 * 1024 * 1024;

/**
 * A resident's tip (multipart form). Public on purpose: residents have no accounts. Guarded by
 * same-origin, a honeypot, size limits, re-encoded images and rate limits per device and per
 * address kept in PostgreSQL. Errors are message keys the form shows in the visitor's language.
 */
export async function POST(request: Request, { params }: { params: Promise<{ municipality: string }> }) {
  if (!isSameOrigin(request)) return Response.json({ error: "err_generic" }, { status: 403, headers: NO_STORE });
  // Counted as it arrives: a chunked upload without Content-Length is cut off at the cap too.
  const bytes = await readBodyCapped(request, MAX_BODY);
  if (!bytes) return Response.json({ fieldErrors: { photo: "err_photoSize" } }, { status: 413, headers: NO_STORE });
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return Response.json({ error: "err_generic" }, { status: 400, headers: NO_STORE });
  }
  const fields = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
  const parsed = ZTip.safeParse(fields);
  if (!parsed.success) {
    // A filled-in honeypot gets the same answer as success would look like to a bot: nothing useful.
    if (parsed.error.issues.some((i) => i.path[0] === "website")) return Response.json({ error: "err_generic" }, { status: 400, headers: NO_STORE });
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message.startsWith("err_") ? i.message : "err_required"]));
    return Response.json({ fieldErrors }, { status: 400, headers: NO_STORE });
  }
  const file = form.get("photo");
  let photo: { bytes: Buffer; type: string } | null = null;
  if (file instanceof File && file.size > 0) {
    const result = await reencodePhoto(new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) return Response.json({ fieldErrors: { photo: result.error } }, { status: 400, headers: NO_STORE });
    photo = { bytes: result.bytes, type: result.type };
  }
  const jar = await cookies();
  const device = jar.get(DEVICE_COOKIE)?.value ?? randomUUID();
  const h = await headers();
  const address = clientAddress((name) => h.get(name));
  const result = await submitTip((await params).municipality, parsed.data, photo, { address, device });
  jar.set(DEVICE_COOKIE, device, { httpOnly: true, sameSite: "lax", secure: new URL(request.url).protocol === "https:", maxAge: 365 * 86_400, path: "/" });
  if (!result.ok && result.error === "foreign_area") return Response.json({ fieldErrors: { areaId: "err_required" } }, { status: 400, headers: NO_STORE });
  if (!result.ok) {
    if (result.error === "err_rate") logger.warn("tip throttled");
    return Response.json({ error: result.error === "not_found" ? "err_generic" : result.error }, { status: result.error === "not_found" ? 404 : 429, headers: NO_STORE });
  }
  return Response.json({ code: result.code }, { status: 201, headers: NO_STORE });
}
