import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import Link from "next/link";
import { RowLink } from "@/components/ui/row-link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { listMeasures } from "@/lib/measures/register";
import { MEASURE_STATUS_TONE, verdictLabel } from "@/lib/measures/labels";
import { getI18n } from "@/lib/i18n/server";
import { ExportLink } from "@/components/ui/export-link";
import { ZMeasureFilter } from "@/lib/measures/schema";
import { Badge } from "@/components/ui/badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.measures.title };
}

const VIEWS = ["all", "mine", "overdue"] as const;

export default async function MeasuresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const filter = ZMeasureFilter.parse(raw);
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const data = await orNotFound(listMeasures(viewer, active.municipalityId, filter));
  const { m: { measures: t, measureLabels, common }, f } = await getI18n();
  const query = (patch: Record<string, string>) => `?${new URLSearchParams({ ...filter, ...patch })}`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t.title}</h1>
          <p className="lead">{`${active.municipalityName} · ${t.lead}`}</p>
        </div>
        <div className="toolbar no-print">
          {data.canCreate ? <Link className="btn" href="/atgarder/ny">{t.new}</Link> : null}
          <ExportLink href={`/atgarder/export${query({})}`} filename={`atgarder-${active.municipalitySlug}.csv`} total={data.measures.length} label={t.exportCsv} />
        </div>
      </div>
      <nav className="toolbar" aria-label={t.selection} style={{ marginBottom: "0.75rem" }}>
        {VIEWS.map((v) => <Link key={v} className="btn btn-secondary" aria-current={filter.view === v ? "page" : undefined} href={query({ view: v })}>{t.views[v]}</Link>)}
      </nav>
      <form method="get" className="filters card no-print" style={{ marginBottom: "1rem" }}>
        <input type="hidden" name="view" value={filter.view} />
        <div className="field">
          <label htmlFor="f-status">{t.status}</label>
          <select id="f-status" name="status" defaultValue={filter.status}>
            <option value="">{common.all}</option><option value="OPEN">{t.open}</option>
            {Object.entries(measureLabels.status).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-group">{t.group}</label>
          <select id="f-group" name="groupId" defaultValue={filter.groupId}>
            <option value="">{common.all}</option>
            {data.groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-area">{t.area}</label>
          <select id="f-area" name="areaId" defaultValue={filter.areaId}>
            <option value="">{common.all}</option>
            {data.areas.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </div>
        <div className="field"><button type="submit" className="btn">{t.show}</button></div>
      </form>
      {data.measures.length === 0 ? (
        <p className="meta">{t.empty}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="measure-table">
            <thead><tr><th scope="col">{t.measure}</th><th scope="col">{t.owner}</th><th scope="col">{t.area}</th><th scope="col">{t.due}</th><th scope="col">{t.status}</th><th scope="col">{t.latestFollowUp}</th></tr></thead>
            <tbody>
              {data.measures.map((m) => (
                <tr key={m.id}>
                  <td><RowLink href={`/atgarder/${m.id}`}>{m.title}</RowLink>{m.group ? <div className="meta">{m.group.name}</div> : null}</td>
                  <td>{m.ownerOrg.name}{m.responsibleName ? <div className="meta">{m.responsibleName}</div> : null}</td>
                  <td>{m.area?.name ?? "–"}</td>
                  <td>{m.dueDate ? f.date(m.dueDate) : "–"}{m.overdue ? <>{" "}<Badge tone="danger">{t.overdue}</Badge></> : null}</td>
                  <td><Badge tone={MEASURE_STATUS_TONE[m.status]}>{measureLabels.status[m.status]}</Badge>{m.effectVerdict ? <div className="meta">{verdictLabel(m.effectVerdict, measureLabels)}</div> : null}</td>
                  <td>{m.latestFollowUp ? `${f.date(m.latestFollowUp.date)}: ${m.latestFollowUp.text}` : <span className="meta">{"–"}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
