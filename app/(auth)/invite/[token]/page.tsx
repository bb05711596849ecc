import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/session";
import { getInvitation } from "@/lib/users/invitations";
import { joinAction } from "./actions";
import { AcceptForm } from "./_components/accept-form";
import { JoinButton } from "./_components/join-button";

export const metadata: Metadata = { title: "Inbjudan", referrer: "no-referrer" };

/** The page an e-mail invitation links to. Public: the token in the address is the key. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, viewer] = await Promise.all([getInvitation(token), getViewer()]);
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Inbjudan till EST</h1>
        {!invitation ? (
          <>
            <p className="alert alert-error" role="alert">Inbjudan finns inte, har gått ut eller är redan använd. Be den som bjöd in dig om en ny.</p>
            <p><Link href="/login">Till inloggningen</Link></p>
          </>
        ) : (
          <>
            <p className="lead">
              {invitation.group ? <>Du är inbjuden till <strong>{invitation.group}</strong> i </> : "Du är inbjuden till "}
              {invitation.municipality}, för {invitation.organisation}.
            </p>
            {viewer ? (
              viewer.email.toLowerCase() === invitation.email ? (
                <JoinButton join={joinAction.bind(null, token)} />
              ) : (
                <p className="alert alert-error" role="alert">Inbjudan gäller {invitation.email}, men du är inloggad som {viewer.email}. Logga ut och öppna länken igen.</p>
              )
            ) : invitation.hasAccount ? (
              <p>Du har redan ett konto. <Link href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>Logga in</Link> så kan du gå med.</p>
            ) : (
              <AcceptForm token={token} email={invitation.email} />
            )}
          </>
        )}
      </div>
    </main>
  );
}
