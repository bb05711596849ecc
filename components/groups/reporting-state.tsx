import { Badge } from "@/components/ui/badge";

export function ReportingStateBadge({ state, count }: { state: "REPORTED" | "NOTHING_TO_REPORT" | "SILENT"; count: number }) {
  if (state === "REPORTED") return <Badge tone="ok">{count === 1 ? "1 händelse rapporterad" : `${count} händelser rapporterade`}</Badge>;
  if (state === "NOTHING_TO_REPORT") return <Badge tone="info">Inget att rapportera</Badge>;
  return <Badge tone="warn">Ej rapporterat</Badge>;
}
