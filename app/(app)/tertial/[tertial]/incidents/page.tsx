import type { Metadata } from "next";
import { orNotFound, refusePage } from "@/lib/page-errors";
import Link from "next/link";
import { RowLink } from "@/components/ui/row-link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { drillDown, drillLabels, ZDrillFilter } from "@/lib/analysis/drilldown";
import { fill, plural } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { isPeriodKey } from "@/lib/time/periods";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.drill.title };
}

export default async function DrillDownPage({ params, searchParams }: { params: Promise<{ tertial: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tertial } = await params;
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const filter = ZDrillFilter.safeParse(raw);
  if (!isPeriodKey(tertial, "tertial") || !filter.success) return refusePage();
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const result = await orNotFound(drillDown(viewer, active.municipalityId, tertial, filter.data));
  const q = filter.data;
  const { locale, m: { drill: t }, f } = await getI18n();
  const names = await drillLabels(active.municipalityId, q.areaId, q.categoryId);
  const what = [
    f.period(q.slot),
    names.area,
    names.category,
    q.place,
    q.weekday ? t.weekdays[q.weekday - 1] : undefined,
    q.hour !== undefined ? fill(t.hours, { from: String(q.hour).padStart(2, "0"), to: String(q.hour + 1).padStart(2, "0") }) : undefined,
  ].filter(Boolean).join(" · ");
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t.title}</h1>
          <p className="lead" data-testid="drill-what">{what}</p>
        </div>
        <Link className="btn btn-secondary no-print" href={`/tertial/${tertial}`}>{fill(t.back, { period: f.period(tertial) })}</Link>
      </div>
      <p data-testid="drill-count">
        <strong>{plural(locale, t.count, result.events)}{result.events !== result.total ? ` – ${plural(locale, t.reports, result.total)}` : ""}</strong>
        {`${result.total > result.shown ? ` ${fill(t.shown, { shown: result.shown })}` : ""}. ${result.fromSnapshot ? t.fromSnapshot : t.current}`}
      </p>
      {result.incidents.length > 0 ? (
        <div className="table-wrap">
          <table data-testid="drill-table">
            <thead><tr><th scope="col">{t.time}</th><th scope="col">{t.area}</th><th scope="col">{t.place}</th><th scope="col">{t.category}</th><th scope="col">{t.description}</th></tr></thead>
            <tbody>
              {result.incidents.map((i) => (
                <tr key={i.id} className={i.status === "WITHDRAWN" ? "withdrawn" : undefined}>
                  <td><RowLink href={`/incidents/${i.id}`}>{f.dateTime(i.occurredAt)}</RowLink></td>
                  <td>{i.area}</td>
                  <td>{i.place}</td>
                  <td>{i.category}</td>
                  <td>{i.description.length > 140 ? `${i.description.slice(0, 140)} …` : i.description}{i.status === "WITHDRAWN" ? ` ${t.withdrawnAfter}` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
