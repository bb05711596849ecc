import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { isExpectedError } from "@/lib/errors";
import type { TipStatus } from "@/lib/generated/prisma/enums";
import { TIP_KIND_LABEL, TIP_STATUS_LABEL } from "@/lib/tips/labels";
import { listTips } from "@/lib/tips/queries";
import { formatDateTime } from "@/lib/time/format";
import { closeTipsAction } from "./actions";
import { TipQueue } from "./_components/triage-forms";

export const metadata: Metadata = { title: "Tips från boende" };

const STATUSES: TipStatus[] = ["NEW", "ACCEPTED", "MERGED", "CLOSED"];

/** The coordinators' triage queue for residents' tips. */
export default async function TipsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const asked = (await searchParams).status;
  const status: TipStatus = STATUSES.includes(asked as TipStatus) ? (asked as TipStatus) : "NEW";
  const data = await listTips(viewer, active.municipalityId, status).catch((e) => (isExpectedError(e) ? notFound() : Promise.reject(e)));
  const rows = data.tips.map((t) => ({
    id: t.id,
    title: `${TIP_KIND_LABEL[t.kind]}: ${t.place}`,
    detail: [t.area?.name, t.description.slice(0, 80) + (t.description.length > 80 ? "…" : ""), t.photoType ? "📷" : ""].filter(Boolean).join(" · "),
    meta: `${formatDateTime(t.createdAt)} · ${t.language}`,
  }));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Tips från boende</h1>
          <p className="lead">{active.municipalityName} · godta som händelse, slå ihop med en som redan finns, eller avsluta med ett skäl. Tipsaren ser status med sin kod.</p>
        </div>
        <div className="toolbar">
          <Link className="btn btn-secondary" href={`/tipsa/${active.municipalitySlug}`}>Det publika formuläret</Link>
        </div>
      </div>
      <nav className="toolbar" aria-label="Status" style={{ marginBottom: "1rem" }}>
        {STATUSES.map((s) => (
          <Link key={s} className={s === status ? "btn" : "btn btn-secondary"} href={`/tips?status=${s}`} aria-current={s === status ? "page" : undefined}>
            {TIP_STATUS_LABEL[s]} ({data.counts[s] ?? 0})
          </Link>
        ))}
      </nav>
      <section className="card">
        {rows.length === 0 ? <p className="meta">{status === "NEW" ? "Inga nya tips. Dela länken till formuläret där boende finns: i trapphus, på skolor, i föreningar." : "Inga tips här."}</p>
          : status === "NEW" ? <TipQueue tips={rows} close={closeTipsAction} /> : (
            <ul className="status-list" data-testid="tip-list">
              {rows.map((t) => <li key={t.id}><span><Link href={`/tips/${t.id}`}>{t.title}</Link> <span className="meta">{t.detail}</span></span><span className="meta">{t.meta}</span></li>)}
            </ul>
          )}
      </section>
    </>
  );
}
