import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { listGroupsForViewer } from "@/lib/groups/queries";
import { tertialTasks } from "@/lib/analysis/tertial";
import { getOwnWeekStatus, getWeekCompleteness } from "@/lib/incidents/queries";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { weekKey } from "@/lib/time/periods";
import { GroupCard } from "@/components/groups/group-card";
import { ReportingStateBadge } from "@/components/groups/reporting-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.home.title };
}

export default async function MyGroupsPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const { m, f } = await getI18n();
  const week = weekKey(new Date());
  const [groups, own, completeness, tasks] = await Promise.all([
    listGroupsForViewer(viewer, active.municipalityId),
    getOwnWeekStatus(viewer, active.municipalityId, week),
    getWeekCompleteness(viewer, active.municipalityId, week),
    tertialTasks(viewer, active.municipalityId),
  ]);
  const mine = groups.filter((g) => g.myRole !== null);
  const others = groups.filter((g) => g.myRole === null);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{m.home.title}</h1>
          <p className="lead">
            {`${active.municipalityName} · ${active.organisationName}`}
          </p>
        </div>
      </div>

      {tasks.length > 0 ? (
        <section className="card card-attention" aria-labelledby="tertial-tasks" data-testid="tertial-tasks">
          <h2 id="tertial-tasks">{m.home.tertialTasks}</h2>
          <ul>
            {tasks.map((t) => (
              <li key={`${t.kind}:${t.tertial}`}>
                <Link href={`/tertial/${t.tertial}`}>{fill(m.home.tertialTask[t.kind], { period: f.period(t.tertial) })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="week-status">
        <h2 id="week-status">{fill(m.home.weekReporting, { week: f.period(week) })}</h2>
        <p>
          {`${own.organisationName}: `}<ReportingStateBadge state={own.state} count={own.count} />{" "}
          <Link href={`/incidents/week/${week}`}>{m.home.openWeekReport}</Link>
        </p>
        {completeness ? (
          <details>
            <summary>
              {fill(m.home.allOrganisations, {
                reported: completeness.filter((c) => c.state === "REPORTED").length,
                nothing: completeness.filter((c) => c.state === "NOTHING_TO_REPORT").length,
                silent: completeness.filter((c) => c.state === "SILENT").length,
              })}
            </summary>
            <ul className="status-list" aria-label={m.home.perOrganisation}>
              {completeness.map((c) => (
                <li key={c.id}>
                  <span>{c.name}</span>
                  <ReportingStateBadge state={c.state} count={c.count} />
                </li>
              ))}
            </ul>
            <p><Link href="/incidents/completeness">{m.home.completenessLink}</Link></p>
          </details>
        ) : null}
      </section>

      <h2>{m.home.myGroups}</h2>
      {mine.length === 0 ? (
        <p className="meta">{fill(m.home.noGroups, { municipality: active.municipalityName })}</p>
      ) : (
        <div className="grid" data-testid="my-groups">
          {mine.map((g) => (
            <GroupCard key={g.id} group={g} />
          ))}
        </div>
      )}

      {others.length > 0 ? (
        <>
          <h2>{m.home.otherGroups}</h2>
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
