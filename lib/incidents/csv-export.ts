// CSV output in the "EST händelse-CSV v1" column order, so an export can be imported again.
import { csvCell } from "@/lib/text/csv";
import { formatDateTime } from "@/lib/time/format";

export const INCIDENT_CSV_HEADER = ["occurred_at", "area", "place", "category", "reporter_org", "description", "latitude", "longitude", "external_id", "status"];

/** One CSV line (RFC 4180, CRLF) of cells that no spreadsheet runs as formulas (csvCell). */
export function toCsvLine(fields: (string | number | null | undefined)[]): string {
  return fields.map(csvCell).join(",") + "\r\n";
}

type Row = {
  id: string;
  occurredAt: Date;
  place: string;
  description: string;
  status: string;
  latitude: number | null;
  longitude: number | null;
  area: { name: string };
  category: { label: string };
  reporterOrg: { name: string };
};

export function incidentToCsv(r: Row): (string | number | null)[] {
  return [formatDateTime(r.occurredAt), r.area.name, r.place, r.category.label, r.reporterOrg.name, r.description, r.latitude, r.longitude, r.id, r.status === "WITHDRAWN" ? "tillbakadragen" : "aktiv"];
}
