import { recordAudit } from "@/lib/audit/mutations";
import { authenticateCalendarToken, calendarFeed, icsResponse } from "@/lib/meetings/ics";

/** The subscriber's personal feed of all their groups' meetings. The secret token in the URL is
 * the credential (calendar clients cannot sign in); revoking it stops the feed at once. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const viewer = await authenticateCalendarToken((await params).token);
  // Reads and refusals of feeds are in the access log (issue 26); never the token itself.
  await recordAudit({ userId: viewer?.userId ?? null, action: "calendar:feed", outcome: viewer ? "ALLOWED" : "DENIED" });
  if (!viewer) return new Response("Okänd eller återkallad kalenderlänk.", { status: 404, headers: { "Cache-Control": "no-store" } });
  return icsResponse((await calendarFeed(viewer))!);
}
