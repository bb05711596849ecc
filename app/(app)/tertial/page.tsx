import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { listTertials } from "@/lib/analysis/tertial";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { TertialStateBadge } from "@/components/analysis/tertial-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.tertial.listTitle };
}

export default async function TertialListPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const { m: { tertial: t }, f } = await getI18n();
  const rows = await orNotFound(listTertials(viewer, active.municipalityId));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t.listTitle}</h1>
          <p className="lead">{`${active.municipalityName} · ${t.listLead}`}</p>
        </div>
      </div>
      <ul className="status-list" data-testid="tertial-list">
        {rows.map((r) => (
          <li key={r.tertial}>
            <span><Link href={`/tertial/${r.tertial}`}>{f.period(r.tertial)}</Link>{r.ongoing ? ` ${t.inProgress}` : ""}{r.approvedAt ? ` · ${fill(t.approvedOn, { date: f.date(r.approvedAt) })}` : ""}</span>
            <TertialStateBadge state={r.state} words={t.status_} />
          </li>
        ))}
      </ul>
    </>
  );
}
