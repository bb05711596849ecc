import { plural } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";

export async function ReportingStateBadge({ state, count }: { state: "REPORTED" | "NOTHING_TO_REPORT" | "SILENT"; count: number }) {
  const { locale, m } = await getI18n();
  if (state === "REPORTED") return <Badge tone="ok">{plural(locale, m.reportingState.reported, count)}</Badge>;
  if (state === "NOTHING_TO_REPORT") return <Badge tone="info">{m.reportingState.nothing}</Badge>;
  return <Badge tone="warn">{m.reportingState.silent}</Badge>;
}
