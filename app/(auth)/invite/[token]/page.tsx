import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/session";
import { getInvitation } from "@/lib/users/invitations";
import { joinAction } from "./actions";
import { AcceptForm } from "./_components/accept-form";
import { JoinButton } from "./_components/join-button";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FormError } from "@/components/ui/form-error";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.auth.invitation, referrer: "no-referrer" };
}

/** The page an e-mail invitation links to. Public: the token in the address is the key. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, viewer] = await Promise.all([getInvitation(token), getViewer()]);
  const t = (await getI18n()).m.auth;
  return (
    <main className="auth-page">
      <ClientMessages ns={["auth"]}>
      <div className="card auth-card">
        <h1>{t.invitationTitle}</h1>
        {!invitation ? (
          <>
            <FormError message={t.invitationGone} />
            <p><Link href="/login">{t.toSignIn}</Link></p>
          </>
        ) : (
          <>
            <p className="lead">
              {invitation.group
                ? <>{`${t.invitedTo} `}<strong>{invitation.group}</strong>{` ${fill(t.inMunicipality, { municipality: invitation.municipality, organisation: invitation.organisation })}`}</>
                : `${t.invitedTo} ${fill(t.municipalityFor, { municipality: invitation.municipality, organisation: invitation.organisation })}`}
            </p>
            {viewer ? (
              viewer.email.toLowerCase() === invitation.email ? (
                <JoinButton join={joinAction.bind(null, token)} />
              ) : (
                <FormError message={fill(t.wrongUser, { invited: invitation.email, current: viewer.email })} />
              )
            ) : invitation.hasAccount ? (
              <p>{`${t.hasAccount} `}<Link href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>{t.signIn}</Link>{` ${t.thenJoin}`}</p>
            ) : (
              <AcceptForm token={token} email={invitation.email} />
            )}
          </>
        )}
      </div>
      </ClientMessages>
    </main>
  );
}
