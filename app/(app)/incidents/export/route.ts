import { Readable } from "node:stream";
import { getViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { recordAudit } from "@/lib/audit/mutations";
import { iterateIncidents } from "@/lib/incidents/queries";
import { ZIncidentFilter } from "@/lib/incidents/schema";
import { ALL_EXPORT_FORMATS, EXPORT_CONTENT_TYPE, exportFileName, incidentExport } from "@/lib/incidents/export";

// The filtered list as a file (xlsx, CSV for Swedish Excel, comma CSV, or GeoJSON), streamed in batches: no
// row limit, constant memory. Importing it again updates the same incidents (lib/incidents/export).
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Inloggning krävs.", { status: 401 });
  const active = await getActiveMembership(viewer);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = ZIncidentFilter.parse(params);
  const format = ALL_EXPORT_FORMATS.find((f) => f === params.format) ?? "csv";
  await recordAudit({ userId: viewer.userId, municipalityId: active.municipalityId, action: "incident:export", details: { format, filter: JSON.parse(JSON.stringify({ ...filter, q: filter.q ? "[fritext]" : undefined })) } });
  const file = incidentExport(format, iterateIncidents(viewer, active.municipalityId, filter));
  return new Response(Readable.toWeb(file) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPE[format],
      "Content-Disposition": `attachment; filename="${exportFileName(`handelser-${active.municipalitySlug}`, format)}"`,
      "Cache-Control": "no-store",
    },
  });
}
