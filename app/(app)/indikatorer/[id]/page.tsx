import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { isExpectedError } from "@/lib/errors";
import { getIndicator } from "@/lib/indicators/coverage";
import { formatDate } from "@/lib/time/format";
import { shiftPeriod, tertialKey } from "@/lib/time/periods";
import { recordValueAction } from "./actions";
import { ValueForm } from "./_components/value-form";

export const metadata: Metadata = { title: "Indikator" };

const num = (n: number) => n.toLocaleString("sv-SE");

export default async function IndicatorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const i = await getIndicator(viewer, active.municipalityId, id).catch((e) => (isExpectedError(e) ? notFound() : Promise.reject(e)));
  const milestones = Array.isArray(i.milestones) ? (i.milestones as { year: number; value: number }[]) : [];
  return (
    <>
      <div className="page-header">
        <div>
          <div className="meta"><Link href="/indikatorer">Indikatorer</Link> · {i.ownerBoard}</div>
          <h1>{i.name}</h1>
          <p className="lead">{i.unit ? `Enhet: ${i.unit}` : "Enhet saknas"} · {i.direction === "HIGHER_IS_BETTER" ? "högre är bättre" : "lägre är bättre"}</p>
        </div>
        {i.canRecord ? <div className="toolbar no-print"><Link className="btn btn-secondary" href={`/indikatorer/${i.id}/andra`}>Ändra indikatorn</Link></div> : null}
      </div>
      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="def">
        <h2 id="def">Definition och mål</h2>
        <p>{i.definition ?? <span className="meta">Ingen definition angiven.</span>}</p>
        <p>Utgångsläge: {i.baseline !== null ? `${i.baseline}${i.baselineYear ? ` (${i.baselineYear})` : ""}` : "ej angivet"} · Mål: {i.target ?? "ej angivet"}
          {milestones.length ? ` · Delmål: ${milestones.map((m) => `${m.year}: ${m.value}`).join(", ")}` : ""}</p>
      </section>
      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="values">
        <h2 id="values">Värden</h2>
        {i.values.length ? (
          <div className="table-wrap">
            <table data-testid="value-table">
              <thead><tr><th scope="col">Period</th><th scope="col">Område</th><th scope="col">Värde</th><th scope="col">Kommentar</th><th scope="col">Registrerat</th></tr></thead>
              <tbody>
                {i.values.map((v) => <tr key={v.id}><td>{v.periodKey}</td><td>{v.area?.name ?? "Hela kommunen"}</td><td>{num(v.value)}{i.unit ? ` ${i.unit}` : ""}</td><td>{v.note ?? ""}</td><td>{formatDate(v.recordedAt)}</td></tr>)}
              </tbody>
            </table>
          </div>
        ) : <p className="meta">Inga värden ännu.</p>}
        {i.canRecord ? <ValueForm indicatorId={i.id} unit={i.unit} defaultPeriod={shiftPeriod(tertialKey(new Date()), -1)} areas={i.areas} action={recordValueAction} /> : null}
      </section>
    </>
  );
}
