import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getMembershipOverlap } from "@/lib/groups/members";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.overlap.title };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Which groups share members and organisations, to judge whether two should merge. */
export default async function OverlapPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const t = (await getI18n()).m.overlap;
  const data = await orNotFound(getMembershipOverlap(viewer, active.municipalityId));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t.title}</h1>
          <p className="lead">{`${active.municipalityName} · ${t.lead}`}</p>
        </div>
      </div>
      {data.pairs.length === 0 ? <p className="meta">{t.none}</p> : (
        <div className="table-wrap">
          <table data-testid="overlap">
            <thead>
              <tr><th scope="col">{t.groups}</th><th scope="col">{t.organisations}</th><th scope="col">{t.members}</th></tr>
            </thead>
            <tbody>
              {data.pairs.map((p) => (
                <tr key={`${p.a.id}-${p.b.id}`}>
                  <th scope="row"><Link href={`/groups/${p.a.id}`}>{p.a.name}</Link>{` ${t.and} `}<Link href={`/groups/${p.b.id}`}>{p.b.name}</Link></th>
                  <td>
                    <div className="overlap-bar" role="img" aria-label={fill(t.ofOrganisations, { pct: pct(p.organisationShare) })}><span style={{ width: pct(p.organisationShare).replace(" ", "") }} /></div>
                    {`${pct(p.organisationShare)} · `}<span className="meta">{p.organisations.join(", ") || "–"}</span>
                  </td>
                  <td>
                    <div className="overlap-bar" role="img" aria-label={fill(t.ofMembers, { pct: pct(p.memberShare) })}><span style={{ width: pct(p.memberShare).replace(" ", "") }} /></div>
                    {`${pct(p.memberShare)} · `}<span className="meta">{p.members.join(", ") || "–"}</span>
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
