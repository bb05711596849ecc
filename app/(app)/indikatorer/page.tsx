import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { isExpectedError } from "@/lib/errors";
import { getIndicatorCoverage } from "@/lib/indicators/coverage";
import { periodLabel } from "@/lib/time/periods";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";

export const metadata: Metadata = { title: "Indikatorer" };

const num = (n: number) => n.toLocaleString("sv-SE");

export default async function IndicatorCoveragePage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const c = await getIndicatorCoverage(viewer, active.municipalityId).catch((e) => (isExpectedError(e) ? notFound() : Promise.reject(e)));
  const missing = c.indicators.filter((i) => i.missingLastTertial).length;
  const offTrack = c.indicators.filter((i) => i.offTrack).length;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Indikatorer{c.mission ? ` – ${c.mission}` : ""}</h1>
          <p className="lead">{active.municipalityName} · täckning och utfall per nämnd</p>
        </div>
        <div className="toolbar no-print">{c.canEdit ? <Link className="btn" href="/indikatorer/ny">Ny indikator</Link> : null}<PrintButton /></div>
      </div>
      <div className="grid" style={{ marginBottom: "1rem" }}>
        <section className="card" aria-labelledby="without" data-testid="boards-without">
          <h2 id="without">Nämnder utan mätbar indikator</h2>
          {c.boardsWithout.length ? (
            <ul>{c.boardsWithout.map((b) => <li key={b}><strong>{b}</strong>{c.canEdit ? <> · <Link href={`/indikatorer/ny?${new URLSearchParams({ namnd: b })}`}>lägg till indikator</Link></> : null}</li>)}</ul>
          ) : <p>Alla {c.participants.length} deltagande nämnder har minst en mätbar indikator.</p>}
        </section>
        <section className="card" aria-labelledby="summary">
          <h2 id="summary">Läget</h2>
          <p><strong>{c.indicators.length}</strong> indikatorer från {c.participants.length - c.boardsWithout.length} av {c.participants.length} nämnder.</p>
          <p><strong data-testid="missing-count">{missing}</strong> saknar värde för {periodLabel(c.lastTertial)}.</p>
          <p><strong>{offTrack}</strong> har senaste värde sämre än utgångsläget.</p>
        </section>
      </div>
      <div className="table-wrap">
        <table data-testid="indicator-table">
          <thead><tr><th scope="col">Indikator</th><th scope="col">Nämnd</th><th scope="col">Utgångsläge</th><th scope="col">Senaste (hela kommunen)</th><th scope="col">Mål</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {c.indicators.map((i) => (
              <tr key={i.id}>
                <td><Link href={`/indikatorer/${i.id}`}>{i.name}</Link></td>
                <td>{i.ownerBoard}</td>
                <td>{i.baseline !== null ? `${num(i.baseline)} ${i.unit ?? ""}${i.baselineYear ? ` (${i.baselineYear})` : ""}` : "–"}</td>
                <td>{i.latest ? `${num(i.latest.value)} ${i.unit ?? ""} (${i.latest.periodKey})` : "–"}</td>
                <td>{i.target !== null ? `${num(i.target)} ${i.unit ?? ""}` : "–"}</td>
                <td>
                  {i.offTrack ? <Badge tone="danger">Sämre än utgångsläget</Badge> : null}{" "}
                  {i.missingLastTertial ? <Badge tone="warn">Saknar värde {c.lastTertial}</Badge> : null}
                  {!i.offTrack && !i.missingLastTertial ? <Badge tone="ok">Rapporterad</Badge> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
