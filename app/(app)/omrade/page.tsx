import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getRollupAcross } from "@/lib/rollups/across";
import { isPeriodKey, monthKey, quarterKey, shiftPeriod, tertialKey, weekKey } from "@/lib/time/periods";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { Uncertain, changeText } from "@/components/analysis/figure";
import { isUncertainRate } from "@/lib/figures/rules";
import { TrendChart } from "@/components/analysis/trend-chart";
import { PrintButton } from "@/components/ui/print-button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { FormError } from "@/components/ui/form-error";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.across.metaTitle };
}

export default async function AcrossPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  const viewer = await requireViewer();
  const asked = (await searchParams).period;
  const now = new Date();
  const period = asked && isPeriodKey(asked) ? asked : tertialKey(now);
  const { municipalities, categories, through } = await getRollupAcross(viewer, period, now);
  const { m: { across: t, analysis }, f } = await getI18n();
  const choices = [tertialKey(now), shiftPeriod(tertialKey(now), -1), quarterKey(now), monthKey(now), shiftPeriod(weekKey(now), -1)];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t.title}</h1>
          <p className="lead">{`${f.period(period)}${through ? ` (${fill(analysis.through, { date: f.date(new Date(`${through}T12:00:00Z`)) })})` : ""} · ${t.lead}`}</p>
        </div>
        <div className="toolbar no-print"><PrintButton /></div>
      </div>
      <nav className="toolbar no-print" aria-label={t.choosePeriod} style={{ marginBottom: "1rem" }}>
        {choices.map((c) => (
          <Link key={c} className="btn btn-secondary" aria-current={c === period ? "page" : undefined} href={`/omrade?period=${c}`}>{f.period(c)}</Link>
        ))}
        <form method="get" className="toolbar">
          <label htmlFor="period" className="visually-hidden">{t.otherPeriod}</label>
          <input id="period" name="period" placeholder={t.periodExample} defaultValue={asked ?? ""} style={{ width: "9rem" }} />
          <button type="submit" className="btn btn-secondary">{t.show}</button>
        </form>
      </nav>
      {asked && !isPeriodKey(asked) ? <FormError message={fill(t.notPeriod, { asked })} /> : null}
      {municipalities.length === 0 ? (
        <p className="meta">{t.noGroups}</p>
      ) : (
        <>
          {municipalities.some((m) => m.coverage.share !== null) ? (
            <TrendChart title={fill(t.chartTitle, { period: f.period(period) })} periods={[shiftPeriod(period, -1), period]} series={municipalities.filter((m) => m.coverage.share !== null).map((m) => ({ label: m.name, values: [m.previous, m.count] }))} />
          ) : null}
          <ScrollRegion label={t.tableLabel}>
            <table data-testid="across-table">
              <caption className="visually-hidden">{t.caption}</caption>
              <thead>
                <tr><th scope="col">{t.municipality}</th><th scope="col">{t.incidents}</th><th scope="col">{t.againstPrevious}</th><th scope="col">{t.againstLastYear}</th><th scope="col">{t.perThousand}</th>{categories.map((c) => <th key={c.code} scope="col">{c.label}</th>)}</tr>
              </thead>
              <tbody>
                {municipalities.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.name}</th>
                    <td>{m.coverage.share === null ? <span className="meta">{analysis.coverageNone}</span> : <>{m.count}{m.reports !== m.count ? <span className="meta">{` ${fill(t.reportsBeside, { count: m.reports })}`}</span> : null}</>}</td>
                    <td>{changeText(m.count, m.previous, m.against.previous, analysis)}</td>
                    <td>{changeText(m.count, m.lastYear, m.against.lastYear, analysis)}</td>
                    <td>{m.perThousand === null ? "–" : <>{f.number(m.perThousand, 2, 2)}{isUncertainRate(m.count, m.population ?? 0) ? <Uncertain title={analysis.uncertainRate} /> : null}</>}</td>
                    {categories.map((c) => <td key={c.code}>{m.byCategory[c.code]}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="meta">{t.note}</p>
          <p className="meta">{through ? `${fill(analysis.throughNote, { date: f.date(new Date(`${through}T12:00:00Z`)) })} ` : ""}{analysis.coverageNote}</p>
        </>
      )}
    </>
  );
}
