// leaflet.heat has no types of its own; it only registers L.heatLayer on the global L.
declare module "leaflet.heat";
