import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { isExpectedError } from "@/lib/errors";
import { getMembershipOverlap } from "@/lib/groups/members";

export const metadata: Metadata = { title: "Överlapp mellan grupper" };

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Which groups share members and organisations, to judge whether two should merge. */
export default async function OverlapPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const data = await getMembershipOverlap(viewer, active.municipalityId).catch((e) => (isExpectedError(e) ? notFound() : Promise.reject(e)));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Överlapp mellan grupper</h1>
          <p className="lead">{active.municipalityName} · gemensamma medlemmar och organisationer, andel av den mindre gruppen. Högt överlapp kan tala för att slå ihop grupper.</p>
        </div>
      </div>
      {data.pairs.length === 0 ? <p className="meta">Inga grupper har medlemmar eller organisationer gemensamt.</p> : (
        <div className="table-wrap">
          <table data-testid="overlap">
            <thead>
              <tr><th scope="col">Grupper</th><th scope="col">Organisationer gemensamt</th><th scope="col">Medlemmar gemensamt</th></tr>
            </thead>
            <tbody>
              {data.pairs.map((p) => (
                <tr key={`${p.a.id}-${p.b.id}`}>
                  <th scope="row"><Link href={`/groups/${p.a.id}`}>{p.a.name}</Link> och <Link href={`/groups/${p.b.id}`}>{p.b.name}</Link></th>
                  <td>
                    <div className="overlap-bar" role="img" aria-label={`${pct(p.organisationShare)} av organisationerna`}><span style={{ width: pct(p.organisationShare).replace(" ", "") }} /></div>
                    {pct(p.organisationShare)} · <span className="meta">{p.organisations.join(", ") || "–"}</span>
                  </td>
                  <td>
                    <div className="overlap-bar" role="img" aria-label={`${pct(p.memberShare)} av medlemmarna`}><span style={{ width: pct(p.memberShare).replace(" ", "") }} /></div>
                    {pct(p.memberShare)} · <span className="meta">{p.members.join(", ") || "–"}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
