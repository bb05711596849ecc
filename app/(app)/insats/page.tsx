import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { can } from "@/lib/auth/permissions";
import { isExpectedError } from "@/lib/errors";
import { listInsatser } from "@/lib/insats/queries";
import { formatDate } from "@/lib/time/format";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "EST Insatser" };

export default async function InsatserPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const rows = await listInsatser(viewer, active.municipalityId).catch((e) => (isExpectedError(e) ? notFound() : Promise.reject(e)));
  return (
    <>
      <div className="page-header">
        <div><h1>EST Insatser</h1><p className="lead">{active.municipalityName} · pågående och avslutade</p></div>
        {can(viewer, "insats:open", { municipalityId: active.municipalityId }) ? <Link className="btn" href="/insats/new">Starta EST Insats</Link> : null}
      </div>
      <div className="table-wrap">
        <table data-testid="insatser">
          <thead><tr><th scope="col">Insats</th><th scope="col">Områden</th><th scope="col">Startad</th><th scope="col">Slut</th><th scope="col">Dagar</th><th scope="col">Utfall</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td><Link href={`/groups/${r.id}`}>{r.name}</Link> {r.status === "OPEN" ? <Badge tone="ok">Pågår</Badge> : <Badge>Avslutad</Badge>}</td>
                <td>{r.areas.join(", ")}</td>
                <td>{r.openedAt ? formatDate(r.openedAt) : "–"}</td>
                <td>{r.closedAt ? formatDate(r.closedAt) : r.plannedEndDate ? `planerat ${formatDate(r.plannedEndDate)}` : "–"}</td>
                <td>{r.days ?? "–"}</td>
                <td>{r.outcome ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
