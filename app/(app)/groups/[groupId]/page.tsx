import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getGroupForViewer } from "@/lib/groups/queries";
import { GROUP_KIND_LABEL, GROUP_ROLE_LABEL, cadenceLabel } from "@/lib/groups/labels";
import { isExpectedError } from "@/lib/errors";
import { formatDate, formatMeetingTime, toLocalInputs } from "@/lib/time/format";
import { periodLabel, quarterKey, shiftPeriod, weekKey } from "@/lib/time/periods";
import { Badge } from "@/components/ui/badge";
import { getInsatsWorkspace } from "@/lib/insats/queries";
import { InsatsWorkspace } from "./_components/insats-workspace";
import { AddMemberForm, MemberRoleSelect } from "./_components/members-manage";
import { listMemberCandidates } from "@/lib/groups/members";
import { ActionButton } from "@/components/ui/action-button";
import { removeMemberAction, setMemberAction } from "./actions";

export const metadata: Metadata = { title: "Grupp" };

async function load(groupId: string) {
  const viewer = await requireViewer();
  try {
    const group = await getGroupForViewer(viewer, groupId);
    const [insats, candidates] = await Promise.all([
      group.kind === "INSATS" ? getInsatsWorkspace(viewer, group.id) : null,
      group.canManage ? listMemberCandidates(viewer, group.id) : [],
    ]);
    return { ...group, insats, candidates };
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function GroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  const group = await load((await params).groupId);
  return (
    <>
      <p className="no-print">
        <Link href="/">← Mina grupper</Link>
      </p>
      <div className="page-header">
        <div>
          <div className="meta">
            {GROUP_KIND_LABEL[group.kind]} · {group.municipality.name}
          </div>
          <h1>{group.name}</h1>
          {group.description ? <p className="lead">{group.description}</p> : null}
        </div>
        <div className="toolbar">
          {group.status === "CLOSED" ? <Badge tone="warn">Avslutad</Badge> : <Badge tone="ok">Aktiv</Badge>}
          {group.kind === "VECKO" || group.kind === "INSATS" ? (
            <Link className="btn" href={`/groups/${group.id}/lagesbild/${shiftPeriod(weekKey(new Date()), -1)}`}>Veckans lägesbild</Link>
          ) : null}
          {group.kind === "INSATS" && group.meetings[0] ? (
            <Link className="btn" href={`/groups/${group.id}/moten/${toLocalInputs(group.meetings[0].startsAt).date}`}>Lägesbild inför nästa möte</Link>
          ) : null}
          {group.kind !== "INSATS" && group.areas.length > 0 ? (
            <Link className="btn btn-secondary" href={`/groups/${group.id}/kvartal/${shiftPeriod(quarterKey(new Date()), -1)}`}>Kvartalsunderlag</Link>
          ) : null}
        </div>
      </div>

      <div className="grid">
        <section className="card" aria-labelledby="facts">
          <h2 id="facts">Om gruppen</h2>
          <dl className="facts">
            <dt>Mötesrytm</dt>
            <dd>{cadenceLabel(group.cadence, group.meetingWeekday, group.meetingTime)}</dd>
            <dt>Områden</dt>
            <dd>{group.areas.map((a) => a.name).join(", ") || "–"}</dd>
            {group.kind === "INSATS" ? (
              <>
                <dt>Startad</dt>
                <dd>{group.openedAt ? formatDate(group.openedAt) : "–"}</dd>
                <dt>Planerat slut</dt>
                <dd>{group.plannedEndDate ? formatDate(group.plannedEndDate) : "–"}</dd>
              </>
            ) : null}
          </dl>
        </section>

        <section className="card" aria-labelledby="meetings">
          <h2 id="meetings">Kommande möten</h2>
          <p className="no-print"><Link href={`/groups/${group.id}/moten`}>Hela mötesplanen{group.canManage ? ", mötesrytm och extra möten" : ""} →</Link></p>
          {group.meetings.length === 0 ? (
            <p className="meta">Inga möten inplanerade.</p>
          ) : (
            <ul className="status-list">
              {group.meetings.map((m) => (
                <li key={m.id}>
                  <span>
                    <Link href={`/moten/${m.id}`} aria-label={`Mötet ${formatMeetingTime(m.startsAt)}: dagordning och protokoll`}>{formatMeetingTime(m.startsAt)}</Link>
                    {group.kind === "INSATS" && m.status !== "CANCELLED" ? (
                      <> · <Link href={`/groups/${group.id}/moten/${toLocalInputs(m.startsAt).date}`} aria-label={`Lägesbild inför mötet ${formatMeetingTime(m.startsAt)}`}>lägesbild</Link></>
                    ) : null}
                  </span>
                  <span className="meta">{m.status === "CANCELLED" ? "Inställt" : periodLabel(m.periodKey)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {group.insats ? <InsatsWorkspace group={group} insats={group.insats} /> : null}

      <section aria-labelledby="members">
        <h2 id="members">Medlemmar ({group.members.length})</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Organisation</th>
                <th scope="col">Roll</th>
                {group.canManage ? <th scope="col"><span className="visually-hidden">Ta bort</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {group.members.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{m.organisation ?? "–"}</td>
                  <td>{group.canManage ? <MemberRoleSelect groupId={group.id} userId={m.id} name={m.name} role={m.role} action={setMemberAction} /> : GROUP_ROLE_LABEL[m.role]}</td>
                  {group.canManage ? (
                    <td><ActionButton className="btn-link" action={removeMemberAction} input={{ groupId: group.id, userId: m.id }} label="Ta bort" ariaLabel={`Ta bort ${m.name} ur gruppen`} confirm={`Ta bort ${m.name} ur ${group.name}?`} /></td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {group.canManage ? (
        <section className="card no-print" aria-labelledby="add-member" style={{ marginTop: "1rem" }}>
          <h2 id="add-member">Lägg till medlem</h2>
          <AddMemberForm groupId={group.id} candidates={group.candidates} action={setMemberAction} />
        </section>
      ) : null}

      <section aria-labelledby="orgs">
        <h2 id="orgs">Deltagande organisationer</h2>
        <p>{group.organisations.map((o) => o.name).join(" · ")}</p>
      </section>
    </>
  );
}
