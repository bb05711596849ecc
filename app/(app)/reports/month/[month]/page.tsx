import type { Metadata } from "next";
import { orNotFound, refusePage } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { delta } from "@/lib/lagesbild/flags";
import { isUncertainCount } from "@/lib/figures/rules";
import { Uncertain, changeText, comparable } from "@/components/analysis/figure";
import { getMonthlyAreaReport } from "@/lib/reports/monthly";
import { toLocalInputs } from "@/lib/time/format";
import { isPeriodKey, periodRange, shiftPeriod } from "@/lib/time/periods";
import { fill, plural } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";
import { PdfLink } from "@/components/documents/document-pdf";
import { monthReportDocument } from "@/lib/documents/catalogue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.monthReport.metaTitle };
}

const LEVEL_TONE = { GREEN: "ok", YELLOW: "warn", RED: "danger" } as const;

async function load(month: string) {
  if (!isPeriodKey(month, "month")) return refusePage();
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  return orNotFound(async () => {
    const [report, pdf] = await Promise.all([getMonthlyAreaReport(viewer, active.municipalityId, month), monthReportDocument(viewer, month)]);
    return { active, report, pdf };
  });
}

export default async function MonthlyReportPage({ params }: { params: Promise<{ month: string }> }) {
  const { month } = await params;
  const { active, report, pdf } = await load(month);
  const { start, end } = periodRange(month);
  const from = toLocalInputs(start).date;
  const to = toLocalInputs(new Date(end.getTime() - 1)).date;
  const { locale, m: { monthReport: t, analysis, documents }, f } = await getI18n();
  // Every incident is in an area: the areas' sums are the municipality's.
  const whole = (k: "total" | "previous" | "lastYear") => report.areas.reduce((s, a) => s + a[k], 0);
  const busiest = [...report.areas].filter((a) => a.total > 0).sort((a, b) => b.total - a.total).slice(0, 3);
  const red = report.areas.flatMap((a) => a.statuses.filter((s) => s.level === "RED").map((s) => `${a.name} ${f.period(s.week)}`));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{fill(t.title, { month: f.period(month) })}</h1>
          <p className="lead">{`${active.municipalityName} · ${t.lead}`}</p>
          <p className="meta" data-testid="coverage">
            {report.coverage.share === null ? analysis.coverageNone : fill(analysis.coverageShare, { share: `${f.number(report.coverage.share * 100, 0, 0)} %` })}
            {report.through ? ` · ${fill(analysis.throughNote, { date: f.date(new Date(`${report.through}T12:00:00Z`)) })}` : null}
            {` · ${analysis.coverageNote}`}
          </p>
        </div>
        <nav className="toolbar no-print" aria-label={t.changeMonth}>
          <PdfLink pdf={pdf} />
          <PrintButton />
          <Link className="btn btn-secondary" href={`/reports/month/${shiftPeriod(month, -1)}`}>{`← ${f.period(shiftPeriod(month, -1))}`}</Link>
          <Link className="btn btn-secondary" href={`/reports/month/${shiftPeriod(month, 1)}`}>{`${f.period(shiftPeriod(month, 1))} →`}</Link>
        </nav>
      </div>
      <section className="card document-summary" style={{ marginBottom: "1rem" }} aria-labelledby="document-summary" data-testid="document-summary">
        <h2 id="document-summary">{documents.summary}</h2>
        <p data-testid="month-total">
          {fill(t.wholeMunicipality, { count: plural(locale, analysis.incidents, whole("total")) })}
          {` (${fill(t.changes, { previous: changeText(whole("total"), whole("previous"), report.against.previous, analysis), month: f.period(shiftPeriod(month, -1)), lastYear: changeText(whole("total"), whole("lastYear"), report.against.lastYear, analysis) })})`}
        </p>
        {busiest.length ? <p>{fill(t.mostIn, { areas: busiest.map((a) => `${a.name} (${a.total})`).join(", ") })}</p> : null}
        {red.length ? <p>{fill(t.redStatus, { list: red.join(", ") })}</p> : null}
      </section>
      {report.areas.map((a) => (
        <section key={a.id} className="card" style={{ marginBottom: "1rem" }} aria-labelledby={`area-${a.id}`} data-testid="area-section">
          <h2 id={`area-${a.id}`}>{a.isFocus ? fill(analysis.focusArea, { area: a.name }) : a.name}</h2>
          <p>
            <Link href={`/incidents?${new URLSearchParams({ period: "", from, to, areaId: a.id })}`}>{plural(locale, analysis.incidents, a.total)}</Link>
            {a.total > 0 && isUncertainCount(a.total) ? <Uncertain /> : null}
            {` (${fill(t.changes, { previous: changeText(a.total, a.previous, report.against.previous, analysis), month: f.period(shiftPeriod(month, -1)), lastYear: changeText(a.total, a.lastYear, report.against.lastYear, analysis) })}${a.perThousand !== null ? `; ${fill(t.perThousand, { value: f.number(a.perThousand.value) })}` : ""})`}
            {a.perThousand?.uncertain ? <Uncertain title={analysis.uncertainRate} /> : null}
          </p>
          {a.byCategory.some((c) => c.count || c.previous) ? (
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{t.category}</th><th scope="col">{t.count}</th><th scope="col">{t.change}</th></tr></thead>
                <tbody>
                  {a.byCategory.filter((c) => c.count || c.previous).map((c) => (
                    <tr key={c.categoryId}>
                      <td>{report.categories.find((x) => x.id === c.categoryId)?.label}</td>
                      <td><Link href={`/incidents?${new URLSearchParams({ period: "", from, to, areaId: a.id, categoryId: c.categoryId })}`}>{c.count}</Link></td>
                      <td>{comparable(report.against.previous) ? delta(c.count, c.previous, locale) : "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : <p className="meta">{t.noIncidents}</p>}
          {a.topPlaces.length ? <p><strong>{analysis.places}</strong>{" "}{a.topPlaces.map((p) => `${p.place} (${p.count})`).join(", ")}</p> : null}
          {a.statuses.length ? (
            <ul className="status-list">
              {a.statuses.map((s) => (
                <li key={`${s.week}-${s.group}`}>
                  <span>{`${f.period(s.week)}, ${s.group}${s.reason ? ` – ${s.reason}` : ""}`}</span>
                  <Badge tone={LEVEL_TONE[s.level]}>{analysis.level[s.level]}</Badge>
                </li>
              ))}
            </ul>
          ) : <p className="meta">{t.noStatus}</p>}
        </section>
      ))}
    </>
  );
}
