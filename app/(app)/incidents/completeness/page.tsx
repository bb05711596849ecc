import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getWeekCompleteness } from "@/lib/incidents/queries";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { shiftPeriod, weekKey } from "@/lib/time/periods";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.completeness.title };
}

const WEEKS = 8;
const SYMBOL = { REPORTED: "✔", NOTHING_TO_REPORT: "–", SILENT: "!" } as const;

// Coordinators see, per organisation and week, who reported, who had nothing, who was silent.
export default async function CompletenessPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const current = weekKey(new Date());
  const weeks = Array.from({ length: WEEKS }, (_, i) => shiftPeriod(current, i - WEEKS + 1));
  const perWeek = await Promise.all(weeks.map((w) => getWeekCompleteness(viewer, active.municipalityId, w)));
  if (perWeek.some((w) => w === null)) notFound();
  const organisations = perWeek[0]!;
  const { m: { completeness: t }, f } = await getI18n();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t.title}</h1>
          <p className="lead">{`${active.municipalityName} · ${fill(t.lead, { weeks: WEEKS })}`}</p>
        </div>
      </div>
      <p className="meta">{t.legend}</p>
      <div className="table-wrap">
        <table data-testid="completeness">
          <thead>
            <tr>
              <th scope="col">{t.organisation}</th>
              {weeks.map((w) => <th key={w} scope="col"><Link href={`/incidents?period=${w}`}>{f.period(w).replace(/ \d{4}$/, "")}</Link></th>)}
            </tr>
          </thead>
          <tbody>
            {organisations.map((org) => (
              <tr key={org.id}>
                <th scope="row">{org.name}</th>
                {perWeek.map((week, i) => {
                  const cell = week!.find((c) => c.id === org.id)!;
                  return (
                    <td key={weeks[i]} className={`state-${cell.state.toLowerCase()}`} title={`${f.period(weeks[i]!)}: ${t.state[cell.state]}`}>
                      <span aria-hidden="true">{SYMBOL[cell.state]}{cell.count ? ` ${cell.count}` : ""}</span>
                      <span className="visually-hidden">{`${t.state[cell.state]}${cell.count ? `, ${cell.count}` : ""}`}</span>
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
