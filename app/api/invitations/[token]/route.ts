import { isExpectedError } from "@/lib/errors";
import { readBodyCapped } from "@/lib/http/body";
import { isSameOrigin } from "@/lib/http/same-origin";
import { acceptInvitation } from "@/lib/users/invitations";
import { ZAcceptInvitation } from "@/lib/users/schema";

const headers = { "Cache-Control": "no-store" };

/**
 * Accepts an e-mail invitation by creating the account. Public on purpose: the secret token in
 * the link is the credential (hashed at rest, single use, two weeks).
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  if (!isSameOrigin(request)) return Response.json({ error: "Förbjuden begäran." }, { status: 403, headers });
  const { token } = await params;
  // A name, an e-mail and a password: a few hundred bytes; 16 KiB is generous.
  const bytes = await readBodyCapped(request, 16 * 1024);
  if (!bytes) return Response.json({ error: "För stor begäran." }, { status: 413, headers });
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return Response.json({ error: "Ogiltig begäran." }, { status: 400, headers });
  }
  const parsed = ZAcceptInvitation.safeParse(body);
  if (!parsed.success) {
    return Response.json({ error: "Kontrollera fälten.", fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])) }, { status: 400, headers });
  }
  try {
    const { email, groupId } = await acceptInvitation(token, parsed.data);
    return Response.json({ email, next: groupId ? `/groups/${groupId}` : "/" }, { status: 201, headers });
  } catch (error) {
    if (isExpectedError(error)) return Response.json({ error: error.message }, { status: error.code === "NOT_FOUND" ? 404 : 409, headers });
    throw error;
  }
}
