import type { Metadata } from "next";
import Link from "next/link";
import type { GeoJsonObject } from "geojson";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { env } from "@/lib/env";
import { getIncidentMapData, MAP_POINT_LIMIT } from "@/lib/incidents/queries";
import { ZIncidentFilter } from "@/lib/incidents/schema";
import { periodLabel, weekKey } from "@/lib/time/periods";
import { formatDateTime } from "@/lib/time/format";
import { IncidentMap } from "@/components/map/incident-map";
import { CATEGORY_COLOR } from "@/components/map/colors";

export const metadata: Metadata = { title: "Karta" };

export default async function IncidentMapPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const params = await searchParams;
  const filter = ZIncidentFilter.parse({ period: weekKey(new Date()), ...params });
  const heat = params.view === "heat";
  const data = await getIncidentMapData(viewer, active.municipalityId, filter);
  const query = (view: string) => new URLSearchParams({ ...(filter.period ? { period: filter.period } : {}), ...(filter.areaId ? { areaId: filter.areaId } : {}), view }).toString();
  const center: [number, number] = data.points[0] ? [data.points[0].lat, data.points[0].lng] : [59.43, 17.95];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Karta</h1>
          <p className="lead">{active.municipalityName}{filter.period ? ` · ${periodLabel(filter.period)}` : ""} · {data.total} händelser med plats{data.total > MAP_POINT_LIMIT ? ` (de ${MAP_POINT_LIMIT} senaste visas)` : ""}</p>
        </div>
        <nav className="toolbar" aria-label="Kartvy">
          <Link className="btn btn-secondary" aria-current={!heat ? "page" : undefined} href={`/incidents/map?${query("points")}`}>Punkter</Link>
          <Link className="btn btn-secondary" aria-current={heat ? "page" : undefined} href={`/incidents/map?${query("heat")}`}>Värmekarta</Link>
          <Link className="btn btn-secondary" href={`/incidents?${filter.period ? `period=${filter.period}` : ""}`}>Som lista</Link>
        </nav>
      </div>
      <form method="get" className="toolbar no-print" aria-label="Period">
        <label htmlFor="map-period">Period</label>
        <input id="map-period" name="period" defaultValue={filter.period ?? ""} style={{ maxWidth: "12rem" }} />
        <input type="hidden" name="view" value={heat ? "heat" : "points"} />
        <button className="btn btn-secondary" type="submit">Visa</button>
      </form>
      <div className="map-legend" aria-hidden="true">
        {Object.entries(CATEGORY_COLOR).map(([code, { label, color }]) => <span key={code} style={{ ["--dot" as string]: color }}>{label}</span>)}
      </div>
      <IncidentMap
        points={data.points.map((p) => ({ id: p.id, lat: p.lat, lng: p.lng, color: CATEGORY_COLOR[p.category]?.color ?? "#555", label: `${formatDateTime(p.occurredAt)} ${p.label}` }))}
        outlines={data.outlines.map((o) => ({ name: o.name, geometry: o.geometry as GeoJsonObject }))}
        center={center}
        tileUrl={env().MAP_TILE_URL ?? null}
        attribution={env().MAP_TILE_ATTRIBUTION}
        heat={heat}
        linkPrefix="/incidents/"
      />
      <p className="meta">Kartan visar platser, inte personer. Händelser utan koordinater finns i listan.</p>
    </>
  );
}
