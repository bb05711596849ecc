import type { Metadata } from "next";
import { refusePage } from "@/lib/page-errors";
import { ClientMessages } from "@/components/i18n/client-messages";
import Link from "next/link";
import { RowLink } from "@/components/ui/row-link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getIncidentFormOptions, getOwnWeekStatus, listIncidents } from "@/lib/incidents/queries";
import { ZIncidentFilter } from "@/lib/incidents/schema";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { toLocalInputs } from "@/lib/time/format";
import { isPeriodKey, periodRange, shiftPeriod, weekKey } from "@/lib/time/periods";
import { ReportingStateBadge } from "@/components/groups/reporting-state";
import { IncidentForm } from "../../_components/incident-form";
import { NothingToReport } from "../../_components/nothing-to-report";
import { areaAtPinAction, createIncidentAction, placeSuggestionsAction, setNothingToReportAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.weekReport.metaTitle };
}

export default async function WeekReportPage({ params }: { params: Promise<{ week: string }> }) {
  const { week } = await params;
  if (!isPeriodKey(week, "week")) return refusePage();
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const { m: { weekReport: m, common }, f } = await getI18n();
  const now = new Date();
  const [options, status, own] = await Promise.all([
    getIncidentFormOptions(viewer, active.municipalityId),
    getOwnWeekStatus(viewer, active.municipalityId, week),
    listIncidents(viewer, active.municipalityId, ZIncidentFilter.parse({ period: week, organisationId: active.organisationId, status: "ALL" })),
  ]);
  const current = weekKey(now);
  const defaults = week === current ? toLocalInputs(now) : { date: toLocalInputs(periodRange(week).start).date, time: "12:00" };

  return (
    <ClientMessages ns={["incidentForm", "outbox", "weekReport"]}>
      <div className="page-header">
        <div>
          <h1>{fill(m.title, { week: f.period(week) })}</h1>
          <p className="lead">{`${active.organisationName} · ${active.municipalityName}`}</p>
        </div>
        <nav className="toolbar" aria-label={m.changeWeek}>
          <Link className="btn btn-secondary" href={`/incidents/week/${shiftPeriod(week, -1)}`}>{common.previous}</Link>
          {week !== current ? <Link className="btn btn-secondary" href={`/incidents/week/${current}`}>{m.thisWeek}</Link> : null}
          {week < current ? <Link className="btn btn-secondary" href={`/incidents/week/${shiftPeriod(week, 1)}`}>{common.next}</Link> : null}
        </nav>
      </div>

      <section className="card" aria-labelledby="status">
        <h2 id="status">{m.status}</h2>
        <p data-testid="week-status">
          <ReportingStateBadge state={status.state} count={status.count} />
        </p>
        {status.count === 0 ? (
          <NothingToReport municipalityId={active.municipalityId} isoWeek={week} marked={status.state === "NOTHING_TO_REPORT"} action={setNothingToReportAction} />
        ) : null}
      </section>

      <section className="card" aria-labelledby="new">
        <h2 id="new">{m.newIncident}</h2>
        <p className="no-print"><Link href={`/incidents/week/${week}/snabb`}>{m.quickEntry}</Link></p>
        <IncidentForm options={options} defaults={defaults} mode={{ kind: "create", owner: viewer.userId }} submit={createIncidentAction} suggestPlaces={placeSuggestionsAction} areaAtPin={areaAtPinAction} />
      </section>

      <section aria-labelledby="reported">
        <h2 id="reported">{fill(m.reportedBy, { organisation: active.organisationName, count: own.total })}</h2>
        {own.rows.length === 0 ? (
          <p className="meta">{m.nothingYet}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="week-incidents">
              <thead>
                <tr><th scope="col">{m.when}</th><th scope="col">{m.where}</th><th scope="col">{m.category}</th><th scope="col">{m.state}</th></tr>
              </thead>
              <tbody>
                {own.rows.map((i) => (
                  <tr key={i.id} className={i.status === "WITHDRAWN" ? "withdrawn" : undefined}>
                    <td><RowLink href={`/incidents/${i.id}`}>{f.dateTime(i.occurredAt)}</RowLink></td>
                    <td>{`${i.area.name} – ${i.place}`}</td>
                    <td>{i.category.label}</td>
                    <td>{i.status === "WITHDRAWN" ? common.withdrawn : common.active}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </ClientMessages>
  );
}
