import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { drillDown, drillLabels, ZDrillFilter } from "@/lib/analysis/drilldown";
import { isExpectedError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time/format";
import { isPeriodKey, periodLabel } from "@/lib/time/periods";

export const metadata: Metadata = { title: "Händelser bakom siffran" };

const DAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"];

export default async function DrillDownPage({ params, searchParams }: { params: Promise<{ tertial: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tertial } = await params;
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const filter = ZDrillFilter.safeParse(raw);
  if (!isPeriodKey(tertial, "tertial") || !filter.success) notFound();
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  let result;
  try {
    result = await drillDown(viewer, active.municipalityId, tertial, filter.data);
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const f = filter.data;
  const names = await drillLabels(active.municipalityId, f.areaId, f.categoryId);
  const what = [
    periodLabel(f.slot),
    names.area,
    names.category,
    f.place,
    f.weekday ? DAYS[f.weekday - 1] : undefined,
    f.hour !== undefined ? `kl. ${String(f.hour).padStart(2, "0")}–${String(f.hour + 1).padStart(2, "0")}` : undefined,
  ].filter(Boolean).join(" · ");
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Händelser bakom siffran</h1>
          <p className="lead" data-testid="drill-what">{what}</p>
        </div>
        <Link className="btn btn-secondary no-print" href={`/tertial/${tertial}`}>← Till analysen {periodLabel(tertial)}</Link>
      </div>
      <p data-testid="drill-count">
        <strong>{result.total}</strong> händelser{result.total > result.shown ? ` (de ${result.shown} senaste visas)` : ""}.{" "}
        {result.fromSnapshot ? "Ur den godkända analysens ögonblicksbild: samma händelser som när den godkändes." : "Aktuella uppgifter: analysen är ännu inte godkänd."}
      </p>
      <div className="table-wrap">
        <table data-testid="drill-table">
          <thead><tr><th scope="col">Tid</th><th scope="col">Kommundel</th><th scope="col">Plats</th><th scope="col">Kategori</th><th scope="col">Beskrivning</th></tr></thead>
          <tbody>
            {result.incidents.map((i) => (
              <tr key={i.id} className={i.status === "WITHDRAWN" ? "withdrawn" : undefined}>
                <td><Link href={`/incidents/${i.id}`}>{formatDateTime(i.occurredAt)}</Link></td>
                <td>{i.area}</td>
                <td>{i.place}</td>
                <td>{i.category}</td>
                <td>{i.description.length > 140 ? `${i.description.slice(0, 140)} …` : i.description}{i.status === "WITHDRAWN" ? " (återkallad efter godkännandet)" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
