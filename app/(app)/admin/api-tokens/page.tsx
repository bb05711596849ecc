import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/lib/page-errors";
import { listApiTokens } from "@/lib/api-tokens/tokens";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { listReportingOrganisations } from "@/lib/incidents/queries";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { CreateTokenForm, RevokeButton } from "./_components/token-forms";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.tokensMeta };
}

async function load() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  return orNotFound(async () => {
    const [tokens, organisations] = await Promise.all([listApiTokens(viewer, active.municipalityId), listReportingOrganisations(viewer, active.municipalityId)]);
    return { active, tokens, organisations };
  });
}

export default async function ApiTokensPage() {
  const { active, tokens, organisations } = await load();
  const { m: { admin: tx }, f } = await getI18n();
  return (
    <ClientMessages ns={["adminForms"]}>
      <div className="page-header">
        <div>
          <h1>{tx.tokensTitle}</h1>
          <p className="lead">{`${active.municipalityName} · ${tx.tokensLead} `}<code>{tx.tokensHeader}</code>{" · "}<Link href="/admin/api">{tx.apiReference}</Link></p>
        </div>
      </div>
      <section className="card"><CreateTokenForm organisations={organisations} action={createApiTokenAction} /></section>
      <h2>{tx.keys}</h2>
      <div className="table-wrap">
        <table data-testid="api-tokens">
          <thead><tr><th scope="col">{tx.name}</th><th scope="col">{tx.organisation}</th><th scope="col">{tx.access}</th><th scope="col">{tx.prefix}</th><th scope="col">{tx.created}</th><th scope="col">{tx.lastUsed}</th><th scope="col">{tx.status}</th></tr></thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{t.organisation.name}</td>
                <td>{(t.scopes ?? []).map((scope) => tx[`scope_${scope}`]).join(", ")}</td>
                <td><code>{`${t.prefix}…`}</code></td>
                <td>{f.dateTime(t.createdAt)}</td>
                <td>{t.lastUsedAt ? f.dateTime(t.lastUsedAt) : "–"}</td>
                <td>{t.revokedAt ? fill(tx.revokedAt, { time: f.dateTime(t.revokedAt) }) : <RevokeButton id={t.id} name={t.name} action={revokeApiTokenAction} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ClientMessages>
  );
}
