import { isDatabaseReachable } from "@/lib/health";

// Public liveness/readiness probe: is the database reachable? Reveals nothing else.
export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await isDatabaseReachable();
  return Response.json(
    ok ? { status: "ok", database: "ok" } : { status: "error", database: "unreachable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
