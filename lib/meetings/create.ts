// Creates meetings with the agenda their group's kind starts from. Takes any Prisma client or
// transaction, so the seed, an Insats and the calendar job lay meetings out the same way.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { GroupKind } from "@/lib/generated/prisma/enums";
import { defaultAgenda } from "./agenda";
import type { PlannedMeeting } from "./cadence";

type Client = Pick<Prisma.TransactionClient, "meeting" | "agendaItem">;

export async function createMeetings(client: Client, group: { id: string; municipalityId: string; kind: GroupKind }, planned: PlannedMeeting[]): Promise<string[]> {
  if (planned.length === 0) return [];
  const rows = await client.meeting.createManyAndReturn({
    data: planned.map((p) => ({ ...p, municipalityId: group.municipalityId, groupId: group.id })),
    select: { id: true },
  });
  const agenda = defaultAgenda(group.kind);
  await client.agendaItem.createMany({ data: rows.flatMap((r) => agenda.map((a) => ({ ...a, meetingId: r.id }))) });
  return rows.map((r) => r.id);
}
