import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import type { TipStatus } from "@/lib/generated/prisma/enums";
import { listTips } from "@/lib/tips/queries";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { closeTipsAction } from "./actions";
import { TipQueue } from "./_components/triage-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.tips.title };
}

const STATUSES: TipStatus[] = ["NEW", "ACCEPTED", "MERGED", "CLOSED"];

/** The coordinators' triage queue for residents' tips. */
export default async function TipsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const asked = (await searchParams).status;
  const status: TipStatus = STATUSES.includes(asked as TipStatus) ? (asked as TipStatus) : "NEW";
  const data = await orNotFound(listTips(viewer, active.municipalityId, status));
  const { m: { tips: tx }, f } = await getI18n();
  const rows = data.tips.map((t) => ({
    id: t.id,
    title: `${tx.kind[t.kind]}: ${t.place}`,
    detail: [t.area?.name, t.description.slice(0, 80) + (t.description.length > 80 ? "…" : ""), t.photoType ? "📷" : ""].filter(Boolean).join(" · "),
    meta: `${f.dateTime(t.createdAt)} · ${t.language}`,
  }));
  return (
    <ClientMessages ns={["tipForms"]}>
      <div className="page-header">
        <div>
          <h1>{tx.title}</h1>
          <p className="lead">{`${active.municipalityName} · ${tx.lead}`}</p>
        </div>
        <div className="toolbar">
          <Link className="btn btn-secondary" href={`/tipsa/${active.municipalitySlug}`}>{tx.publicForm}</Link>
        </div>
      </div>
      <nav className="toolbar" aria-label={tx.status} style={{ marginBottom: "1rem" }}>
        {STATUSES.map((s) => (
          <Link key={s} className={s === status ? "btn" : "btn btn-secondary"} href={`/tips?status=${s}`} aria-current={s === status ? "page" : undefined}>
            {`${tx.statuses[s]} (${data.counts[s] ?? 0})`}
          </Link>
        ))}
      </nav>
      <section className="card">
        {rows.length === 0 ? <p className="meta">{status === "NEW" ? tx.noNew : tx.none}</p>
          : status === "NEW" ? <TipQueue tips={rows} close={closeTipsAction} /> : (
            <ul className="status-list" data-testid="tip-list">
              {rows.map((t) => <li key={t.id}><span><Link href={`/tips/${t.id}`}>{t.title}</Link>{" "}<span className="meta">{t.detail}</span></span><span className="meta">{t.meta}</span></li>)}
            </ul>
          )}
      </section>
    </ClientMessages>
  );
}
