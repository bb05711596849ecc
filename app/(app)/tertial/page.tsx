import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { listTertials } from "@/lib/analysis/tertial";
import { isExpectedError } from "@/lib/errors";
import { formatDate } from "@/lib/time/format";
import { periodLabel } from "@/lib/time/periods";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Tertialanalyser" };

const STATUS = { DRAFT: ["info", "Utkast"], IN_REVIEW: ["warn", "Under granskning"], APPROVED: ["ok", "Godkänd"] } as const;

export default async function TertialListPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  let rows;
  try {
    rows = await listTertials(viewer, active.municipalityId);
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Tertialanalyser</h1>
          <p className="lead">{active.municipalityName} · EST Strategisk tar fram, EST Ledning godkänner</p>
        </div>
      </div>
      <ul className="status-list" data-testid="tertial-list">
        {rows.map((r) => (
          <li key={r.tertial}>
            <span><Link href={`/tertial/${r.tertial}`}>{periodLabel(r.tertial)}</Link>{r.ongoing ? " (pågår)" : ""}{r.approvedAt ? ` · godkänd ${formatDate(r.approvedAt)}` : ""}</span>
            {r.status ? <Badge tone={STATUS[r.status][0]}>{STATUS[r.status][1]}</Badge> : <span className="meta">Inte påbörjad</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
