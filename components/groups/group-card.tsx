import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { GROUP_KIND_LABEL, GROUP_ROLE_LABEL, cadenceLabel } from "@/lib/groups/labels";
import type { Cadence, GroupKind, GroupRole, GroupStatus } from "@/lib/generated/prisma/enums";
import { formatDate, formatMeetingTime } from "@/lib/time/format";
import { periodLabel } from "@/lib/time/periods";

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

export function GroupCard({ group }: { group: GroupCardData }) {
  return (
    <article className="card card-clickable stack" data-testid="group-card">
      {group.name.startsWith(GROUP_KIND_LABEL[group.kind]) ? null : <div className="meta">{GROUP_KIND_LABEL[group.kind]}</div>}
      <h3>
        <Link href={`/groups/${group.id}`}>{group.name}</Link>
      </h3>
        <div>
          {group.myRole ? <Badge>{GROUP_ROLE_LABEL[group.myRole]}</Badge> : <Badge tone="info">Insyn som samordnare</Badge>}{" "}
          {group.status === "CLOSED" ? <Badge tone="warn">Avslutad</Badge> : null}
        </div>
        <div className="meta">{cadenceLabel(group.cadence, group.meetingWeekday, group.meetingTime)}</div>
        <div>
          {group.nextMeeting ? (
            <>
              Nästa möte: <strong>{formatMeetingTime(group.nextMeeting.startsAt)}</strong>
              <div className="meta">Avser {periodLabel(group.nextMeeting.periodKey)}</div>
            </>
          ) : (
            <span className="meta">Inget möte inplanerat</span>
          )}
        </div>
        {group.kind === "INSATS" && group.plannedEndDate ? <div className="meta">Planerat slut: {formatDate(group.plannedEndDate)}</div> : null}
        <div className="meta">{group.memberCount === 1 ? "1 medlem" : `${group.memberCount} medlemmar`}</div>
    </article>
  );
}
