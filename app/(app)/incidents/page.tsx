import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getIncidentFormOptions, listIncidents, listReportingOrganisations } from "@/lib/incidents/queries";
import { ZIncidentFilter } from "@/lib/incidents/schema";
import { formatDateTime, formatTime } from "@/lib/time/format";
import { weekKey } from "@/lib/time/periods";

export const metadata: Metadata = { title: "Händelser" };

type Search = Record<string, string | string[] | undefined>;

function toQuery(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  return q.toString();
}

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = ZIncidentFilter.parse({ period: weekKey(new Date()), ...raw });
  const [{ rows, total, pageSize }, options, organisations] = await Promise.all([
    listIncidents(viewer, active.municipalityId, filter),
    getIncidentFormOptions(viewer, active.municipalityId),
    listReportingOrganisations(viewer, active.municipalityId),
  ]);
  const { page, ...rest } = filter;
  const canImport = can(viewer, "incident:import", { municipalityId: active.municipalityId });
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Händelser</h1>
          <p className="lead">{active.municipalityName}</p>
        </div>
        <div className="toolbar">
          <Link className="btn" href="/incidents/new">Rapportera händelse</Link>
          <a className="btn btn-secondary" href={`/incidents/export?${toQuery(rest)}`} download>Exportera CSV</a>
          {canImport ? <Link className="btn btn-secondary" href="/incidents/import">Importera CSV</Link> : null}
        </div>
      </div>

      <form method="get" className="card filters" aria-label="Filter">
        <div className="field">
          <label htmlFor="f-period">Period</label>
          <input id="f-period" name="period" defaultValue={filter.period ?? ""} placeholder="2026-W07, 2026-02, 2026-T1" />
        </div>
        <div className="field">
          <label htmlFor="f-from">Från</label>
          <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-to">Till</label>
          <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-area">Kommundel</label>
          <select id="f-area" name="areaId" defaultValue={filter.areaId ?? ""}>
            <option value="">Alla</option>
            {options.areas.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-cat">Kategori</label>
          <select id="f-cat" name="categoryId" defaultValue={filter.categoryId ?? ""}>
            <option value="">Alla</option>
            {options.categories.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-org">Organisation</label>
          <select id="f-org" name="organisationId" defaultValue={filter.organisationId ?? ""}>
            <option value="">Alla</option>
            {organisations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-q">Fritext</label>
          <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-status">Visa</label>
          <select id="f-status" name="status" defaultValue={filter.status}>
            <option value="ACTIVE">Aktiva</option>
            <option value="WITHDRAWN">Tillbakadragna</option>
            <option value="ALL">Alla</option>
          </select>
        </div>
        <div className="field">
          <button className="btn" type="submit">Filtrera</button>
        </div>
      </form>
      <p className="meta" aria-live="polite" data-testid="incident-total">{total} händelser{filter.from || filter.to ? "" : filter.period ? ` (${filter.period})` : ""}</p>

      <div className="table-wrap">
        <table>
          <thead>
            <tr><th scope="col">När</th><th scope="col">Kommundel</th><th scope="col">Plats</th><th scope="col">Kategori</th><th scope="col">Rapportör</th></tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i.id} className={i.status === "WITHDRAWN" ? "withdrawn" : undefined}>
                <td><Link href={`/incidents/${i.id}`}>{formatDateTime(i.occurredAt)}{i.occurredUntil ? `–${formatTime(i.occurredUntil)}` : ""}</Link></td>
                <td>{i.area.name}</td>
                <td>{i.place}</td>
                <td>{i.category.label}{i.subcategory ? ` · ${i.subcategory.label}` : ""}</td>
                <td>{i.reporterOrg.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Sidor">
        {page > 1 ? <Link href={`/incidents?${toQuery({ ...rest, page: page - 1 })}`}>← Föregående</Link> : <span />}
        <span className="meta">Sida {page} av {pages}</span>
        {page < pages ? <Link href={`/incidents?${toQuery({ ...rest, page: page + 1 })}`}>Nästa →</Link> : <span />}
      </nav>
    </>
  );
}
