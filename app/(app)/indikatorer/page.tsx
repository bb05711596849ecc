import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getIndicatorCoverage } from "@/lib/indicators/coverage";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.indicators.title };
}

export default async function IndicatorCoveragePage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const c = await orNotFound(getIndicatorCoverage(viewer, active.municipalityId));
  const missing = c.indicators.filter((i) => i.missingLastTertial).length;
  const offTrack = c.indicators.filter((i) => i.offTrack).length;
  const { m: { indicators: t }, f } = await getI18n();
  const num = (n: number) => f.number(n, 3);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{`${t.title}${c.mission ? ` – ${c.mission}` : ""}`}</h1>
          <p className="lead">{`${active.municipalityName} · ${t.lead}`}</p>
        </div>
        <div className="toolbar no-print">{c.canEdit ? <Link className="btn" href="/indikatorer/ny">{t.new}</Link> : null}<PrintButton /></div>
      </div>
      <div className="grid" style={{ marginBottom: "1rem" }}>
        <section className="card" aria-labelledby="without" data-testid="boards-without">
          <h2 id="without">{t.boardsWithout}</h2>
          {c.boardsWithout.length ? (
            <ul>{c.boardsWithout.map((b) => <li key={b}><strong>{b}</strong>{c.canEdit ? <>{" · "}<Link href={`/indikatorer/ny?${new URLSearchParams({ namnd: b })}`}>{t.add}</Link></> : null}</li>)}</ul>
          ) : <p>{fill(t.allBoards, { count: c.participants.length })}</p>}
        </section>
        <section className="card" aria-labelledby="summary">
          <h2 id="summary">{t.status}</h2>
          <p><strong>{c.indicators.length}</strong>{` ${fill(t.fromBoards, { covered: c.participants.length - c.boardsWithout.length, count: c.participants.length })}`}</p>
          <p><strong data-testid="missing-count">{missing}</strong>{` ${fill(t.missing, { period: f.period(c.lastTertial) })}`}</p>
          <p><strong>{offTrack}</strong>{` ${t.worse}`}</p>
        </section>
      </div>
      {c.indicators.length === 0 ? <p className="meta">{c.canEdit ? t.noneYetCanEdit : t.noneYet}</p> : (
        <div className="table-wrap">
          <table data-testid="indicator-table">
            <thead><tr><th scope="col">{t.indicator}</th><th scope="col">{t.board}</th><th scope="col">{t.baseline}</th><th scope="col">{t.latest}</th><th scope="col">{t.target}</th><th scope="col">{t.statusCol}</th></tr></thead>
            <tbody>
              {c.indicators.map((i) => (
                <tr key={i.id}>
                  <td><Link href={`/indikatorer/${i.id}`}>{i.name}</Link></td>
                  <td>{i.ownerBoard}</td>
                  <td>{i.baseline !== null ? `${num(i.baseline)} ${i.unit ?? ""}${i.baselineYear ? ` (${i.baselineYear})` : ""}` : "–"}</td>
                  <td>{i.latest ? `${num(i.latest.value)} ${i.unit ?? ""} (${i.latest.periodKey})` : "–"}</td>
                  <td>{i.target !== null ? `${num(i.target)} ${i.unit ?? ""}` : "–"}</td>
                  <td>
                    {i.offTrack ? <Badge tone="danger">{t.offTrack}</Badge> : null}{" "}
                    {i.missingLastTertial ? <Badge tone="warn">{fill(t.noValue, { period: c.lastTertial })}</Badge> : null}
                    {!i.offTrack && !i.missingLastTertial ? <Badge tone="ok">{t.reported}</Badge> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
