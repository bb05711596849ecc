import type { Metadata } from "next";
import { refusePage } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getWeekCompleteness } from "@/lib/incidents/queries";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { shiftPeriod, weekKey } from "@/lib/time/periods";
import { getReportingOverview } from "@/lib/coverage/queries";
import { addDays } from "@/lib/coverage/rule";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ActionButton } from "@/components/ui/action-button";
import { ReportingDaysForm, ReportingPauseForm } from "./_components/reporting-forms";
import { addReportingPauseAction, removeReportingPauseAction, setReportingDaysAction } from "./actions";

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
  if (perWeek.some((w) => w === null)) return refusePage("FORBIDDEN");
  const organisations = perWeek[0]!;
  const reporting = await getReportingOverview(viewer, active.municipalityId);
  const { m: { completeness: t, reportingDays: r }, f } = await getI18n();
  const share = reporting.coverage.share === null ? "–" : `${f.number(reporting.coverage.share * 100, 0, 0)} %`;
  return (
    <ClientMessages ns={["reportingDays"]}>
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

      <section className="card" style={{ marginTop: "1.5rem" }} aria-labelledby="reporting-days">
        <h2 id="reporting-days">{r.title}</h2>
        <p className="meta" data-testid="reporting-coverage">{fill(r.lead, { tertial: f.period(reporting.tertial), share })}</p>
        <div className="table-wrap">
          <table data-testid="reporting-days">
            <thead>
              <tr><th scope="col">{r.organisation}</th><th scope="col">{r.from}</th><th scope="col">{r.until}</th><th scope="col">{r.pauses}</th><th scope="col">{fill(r.coverage, { tertial: f.period(reporting.tertial) })}</th></tr>
            </thead>
            <tbody>
              {reporting.organisations.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    {o.name}
                    {reporting.mayManage ? (
                      <details className="no-print">
                        <summary>{r.change}</summary>
                        <ReportingDaysForm organisationId={o.id} organisation={o.name} start={o.start ?? ""} lastDay={o.lastDay ?? ""} action={setReportingDaysAction} />
                        <ReportingPauseForm organisationId={o.id} organisation={o.name} action={addReportingPauseAction} />
                      </details>
                    ) : null}
                  </th>
                  <td>{o.start ?? (o.firstReport ? fill(r.firstReport, { week: f.period(weekKey(new Date(`${o.firstReport}T12:00:00Z`))) }) : <span className="meta">{r.never}</span>)}</td>
                  <td>{o.lastDay ?? <span className="meta">{r.ongoing}</span>}</td>
                  <td>
                    {o.pauses.length === 0 ? <span className="meta">{r.noPauses}</span> : (
                      <ul className="plain">
                        {o.pauses.map((p) => (
                          <li key={p.id}>
                            {`${p.from} – ${p.to}${p.reason ? ` (${p.reason})` : ""} `}
                            {reporting.mayManage ? <ActionButton action={removeReportingPauseAction} input={{ pauseId: p.id }} label={r.remove} ariaLabel={fill(r.removePause, { days: `${p.from} – ${p.to}` })} /> : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {o.coverage ? `${f.number((o.coverage.coveredDays / Math.max(1, o.coverage.expectedDays)) * 100, 0, 0)} %` : <span className="meta">{r.notExpected}</span>}
                    {o.coverage?.gaps.length ? <span className="meta">{` · ${fill(r.gaps, { days: o.coverage.gaps.map((g) => `${g.from} – ${addDays(g.until, -1)}`).join(", ") })}`}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </ClientMessages>
  );
}
