import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { listGroupsForViewer } from "@/lib/groups/queries";
import { getOwnWeekStatus, getWeekCompleteness } from "@/lib/incidents/queries";
import { periodLabel, weekKey } from "@/lib/time/periods";
import { GroupCard } from "@/components/groups/group-card";
import { ReportingStateBadge } from "@/components/groups/reporting-state";

export const metadata: Metadata = { title: "Mina grupper" };

export default async function MyGroupsPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const week = weekKey(new Date());
  const [groups, own, completeness] = await Promise.all([
    listGroupsForViewer(viewer, active.municipalityId),
    getOwnWeekStatus(viewer, active.municipalityId, week),
    getWeekCompleteness(viewer, active.municipalityId, week),
  ]);
  const mine = groups.filter((g) => g.myRole !== null);
  const others = groups.filter((g) => g.myRole === null);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Mina grupper</h1>
          <p className="lead">
            {active.municipalityName} · {active.organisationName}
          </p>
        </div>
      </div>

      <section className="card" aria-labelledby="week-status">
        <h2 id="week-status">Veckans rapportering – {periodLabel(week)}</h2>
        <p>
          {own.organisationName}: <ReportingStateBadge state={own.state} count={own.count} />{" "}
          <Link href={`/incidents/week/${week}`}>Öppna veckorapporten</Link>
        </p>
        {completeness ? (
          <details>
            <summary>
              Alla organisationer: {completeness.filter((c) => c.state === "REPORTED").length} har rapporterat,{" "}
              {completeness.filter((c) => c.state === "NOTHING_TO_REPORT").length} inget att rapportera,{" "}
              {completeness.filter((c) => c.state === "SILENT").length} ej hörts av
            </summary>
            <ul className="status-list" aria-label="Rapportering per organisation">
              {completeness.map((c) => (
                <li key={c.id}>
                  <span>{c.name}</span>
                  <ReportingStateBadge state={c.state} count={c.count} />
                </li>
              ))}
            </ul>
            <p><Link href="/incidents/completeness">Rapporteringsgrad de senaste veckorna</Link></p>
          </details>
        ) : null}
      </section>

      <h2>Grupper jag är med i</h2>
      {mine.length === 0 ? (
        <p className="meta">Du är inte med i någon EST-grupp i {active.municipalityName} ännu.</p>
      ) : (
        <div className="grid" data-testid="my-groups">
          {mine.map((g) => (
            <GroupCard key={g.id} group={g} />
          ))}
        </div>
      )}

      {others.length > 0 ? (
        <>
          <h2>Övriga grupper i kommunen</h2>
          <div className="grid" data-testid="other-groups">
            {others.map((g) => (
              <GroupCard key={g.id} group={g} />
            ))}
          </div>
        </>
      ) : null}
    </>
  );
}
