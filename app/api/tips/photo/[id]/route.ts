import { getViewer } from "@/lib/auth/session";
import { getTipPhoto } from "@/lib/tips/queries";

/** A tip's (re-encoded) photo, for coordinators. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  const photo = viewer ? await getTipPhoto(viewer, (await params).id) : null;
  if (!photo) return new Response("Finns inte.", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(photo.bytes), { headers: { "Content-Type": photo.type, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });
}
