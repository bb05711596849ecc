"use client";

import { useEffect, useRef } from "react";
import type { Map as LeafletMap, CircleMarker } from "leaflet";
import "leaflet/dist/leaflet.css";

// A small map where a tap or click places the incident's pin. Tiles only when configured.
export function PinPicker(props: { center: [number, number]; value: [number, number] | null; tileUrl: string | null; label: string; onPick: (lat: number, lng: number) => void }) {
  const element = useRef<HTMLDivElement>(null);
  const marker = useRef<CircleMarker | null>(null);
  const map = useRef<LeafletMap | null>(null);
  const onPick = useRef(props.onPick);
  useEffect(() => {
    onPick.current = props.onPick;
  }, [props.onPick]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const L = (await import("leaflet")).default;
      if (cancelled || !element.current) return;
      const m = L.map(element.current, { attributionControl: false }).setView(props.center, 14);
      if (props.tileUrl) L.tileLayer(props.tileUrl, { maxZoom: 19 }).addTo(m);
      m.on("click", (e) => onPick.current(Math.round(e.latlng.lat * 1e6) / 1e6, Math.round(e.latlng.lng * 1e6) / 1e6));
      map.current = m;
    })();
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
  }, [props.center, props.tileUrl]);

  useEffect(() => {
    void (async () => {
      const L = (await import("leaflet")).default;
      marker.current?.remove();
      marker.current = null;
      if (props.value && map.current) marker.current = L.circleMarker(props.value, { radius: 8, color: "#a4262c", fillOpacity: 0.8 }).addTo(map.current);
    })();
  }, [props.value]);

  return <div ref={element} className="map map-small" role="application" aria-label={props.label} data-testid="pin-picker" />;
}
