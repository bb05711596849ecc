"use client";

import { useEffect, useRef } from "react";
import type { GeoJsonObject } from "geojson";
import type { Map as LeafletMap } from "leaflet";
import "leaflet/dist/leaflet.css";

export type MapPoint = { id: string; lat: number; lng: number; color: string; label: string };
export type MapOutline = { name: string; geometry: GeoJsonObject };

type Props = {
  points: MapPoint[];
  outlines: MapOutline[];
  center: [number, number];
  tileUrl: string | null;
  attribution: string;
  heat: boolean;
  /** Points link to `${linkPrefix}${id}`, e.g. "/incidents/". */
  linkPrefix?: string;
  /** The map's accessible name. */
  label: string;
};

// Points, an optional heat layer and the kommundel outlines. Tiles only when the deployment
// configures a tile server: otherwise a plain background, and no request leaves the browser.
export function IncidentMap({ points, outlines, center, tileUrl, attribution, heat, linkPrefix, label }: Props) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let map: LeafletMap | undefined;
    let cancelled = false;
    const draw = async () => {
      const L = (await import("leaflet")).default;
      if (heat) {
        // leaflet.heat registers itself on the global L.
        (window as unknown as { L: typeof L }).L = L;
        await import("leaflet.heat");
      }
      if (cancelled || !element.current) return;
      map = L.map(element.current, { preferCanvas: true, attributionControl: Boolean(tileUrl) }).setView(center, 13);
      if (tileUrl) L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(map);
      const bounds = L.latLngBounds([]);
      for (const o of outlines) {
        const layer = L.geoJSON(o.geometry, { style: { color: "#1f4e8c", weight: 2, fillOpacity: 0.04 } }).bindTooltip(escapeHtml(o.name)).addTo(map); // Leaflet renders a tooltip string as HTML
        bounds.extend(layer.getBounds());
      }
      if (heat) {
        const withHeat = L as unknown as { heatLayer(points: [number, number, number][], options: object): { addTo(m: LeafletMap): void } };
        withHeat.heatLayer(points.map((p) => [p.lat, p.lng, 0.6]), { radius: 22, blur: 18, minOpacity: 0.3 }).addTo(map);
      } else {
        for (const p of points) {
          const marker = L.circleMarker([p.lat, p.lng], { radius: 5, color: p.color, fillColor: p.color, fillOpacity: 0.75, weight: 1 }).addTo(map);
          marker.bindPopup(linkPrefix ? `<a href="${linkPrefix}${encodeURIComponent(p.id)}">${escapeHtml(p.label)}</a>` : escapeHtml(p.label));
        }
      }
      for (const p of points) bounds.extend([p.lat, p.lng]);
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 });
    };
    // Leaflet (~45 kB gzip, ~100 ms of a phone's main thread to start) loads when the map comes
    // near the screen, not with a page like the lägesbild whose map is far down.
    const near = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      near.disconnect();
      void draw();
    }, { rootMargin: "400px" });
    if (element.current) near.observe(element.current);
    return () => {
      cancelled = true;
      near.disconnect();
      map?.remove();
    };
  }, [points, outlines, center, tileUrl, attribution, heat, linkPrefix]);
  return <div ref={element} className="map" role="region" aria-label={label} data-testid="incident-map" />;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
