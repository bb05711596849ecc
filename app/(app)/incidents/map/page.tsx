import type { Metadata } from "next";
import Link from "next/link";
import type { GeoJsonObject } from "geojson";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { env } from "@/lib/env";
import { getIncidentMapData, MAP_POINT_LIMIT } from "@/lib/incidents/queries";
import { ZIncidentFilter } from "@/lib/incidents/schema";
import { weekKey } from "@/lib/time/periods";
import { fill, plural } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { IncidentMap } from "@/components/map/incident-map";
import { CATEGORY_COLOR } from "@/components/map/colors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.map.title };
}

export default async function IncidentMapPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const params = await searchParams;
  const filter = ZIncidentFilter.parse({ period: weekKey(new Date()), ...params });
  const heat = params.view === "heat";
  const { locale, m: { map: t }, f } = await getI18n();
  const data = await getIncidentMapData(viewer, active.municipalityId, filter);
  const query = (view: string) => new URLSearchParams({ ...(filter.period ? { period: filter.period } : {}), ...(filter.areaId ? { areaId: filter.areaId } : {}), view }).toString();
  // The map's text alternative: the places on it, most incidents first.
  const byPlace = new Map<string, { place: string; category: string; count: number }>();
  for (const p of data.points) {
    const key = `${p.place.toLowerCase()}|${p.categoryLabel}`;
    const row = byPlace.get(key) ?? { place: p.place, category: p.categoryLabel, count: 0 };
    row.count++;
    byPlace.set(key, row);
  }
  const places = [...byPlace.values()].sort((a, b) => b.count - a.count || a.place.localeCompare(b.place, "sv"));
  const center: [number, number] = data.points[0] ? [data.points[0].lat, data.points[0].lng] : [59.43, 17.95];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t.title}</h1>
          <p className="lead">{`${active.municipalityName}${filter.period ? ` · ${f.period(filter.period)}` : ""} · ${plural(locale, t.withPlace, data.total)}${data.total > MAP_POINT_LIMIT ? ` ${fill(t.latest, { count: MAP_POINT_LIMIT })}` : ""}`}</p>
        </div>
        <nav className="toolbar" aria-label={t.view}>
          <Link className="btn btn-secondary" aria-current={!heat ? "page" : undefined} href={`/incidents/map?${query("points")}`}>{t.points}</Link>
          <Link className="btn btn-secondary" aria-current={heat ? "page" : undefined} href={`/incidents/map?${query("heat")}`}>{t.heat}</Link>
          <Link className="btn btn-secondary" href={`/incidents?${filter.period ? `period=${filter.period}` : ""}`}>{t.asList}</Link>
        </nav>
      </div>
      <form method="get" className="toolbar no-print" aria-label={t.period}>
        <label htmlFor="map-period">{t.period}</label>
        <input id="map-period" name="period" defaultValue={filter.period ?? ""} style={{ maxWidth: "12rem" }} />
        <input type="hidden" name="view" value={heat ? "heat" : "points"} />
        <button className="btn btn-secondary" type="submit">{t.show}</button>
      </form>
      <div className="map-legend" aria-hidden="true">
        {Object.entries(CATEGORY_COLOR).map(([code, { label, color }]) => <span key={code} style={{ ["--dot" as string]: color }}>{label}</span>)}
      </div>
      <IncidentMap
        label={t.mapLabel}
        points={data.points.map((p) => ({ id: p.id, lat: p.lat, lng: p.lng, color: CATEGORY_COLOR[p.category]?.color ?? "#555", label: `${f.dateTime(p.occurredAt)} ${p.label}` }))}
        outlines={data.outlines.map((o) => ({ name: o.name, geometry: o.geometry as GeoJsonObject }))}
        center={center}
        tileUrl={env().MAP_TILE_URL ?? null}
        attribution={env().MAP_TILE_ATTRIBUTION}
        heat={heat}
        linkPrefix="/incidents/"
      />
      {places.length ? (
        <details>
          <summary>{t.asTable}</summary>
          <div className="table-wrap">
            <table data-testid="map-table">
              <caption className="visually-hidden">{t.tableCaption}</caption>
              <thead><tr><th scope="col">{t.place}</th><th scope="col">{t.category}</th><th scope="col">{t.count}</th></tr></thead>
              <tbody>
                {places.map((p) => (
                  <tr key={`${p.place}|${p.category}`}>
                    <th scope="row"><Link href={`/incidents?${new URLSearchParams({ ...(filter.period ? { period: filter.period } : {}), q: p.place })}`}>{p.place}</Link></th>
                    <td>{p.category}</td>
                    <td>{p.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      <p className="meta">{t.note}</p>
      {data.outlines.some((o) => o.approximate) ? <p className="meta" data-testid="approximate-outlines">{t.approximateOutlines}</p> : null}
    </>
  );
}
