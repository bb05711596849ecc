import { Readable } from "node:stream";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { importTemplate } from "@/lib/incidents/import/template";

// A file to fill in: the import's header, one example row with the municipality's own names, and
// in the workbook a sheet of the valid areas, categories and organisations.
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Inloggning krävs.", { status: 401 });
  const active = await getActiveMembership(viewer);
  if (!can(viewer, "incident:import", { municipalityId: active.municipalityId })) return new Response("Du har inte behörighet att importera händelser.", { status: 403 });
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const file = await importTemplate(active.municipalityId, format);
  return new Response(Readable.toWeb(file) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="mall-handelser.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
