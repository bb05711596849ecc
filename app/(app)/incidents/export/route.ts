import { getViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { recordAudit } from "@/lib/audit/mutations";
import { iterateIncidents } from "@/lib/incidents/queries";
import { ZIncidentFilter } from "@/lib/incidents/schema";
import { toCsvLine, INCIDENT_CSV_HEADER, incidentToCsv } from "@/lib/incidents/csv-export";

// The filtered list as CSV, streamed in batches: no row limit, constant memory.
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Inloggning krävs.", { status: 401 });
  const active = await getActiveMembership(viewer);
  const filter = ZIncidentFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
  await recordAudit({ userId: viewer.userId, municipalityId: active.municipalityId, action: "incident:export", details: { filter: JSON.parse(JSON.stringify({ ...filter, q: filter.q ? "[fritext]" : undefined })) } });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      // BOM so that Excel opens UTF-8 correctly.
      controller.enqueue(encoder.encode("\uFEFF" + toCsvLine(INCIDENT_CSV_HEADER)));
      for await (const rows of iterateIncidents(viewer, active.municipalityId, filter)) {
        controller.enqueue(encoder.encode(rows.map((r) => toCsvLine(incidentToCsv(r))).join("")));
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="handelser-${active.municipalitySlug}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
