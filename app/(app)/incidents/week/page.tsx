import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { weekKey } from "@/lib/time/periods";

// "Rapportera" opens this week's report.
export default async function CurrentWeekReportPage() {
  await requireViewer();
  redirect(`/incidents/week/${weekKey(new Date())}`);
}
