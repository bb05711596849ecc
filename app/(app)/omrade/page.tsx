import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getRollupAcross } from "@/lib/rollups/across";
import { isPeriodKey, monthKey, periodLabel, quarterKey, shiftPeriod, tertialKey, weekKey } from "@/lib/time/periods";
import { changeText } from "@/components/analysis/figure";
import { TrendChart } from "@/components/analysis/trend-chart";
import { PrintButton } from "@/components/ui/print-button";
import { formatDecimal } from "@/lib/text/number";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Flera kommuner" };

export default async function AcrossPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  const viewer = await requireViewer();
  const asked = (await searchParams).period;
  const now = new Date();
  const period = asked && isPeriodKey(asked) ? asked : tertialKey(now);
  const { municipalities, categories } = await getRollupAcross(viewer, period);
  const choices = [tertialKey(now), shiftPeriod(tertialKey(now), -1), quarterKey(now), monthKey(now), shiftPeriod(weekKey(now), -1)];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Flera kommuner sida vid sida</h1>
          <p className="lead">{periodLabel(period)} · kommunerna där du deltar i EST-arbetet, t.ex. ett lokalpolisområde</p>
        </div>
        <div className="toolbar no-print"><PrintButton /></div>
      </div>
      <nav className="toolbar no-print" aria-label="Välj period" style={{ marginBottom: "1rem" }}>
        {choices.map((c) => (
          <Link key={c} className="btn btn-secondary" aria-current={c === period ? "page" : undefined} href={`/omrade?period=${c}`}>{periodLabel(c)}</Link>
        ))}
        <form method="get" className="toolbar">
          <label htmlFor="period" className="visually-hidden">Annan period</label>
          <input id="period" name="period" placeholder="t.ex. 2026-Q1" defaultValue={asked ?? ""} style={{ width: "9rem" }} />
          <button type="submit" className="btn btn-secondary">Visa</button>
        </form>
      </nav>
      {asked && !isPeriodKey(asked) ? <p className="alert alert-error" role="alert">”{asked}” är ingen period. Skriv t.ex. 2026-W07, 2026-02, 2026-Q1 eller 2026-T1.</p> : null}
      {municipalities.length === 0 ? (
        <p className="meta">Du deltar inte i någon EST-grupp ännu.</p>
      ) : (
        <>
          <TrendChart title={`Händelser ${periodLabel(period)} per kommun`} periods={[shiftPeriod(period, -1), period]} series={municipalities.map((m) => ({ label: m.name, values: [m.previous, m.count] }))} />
          <ScrollRegion label="Händelser per kommun, tabell">
            <table data-testid="across-table">
              <caption className="visually-hidden">Händelser per kommun</caption>
              <thead>
                <tr><th scope="col">Kommun</th><th scope="col">Händelser</th><th scope="col">Mot föregående period</th><th scope="col">Mot samma period i fjol</th><th scope="col">Per 1 000 inv.</th>{categories.map((c) => <th key={c.code} scope="col">{c.label}</th>)}</tr>
              </thead>
              <tbody>
                {municipalities.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.name}</th>
                    <td>{m.count}</td>
                    <td>{changeText(m.count, m.previous)}</td>
                    <td>{changeText(m.count, m.lastYear)}</td>
                    <td>{m.perThousand === null ? "–" : formatDecimal(m.perThousand, 2, 2)}</td>
                    {categories.map((c) => <td key={c.code}>{m.byCategory[c.code]}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="meta">Siffrorna räknar händelser som inte återkallats, efter när de inträffade i svensk tid – samma som GET /api/v1/rollups.</p>
        </>
      )}
    </>
  );
}
