// The formats the incident export writes (lib/incidents/export), apart so a page can list them
// without loading the writers.
export const EXPORT_FORMATS = ["xlsx", "csv-sv", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
