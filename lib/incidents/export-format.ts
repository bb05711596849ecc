// The formats the incident export writes (lib/incidents/export), apart so a page can list them
// without loading the writers. The tables can be imported again; GeoJSON is for maps (GIS).
export const EXPORT_FORMATS = ["xlsx", "csv-sv", "csv"] as const;
export const ALL_EXPORT_FORMATS = [...EXPORT_FORMATS, "geojson"] as const;
export type ExportFormat = (typeof ALL_EXPORT_FORMATS)[number];
export const EXPORT_EXTENSION: Record<ExportFormat, string> = { xlsx: "xlsx", "csv-sv": "csv", csv: "csv", geojson: "geojson" };
