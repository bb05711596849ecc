import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getIndicator } from "@/lib/indicators/coverage";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { shiftPeriod, tertialKey } from "@/lib/time/periods";
import { recordValueAction } from "./actions";
import { ValueForm } from "./_components/value-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.indicators.one };
}

export default async function IndicatorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const i = await orNotFound(getIndicator(viewer, active.municipalityId, id));
  const { m: { indicators: t }, f } = await getI18n();
  const num = (n: number) => f.number(n, 3);
  const milestones = Array.isArray(i.milestones) ? (i.milestones as { year: number; value: number }[]) : [];
  return (
    <ClientMessages ns={["indicatorForms"]}>
      <div className="page-header">
        <div>
          <div className="meta"><Link href="/indikatorer">{t.title}</Link>{` · ${i.ownerBoard}`}</div>
          <h1>{i.name}</h1>
          <p className="lead">{`${i.unit ? fill(t.unit, { unit: i.unit }) : t.noUnit} · ${i.direction === "HIGHER_IS_BETTER" ? t.higher : t.lower}`}</p>
        </div>
        {i.canRecord ? <div className="toolbar no-print"><Link className="btn btn-secondary" href={`/indikatorer/${i.id}/andra`}>{t.editThis}</Link></div> : null}
      </div>
      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="def">
        <h2 id="def">{t.definition}</h2>
        <p>{i.definition ?? <span className="meta">{t.noDefinition}</span>}</p>
        <p>{`${fill(t.baselineIs, { value: i.baseline !== null ? `${num(i.baseline)}${i.baselineYear ? ` (${i.baselineYear})` : ""}` : t.notGiven })} · ${fill(t.targetIs, { value: i.target !== null ? num(i.target) : t.notGiven })}${milestones.length ? ` · ${fill(t.milestones, { list: milestones.map((ms) => `${ms.year}: ${num(ms.value)}`).join(", ") })}` : ""}`}</p>
      </section>
      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="values">
        <h2 id="values">{t.values}</h2>
        {i.values.length ? (
          <div className="table-wrap">
            <table data-testid="value-table">
              <thead><tr><th scope="col">{t.period}</th><th scope="col">{t.area}</th><th scope="col">{t.value}</th><th scope="col">{t.comment}</th><th scope="col">{t.recorded}</th></tr></thead>
              <tbody>
                {i.values.map((v) => <tr key={v.id}><td>{v.periodKey}</td><td>{v.area?.name ?? t.wholeMunicipality}</td><td>{num(v.value)}{i.unit ? ` ${i.unit}` : ""}</td><td>{v.note ?? ""}</td><td>{f.date(v.recordedAt)}</td></tr>)}
              </tbody>
            </table>
          </div>
        ) : <p className="meta">{t.noValues}</p>}
        {i.canRecord ? <ValueForm indicatorId={i.id} unit={i.unit} defaultPeriod={shiftPeriod(tertialKey(new Date()), -1)} areas={i.areas} action={recordValueAction} /> : null}
      </section>
    </ClientMessages>
  );
}
