import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getWeekCompleteness } from "@/lib/incidents/queries";
import { periodLabel, shiftPeriod, weekKey } from "@/lib/time/periods";

export const metadata: Metadata = { title: "Rapporteringsgrad" };

const WEEKS = 8;
const SYMBOL = { REPORTED: "✔", NOTHING_TO_REPORT: "–", SILENT: "!" } as const;
const TEXT = { REPORTED: "rapporterat", NOTHING_TO_REPORT: "inget att rapportera", SILENT: "ej hörts av" } as const;

// Coordinators see, per organisation and week, who reported, who had nothing, who was silent.
export default async function CompletenessPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const current = weekKey(new Date());
  const weeks = Array.from({ length: WEEKS }, (_, i) => shiftPeriod(current, i - WEEKS + 1));
  const perWeek = await Promise.all(weeks.map((w) => getWeekCompleteness(viewer, active.municipalityId, w)));
  if (perWeek.some((w) => w === null)) notFound();
  const organisations = perWeek[0]!;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Rapporteringsgrad</h1>
          <p className="lead">{active.municipalityName} · organisationerna i EST Vecko, senaste {WEEKS} veckorna</p>
        </div>
      </div>
      <p className="meta">✔ rapporterat (antal) · – inget att rapportera · ! ej hörts av</p>
      <div className="table-wrap">
        <table data-testid="completeness">
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              {weeks.map((w) => <th key={w} scope="col"><Link href={`/incidents?period=${w}`}>{periodLabel(w).replace(/ \d{4}$/, "")}</Link></th>)}
            </tr>
          </thead>
          <tbody>
            {organisations.map((org) => (
              <tr key={org.id}>
                <th scope="row">{org.name}</th>
                {perWeek.map((week, i) => {
                  const cell = week!.find((c) => c.id === org.id)!;
                  return (
                    <td key={weeks[i]} className={`state-${cell.state.toLowerCase()}`} title={`${periodLabel(weeks[i]!)}: ${TEXT[cell.state]}`}>
                      <span aria-hidden="true">{SYMBOL[cell.state]}{cell.count ? ` ${cell.count}` : ""}</span>
                      <span className="visually-hidden">{TEXT[cell.state]}{cell.count ? `, ${cell.count}` : ""}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
