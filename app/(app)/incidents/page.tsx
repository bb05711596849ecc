import type { Metadata } from "next";
import Link from "next/link";
import { RowLink } from "@/components/ui/row-link";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getIncidentFilterOptions, listIncidents } from "@/lib/incidents/queries";
import { ZIncidentFilter } from "@/lib/incidents/schema";
import { fill, plural } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { ExportLink } from "@/components/ui/export-link";
import { ALL_EXPORT_FORMATS, EXPORT_EXTENSION } from "@/lib/incidents/export-format";
import { isPeriodKey, shiftPeriod, weekKey } from "@/lib/time/periods";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.incidents.title };
}

type Search = Record<string, string | string[] | undefined>;

function toQuery(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  return q.toString();
}

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const { locale, m: { incidents: m, common }, f } = await getI18n();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = ZIncidentFilter.parse({ period: weekKey(new Date()), ...raw });
  const [{ rows, total, events, pageSize }, options] = await Promise.all([
    listIncidents(viewer, active.municipalityId, filter),
    getIncidentFilterOptions(viewer, active.municipalityId),
  ]);
  const { page, ...rest } = filter;
  const canImport = can(viewer, "incident:import", { municipalityId: active.municipalityId });
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{m.title}</h1>
          <p className="lead">{active.municipalityName}</p>
        </div>
        <div className="toolbar">
          <Link className="btn" href="/incidents/new">{m.report}</Link>
          <ExportLink
            href={`/incidents/export?${toQuery(rest)}`}
            filename={`handelser-${active.municipalitySlug}`}
            total={total}
            label={m.exportCsv}
            formats={ALL_EXPORT_FORMATS.map((value) => ({ value, label: common.exportFormats[value], extension: EXPORT_EXTENSION[value], countsLines: value === "csv" || value === "csv-sv" }))}
          />
          {canImport ? <Link className="btn btn-secondary" href="/incidents/import">{m.importCsv}</Link> : null}
        </div>
      </div>

      <form method="get" className="card filters" aria-label={m.filter}>
        <div className="field">
          <label htmlFor="f-period">{m.period}</label>
          <input id="f-period" name="period" defaultValue={filter.period ?? ""} placeholder={m.periodExample} />
        </div>
        <div className="field">
          <label htmlFor="f-from">{m.from}</label>
          <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-to">{m.to}</label>
          <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-area">{m.area}</label>
          <select id="f-area" name="areaId" defaultValue={filter.areaId ?? ""}>
            <option value="">{common.all}</option>
            {options.areas.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-cat">{m.category}</label>
          <select id="f-cat" name="categoryId" defaultValue={filter.categoryId ?? ""}>
            <option value="">{common.all}</option>
            {options.categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-org">{m.organisation}</label>
          <select id="f-org" name="organisationId" defaultValue={filter.organisationId ?? ""}>
            <option value="">{common.all}</option>
            {options.organisations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-q">{m.freeText}</label>
          <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-status">{m.show}</label>
          <select id="f-status" name="status" defaultValue={filter.status}>
            <option value="ACTIVE">{m.showActive}</option>
            <option value="WITHDRAWN">{m.showWithdrawn}</option>
            <option value="ALL">{common.all}</option>
          </select>
        </div>
        <div className="field">
          <button className="btn" type="submit">{m.apply}</button>
        </div>
      </form>
      <p className="meta" aria-live="polite" data-testid="incident-total">
        {/* Events where the rollups know them; "1 händelse – 3 rapporter" where copies were merged. */}
        {events === null ? plural(locale, m.reports, total) : events === total ? plural(locale, m.total, total) : `${plural(locale, m.total, events)} – ${plural(locale, m.reports, total)}`}
        {filter.from || filter.to ? "" : filter.period ? ` (${filter.period})` : ""}</p>

      {rows.length === 0 ? (
        <div className="card empty-state" data-testid="incidents-empty">
          <p>{filter.q || filter.areaId || filter.categoryId || filter.organisationId || filter.status !== "ACTIVE" ? m.emptyFiltered : m.empty}</p>
          <p className="toolbar">
            <Link className="btn" href="/incidents/week">{m.report}</Link>
            <Link className="btn btn-secondary" href={`/incidents?period=${shiftPeriod(filter.period && isPeriodKey(filter.period, "week") ? filter.period : weekKey(new Date()), -1)}`}>{m.previousWeek}</Link>
          </p>
        </div>
      ) : (
      <div className="table-wrap">
        <table>
          <thead>
            <tr><th scope="col">{m.when}</th><th scope="col">{m.area}</th><th scope="col">{m.place}</th><th scope="col">{m.category}</th><th scope="col">{m.reporter}</th></tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i.id} className={i.status === "WITHDRAWN" ? "withdrawn" : undefined}>
                <td><RowLink href={`/incidents/${i.id}`}>{f.dateTime(i.occurredAt)}{i.occurredUntil ? `–${f.time(i.occurredUntil)}` : ""}</RowLink></td>
                <td>{i.area.name}</td>
                <td>
                  {i.place}
                  {i.status === "ACTIVE" && !i.eventStart ? <> <span className="badge" title={m.sameEventTitle}>{m.sameEvent}</span></> : null}
                </td>
                <td>{i.category.label}{i.subcategory ? ` · ${i.subcategory.label}` : ""}</td>
                <td>{i.reporterOrg.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      )}
      <nav className="pager" aria-label={common.pages}>
        {page > 1 ? <Link href={`/incidents?${toQuery({ ...rest, page: page - 1 })}`}>{common.previous}</Link> : <span />}
        <span className="meta">{fill(common.pageOf, { page, pages })}</span>
        {page < pages ? <Link href={`/incidents?${toQuery({ ...rest, page: page + 1 })}`}>{common.next}</Link> : <span />}
      </nav>
    </>
  );
}
