import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listApiTokens } from "@/lib/api-tokens/tokens";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { isExpectedError } from "@/lib/errors";
import { listReportingOrganisations } from "@/lib/incidents/queries";
import { formatDateTime } from "@/lib/time/format";
import { CreateTokenForm, RevokeButton } from "./_components/token-forms";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API-nycklar" };

async function load() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  try {
    const [tokens, organisations] = await Promise.all([listApiTokens(viewer, active.municipalityId), listReportingOrganisations(viewer, active.municipalityId)]);
    return { active, tokens, organisations };
  } catch (error) {
    if (isExpectedError(error)) notFound();
    throw error;
  }
}

export default async function ApiTokensPage() {
  const { active, tokens, organisations } = await load();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>API-nycklar för maskinrapportering</h1>
          <p className="lead">{active.municipalityName} · POST /api/v1/incidents med <code>Authorization: Bearer &lt;nyckel&gt;</code></p>
        </div>
      </div>
      <section className="card"><CreateTokenForm organisations={organisations} action={createApiTokenAction} /></section>
      <h2>Nycklar</h2>
      <div className="table-wrap">
        <table data-testid="api-tokens">
          <thead><tr><th scope="col">Namn</th><th scope="col">Organisation</th><th scope="col">Början</th><th scope="col">Skapad</th><th scope="col">Senast använd</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{t.organisation.name}</td>
                <td><code>{t.prefix}…</code></td>
                <td>{formatDateTime(t.createdAt)}</td>
                <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "–"}</td>
                <td>{t.revokedAt ? `Återkallad ${formatDateTime(t.revokedAt)}` : <RevokeButton id={t.id} name={t.name} action={revokeApiTokenAction} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
