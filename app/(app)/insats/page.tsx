import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { can } from "@/lib/auth/permissions";
import { listInsatser } from "@/lib/insats/queries";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.insats.listTitle };
}

export default async function InsatserPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const { m: { insats: t }, f } = await getI18n();
  const rows = await orNotFound(listInsatser(viewer, active.municipalityId));
  return (
    <>
      <div className="page-header">
        <div><h1>{t.listTitle}</h1><p className="lead">{`${active.municipalityName} · ${t.listLead}`}</p></div>
        {can(viewer, "insats:open", { municipalityId: active.municipalityId }) ? <Link className="btn" href="/insats/new">{t.start}</Link> : null}
      </div>
      {rows.length === 0 ? <p className="meta">{can(viewer, "insats:open", { municipalityId: active.municipalityId }) ? t.noneYetCanOpen : t.noneYet}</p> : (
        <div className="table-wrap">
          <table data-testid="insatser">
            <thead><tr><th scope="col">{t.insats}</th><th scope="col">{t.areas}</th><th scope="col">{t.opened}</th><th scope="col">{t.end}</th><th scope="col">{t.days}</th><th scope="col">{t.outcome}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td><Link href={`/groups/${r.id}`}>{r.name}</Link> {r.status === "OPEN" ? <Badge tone="ok">{t.ongoing}</Badge> : <Badge>{t.closed}</Badge>}</td>
                  <td>{r.areas.join(", ")}</td>
                  <td>{r.openedAt ? f.date(r.openedAt) : "–"}</td>
                  <td>{r.closedAt ? f.date(r.closedAt) : r.plannedEndDate ? fill(t.planned, { date: f.date(r.plannedEndDate) }) : "–"}</td>
                  <td>{r.days ?? "–"}</td>
                  <td>{r.outcome ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
