import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { monthKey, shiftPeriod } from "@/lib/time/periods";

// The latest complete month.
export default async function LatestMonthlyReport() {
  await requireViewer();
  redirect(`/reports/month/${shiftPeriod(monthKey(new Date()), -1)}`);
}
