import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cadenceLabel } from "@/lib/groups/labels";
import { fill, plural } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import type { Cadence, GroupKind, GroupRole, GroupStatus } from "@/lib/generated/prisma/enums";

export type GroupCardData = {
  id: string;
  name: string;
  kind: GroupKind;
  cadence: Cadence;
  meetingWeekday: number | null;
  meetingTime: string | null;
  status: GroupStatus;
  plannedEndDate: Date | null;
  memberCount: number;
  myRole: GroupRole | null;
  nextMeeting: { startsAt: Date; periodKey: string } | null;
};

export async function GroupCard({ group }: { group: GroupCardData }) {
  const { locale, m: { groups: m }, f } = await getI18n();
  return (
    <article className="card card-clickable stack" data-testid="group-card">
      {group.name.startsWith(m.kind[group.kind]) ? null : <div className="meta">{m.kind[group.kind]}</div>}
      <h3>
        <Link href={`/groups/${group.id}`}>{group.name}</Link>
      </h3>
        <div>
          {group.myRole ? <Badge>{m.role[group.myRole]}</Badge> : <Badge tone="info">{m.coordinatorInsight}</Badge>}{" "}
          {group.status === "CLOSED" ? <Badge tone="warn">{m.closed}</Badge> : null}
        </div>
        <div className="meta">{cadenceLabel(group.cadence, group.meetingWeekday, group.meetingTime, m)}</div>
        <div>
          {group.nextMeeting ? (
            <>
              {`${m.nextMeeting} `}<strong>{f.meetingTime(group.nextMeeting.startsAt)}</strong>
              <div className="meta">{fill(m.concerns, { period: f.period(group.nextMeeting.periodKey) })}</div>
            </>
          ) : (
            <span className="meta">{m.noMeeting}</span>
          )}
        </div>
        {group.kind === "INSATS" && group.plannedEndDate ? <div className="meta">{fill(m.plannedEnd, { date: f.date(group.plannedEndDate) })}</div> : null}
        <div className="meta">{plural(locale, m.members, group.memberCount)}</div>
    </article>
  );
}
