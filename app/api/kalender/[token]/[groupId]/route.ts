import { authenticateCalendarToken, calendarFeed, icsResponse } from "@/lib/meetings/ics";
import { isUuid } from "@/lib/validation/ids";

/** One group's meetings, for someone allowed to see the group. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string; groupId: string }> }) {
  const { token, groupId } = await params;
  const viewer = await authenticateCalendarToken(token);
  const body = viewer && isUuid(groupId) ? await calendarFeed(viewer, groupId) : null;
  if (!body) return new Response("Okänd kalenderlänk eller grupp.", { status: 404, headers: { "Cache-Control": "no-store" } });
  return icsResponse(body);
}
