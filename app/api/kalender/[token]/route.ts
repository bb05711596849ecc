import { authenticateCalendarToken, calendarFeed, icsResponse } from "@/lib/meetings/ics";

/** The subscriber's personal feed of all their groups' meetings. The secret token in the URL is
 * the credential (calendar clients cannot sign in); revoking it stops the feed at once. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const viewer = await authenticateCalendarToken((await params).token);
  if (!viewer) return new Response("Okänd eller återkallad kalenderlänk.", { status: 404, headers: { "Cache-Control": "no-store" } });
  return icsResponse((await calendarFeed(viewer))!);
}
