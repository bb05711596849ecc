import { getViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { recordAudit } from "@/lib/audit/mutations";
import { toCsvLine } from "@/lib/text/csv";
import { listMeasures } from "@/lib/measures/register";
import { MEASURE_STATUS_LABEL, verdictLabel } from "@/lib/measures/labels";
import { ZMeasureFilter } from "@/lib/measures/schema";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** The filtered action register as CSV (the same rows the page shows). */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Inloggning krävs.", { status: 401 });
  const active = await getActiveMembership(viewer);
  const filter = ZMeasureFilter.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { measures } = await listMeasures(viewer, active.municipalityId, filter);
  await recordAudit({ userId: viewer.userId, municipalityId: active.municipalityId, action: "measure:export", details: { filter } });
  const header = ["titel", "status", "ansvarig_organisation", "ansvarig", "kommundel", "grupp", "start", "klart_senast", "forsenad", "effekt", "senaste_uppfoljning"];
  const lines = measures.map((m) =>
    toCsvLine([
      m.title, MEASURE_STATUS_LABEL[m.status].toLowerCase(), m.ownerOrg.name, m.responsibleName ?? "", m.area?.name ?? "", m.group?.name ?? "", day(m.startDate), day(m.dueDate),
      m.overdue ? "ja" : "nej", verdictLabel(m.effectVerdict) ?? "",
      m.latestFollowUp ? `${day(m.latestFollowUp.date)}: ${m.latestFollowUp.text}` : "",
    ]),
  );
  return new Response("\uFEFF" + toCsvLine(header) + lines.join(""), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="atgarder-${active.municipalitySlug}.csv"`, "Cache-Control": "no-store" },
  });
}
