import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { listContextSeries } from "@/lib/context/queries";
import { Uncertain } from "@/components/analysis/figure";
import { TrendChart } from "@/components/analysis/trend-chart";
import { PrintButton } from "@/components/ui/print-button";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ContextImportForm } from "./_components/import-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.context.metaTitle };
}

export default async function ContextPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const { m: { context: t }, f } = await getI18n();
  const column = (v: { areaName: string; subgroup: string }) => [v.areaName || t.wholeMunicipality, v.subgroup].filter(Boolean).join(", ");
  const data = await orNotFound(listContextSeries(viewer, active.municipalityId));
  return (
    <ClientMessages ns={["contextForm"]}>
      <div className="page-header">
        <div>
          <h1>{t.title}</h1>
          <p className="lead">{`${active.municipalityName} · ${t.lead}`}</p>
        </div>
        <div className="toolbar no-print"><PrintButton /></div>
      </div>
      {data.series.length === 0 ? <p className="meta">{t.none}</p> : null}
      {data.series.map((s) => {
        const columns = [...new Set(s.values.map(column))];
        const periods = [...new Set(s.values.map((v) => v.periodKey))];
        const whole = periods.map((p) => s.values.find((v) => v.periodKey === p && !v.areaName && !v.subgroup)?.value ?? 0);
        return (
          <section key={s.id} className="card" style={{ marginBottom: "1rem" }} aria-labelledby={`s-${s.id}`} data-testid="context-series">
            <h2 id={`s-${s.id}`}>{s.name}</h2>
            <p className="meta">{`${fill(t.source, { source: s.source })}${s.unit ? ` · ${fill(t.unit, { unit: s.unit })}` : ""}`}</p>
            {whole.some((v) => v > 0) ? (
              <TrendChart plainLabels title={s.name} periods={periods} series={[{ label: fill(t.seriesWhole, { name: s.name }), values: whole }]} />
            ) : null}
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{t.period}</th>{columns.map((c) => <th key={c} scope="col">{c}</th>)}<th scope="col">{t.incidentsSameYear}</th></tr></thead>
                <tbody>
                  {periods.map((p) => (
                    <tr key={p}>
                      <th scope="row">{p}</th>
                      {columns.map((c) => {
                        const v = s.values.find((x) => x.periodKey === p && column(x) === c);
                        if (!v) return <td key={c}>{"–"}</td>;
                        const ci = v.interval ? fill(t.interval, { low: f.number(v.interval.low, 0), high: f.number(v.interval.high, 0), count: v.respondents ?? 0 }) : null;
                        return (
                          <td key={c}>
                            {f.number(v.value, 3)}
                            {v.uncertain ? <Uncertain title={ci ?? fill(t.uncertain, { count: v.respondents ?? 0 })} /> : null}
                            {ci ? <span className="meta">{` (${fill(t.intervalShort, { low: f.number(v.interval!.low, 0), high: f.number(v.interval!.high, 0) })})`}</span> : null}
                          </td>
                        );
                      })}
                      <td>{data.incidents[p.slice(0, 4)] ?? "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="meta">{t.uncertainNote}</p>
          </section>
        );
      })}
      {can(viewer, "tertial:edit", { municipalityId: active.municipalityId }) ? (
        <section className="card" aria-labelledby="import"><h2 id="import">{t.import}</h2><ContextImportForm /></section>
      ) : null}
    </ClientMessages>
  );
}
