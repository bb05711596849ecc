import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { listContextSeries } from "@/lib/context/queries";
import { isExpectedError } from "@/lib/errors";
import { Uncertain } from "@/components/analysis/figure";
import { TrendChart } from "@/components/analysis/trend-chart";
import { PrintButton } from "@/components/ui/print-button";
import { importContextAction } from "./actions";
import { ContextImportForm } from "./_components/import-form";

export const metadata: Metadata = { title: "Kontext: trygghetsmätningar" };

const column = (v: { areaName: string; subgroup: string }) => [v.areaName || "Hela kommunen", v.subgroup].filter(Boolean).join(", ");

export default async function ContextPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const data = await listContextSeries(viewer, active.municipalityId).catch((e) => (isExpectedError(e) ? notFound() : Promise.reject(e)));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Trygghetsmätningar och andra källor</h1>
          <p className="lead">{active.municipalityName} · enkäter bredvid EST-händelserna samma år</p>
        </div>
        <div className="toolbar no-print"><PrintButton /></div>
      </div>
      {data.series.length === 0 ? <p className="meta">Inga serier ännu. Importera en CSV-fil från t.ex. Brå NTU eller Polisens trygghetsmätning.</p> : null}
      {data.series.map((s) => {
        const columns = [...new Set(s.values.map(column))];
        const periods = [...new Set(s.values.map((v) => v.periodKey))];
        const whole = periods.map((p) => s.values.find((v) => v.periodKey === p && !v.areaName && !v.subgroup)?.value ?? 0);
        return (
          <section key={s.id} className="card" style={{ marginBottom: "1rem" }} aria-labelledby={`s-${s.id}`} data-testid="context-series">
            <h2 id={`s-${s.id}`}>{s.name}</h2>
            <p className="meta">Källa: {s.source}{s.unit ? ` · enhet: ${s.unit}` : ""}</p>
            {whole.some((v) => v > 0) ? (
              <TrendChart plainLabels title={s.name} periods={periods} series={[{ label: `${s.name} (hela kommunen)`, values: whole }]} />
            ) : null}
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">Period</th>{columns.map((c) => <th key={c} scope="col">{c}</th>)}<th scope="col">EST-händelser samma år</th></tr></thead>
                <tbody>
                  {periods.map((p) => (
                    <tr key={p}>
                      <th scope="row">{p}</th>
                      {columns.map((c) => {
                        const v = s.values.find((x) => x.periodKey === p && column(x) === c);
                        return <td key={c}>{v ? <>{v.value.toLocaleString("sv-SE")}{v.uncertain ? <Uncertain title={`Osäkert: bara ${v.respondents} svarande`} /> : null}</> : "–"}</td>;
                      })}
                      <td>{data.incidents[p.slice(0, 4)] ?? "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="meta">* Värden från färre än 30 svarande är osäkra – på kommundelsnivå vilar enkätsiffror ofta på mycket få svar.</p>
          </section>
        );
      })}
      {can(viewer, "tertial:edit", { municipalityId: active.municipalityId }) ? (
        <section className="card" aria-labelledby="import"><h2 id="import">Importera</h2><ContextImportForm action={importContextAction} /></section>
      ) : null}
    </>
  );
}
