import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import { ClientMessages } from "@/components/i18n/client-messages";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getGroupForViewer } from "@/lib/groups/queries";
import { cadenceLabel } from "@/lib/groups/labels";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { toLocalInputs } from "@/lib/time/format";
import { quarterKey, shiftPeriod, weekKey } from "@/lib/time/periods";
import { Badge } from "@/components/ui/badge";
import { getInsatsWorkspace } from "@/lib/insats/queries";
import { tertialToOpen } from "@/lib/analysis/tertial";
import { InsatsWorkspace } from "./_components/insats-workspace";
import { AddMemberForm, MemberRoleSelect } from "./_components/members-manage";
import { listMemberCandidates } from "@/lib/groups/members";
import { Suspense } from "react";
import { RecentFlags, RecentFlagsLoading } from "@/components/groups/recent-flags";
import { ActionButton } from "@/components/ui/action-button";
import { removeMemberAction, setMemberAction } from "./actions";

// Their work is the tertial analysis; the quarterly pack belongs to the area groups.
const LEADERSHIP: string[] = ["STRATEGISK", "LEDNING"];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.group.metaTitle };
}

async function load(groupId: string) {
  const viewer = await requireViewer();
  return orNotFound(async () => {
    const group = await getGroupForViewer(viewer, groupId);
    const [insats, candidates, tertial] = await Promise.all([
      group.kind === "INSATS" ? getInsatsWorkspace(viewer, group.id) : null,
      group.canManage ? listMemberCandidates(viewer, group.id) : [],
      LEADERSHIP.includes(group.kind) ? tertialToOpen(viewer, group.municipalityId) : null,
    ]);
    return { ...group, insats, candidates, tertial };
  });
}

export default async function GroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  const group = await load((await params).groupId);
  const { m: { group: m, groups }, f } = await getI18n();
  return (
    <ClientMessages ns={["group", "insatsManage"]}>
      <p className="no-print">
        <Link href="/">{m.back}</Link>
      </p>
      <div className="page-header">
        <div>
          <div className="meta">
            {`${groups.kind[group.kind]} · ${group.municipality.name}`}
          </div>
          <h1>{group.name}</h1>
          {group.description ? <p className="lead">{group.description}</p> : null}
        </div>
        <div className="toolbar">
          {group.status === "CLOSED" ? <Badge tone="warn">{m.closed}</Badge> : <Badge tone="ok">{m.active}</Badge>}
          {group.kind === "VECKO" || group.kind === "INSATS" ? (
            <Link className="btn" href={`/groups/${group.id}/lagesbild/${shiftPeriod(weekKey(new Date()), -1)}`}>{m.weekLagesbild}</Link>
          ) : null}
          {group.kind === "INSATS" && group.meetings[0] ? (
            <Link className="btn" href={`/groups/${group.id}/moten/${toLocalInputs(group.meetings[0].startsAt).date}`}>{m.nextMeetingLagesbild}</Link>
          ) : null}
          {group.tertial ? (
            <>
              <Link className="btn" href={`/tertial/${group.tertial}`}>{fill(m.tertialAnalysis, { period: f.period(group.tertial) })}</Link>
              <Link className="btn btn-secondary" href="/tertial">{m.allTertials}</Link>
            </>
          ) : null}
          {group.kind !== "INSATS" && !LEADERSHIP.includes(group.kind) && group.areas.length > 0 ? (
            <Link className="btn btn-secondary" href={`/groups/${group.id}/kvartal/${shiftPeriod(quarterKey(new Date()), -1)}`}>{m.quarterPack}</Link>
          ) : null}
        </div>
      </div>

      <div className="grid">
        <section className="card" aria-labelledby="facts">
          <h2 id="facts">{m.about}</h2>
          <dl className="facts">
            <dt>{m.cadence}</dt>
            <dd>{cadenceLabel(group.cadence, group.meetingWeekday, group.meetingTime, groups)}</dd>
            <dt>{m.areas}</dt>
            <dd>{group.areas.map((a) => a.name).join(", ") || "–"}</dd>
            {group.kind === "INSATS" ? (
              <>
                <dt>{m.opened}</dt>
                <dd>{group.openedAt ? f.date(group.openedAt) : "–"}</dd>
                <dt>{m.plannedEnd}</dt>
                <dd>{group.plannedEndDate ? f.date(group.plannedEndDate) : "–"}</dd>
              </>
            ) : null}
          </dl>
        </section>

        <section className="card" aria-labelledby="meetings">
          <h2 id="meetings">{m.upcoming}</h2>
          <p className="no-print"><Link href={`/groups/${group.id}/moten`}>{group.canManage ? m.wholePlanManage : m.wholePlan}</Link></p>
          {group.meetings.length === 0 ? (
            <p className="meta">{m.noMeetings}</p>
          ) : (
            <ul className="status-list">
              {group.meetings.map((mt) => (
                <li key={mt.id}>
                  <span>
                    <Link href={`/moten/${mt.id}`} aria-label={fill(m.meetingLink, { time: f.meetingTime(mt.startsAt) })}>{f.meetingTime(mt.startsAt)}</Link>
                    {group.kind === "INSATS" && mt.status !== "CANCELLED" ? (
                      <>{" · "}<Link href={`/groups/${group.id}/moten/${toLocalInputs(mt.startsAt).date}`} aria-label={fill(m.meetingLagesbild, { time: f.meetingTime(mt.startsAt) })}>{m.lagesbild}</Link></>
                    ) : null}
                  </span>
                  <span className="meta">{mt.status === "CANCELLED" ? m.cancelled : f.period(mt.periodKey)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {group.kind === "VECKO" ? (
        <Suspense fallback={<RecentFlagsLoading />}>
          <RecentFlags group={group} />
        </Suspense>
      ) : null}

      {group.insats ? <InsatsWorkspace group={group} insats={group.insats} /> : null}

      <section aria-labelledby="members">
        <h2 id="members">{fill(m.members, { count: group.members.length })}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{m.name}</th>
                <th scope="col">{m.organisation}</th>
                <th scope="col">{m.role}</th>
                {group.canManage ? <th scope="col"><span className="visually-hidden">{m.remove}</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {group.members.map((mb) => (
                <tr key={mb.id}>
                  <td>{mb.name}</td>
                  <td>{mb.organisation ?? "–"}</td>
                  <td>{group.canManage ? <MemberRoleSelect groupId={group.id} userId={mb.id} name={mb.name} role={mb.role} action={setMemberAction} /> : groups.role[mb.role]}</td>
                  {group.canManage ? (
                    <td><ActionButton className="btn-link" action={removeMemberAction} input={{ groupId: group.id, userId: mb.id }} label={m.remove} ariaLabel={fill(m.removeMember, { name: mb.name })} confirm={fill(m.confirmRemove, { name: mb.name, group: group.name })} /></td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {group.canManage ? (
        <section className="card no-print" aria-labelledby="add-member" style={{ marginTop: "1rem" }}>
          <h2 id="add-member">{m.addMember}</h2>
          <AddMemberForm groupId={group.id} candidates={group.candidates} action={setMemberAction} />
        </section>
      ) : null}

      <section aria-labelledby="orgs">
        <h2 id="orgs">{m.organisations}</h2>
        <p>{group.organisations.map((o) => o.name).join(" · ")}</p>
      </section>
    </ClientMessages>
  );
}
