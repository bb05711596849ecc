import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { auditForRecord, auditForUser } from "@/lib/audit/queries";
import { isExpectedError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time/format";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Åtkomstlogg" };

/** For the personuppgiftsansvarig: who opened a record, and what a user opened. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<{ record?: string; user?: string }> }) {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const { record = "", user = "" } = await searchParams;
  const load = async () => (record ? auditForRecord(viewer, active.municipalityId, record) : user ? auditForUser(viewer, active.municipalityId, user) : auditForRecord(viewer, active.municipalityId, "-"));
  const rows = await load().catch((e) => (isExpectedError(e) ? notFound() : Promise.reject(e)));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Åtkomstlogg</h1>
          <p className="lead">{active.municipalityName} · läsningar, ändringar, exporter och nekade försök. Loggen kan inte ändras i efterhand.</p>
        </div>
      </div>
      <div className="grid" style={{ marginBottom: "1rem" }}>
        <form className="card" method="get" aria-label="Vem har öppnat posten">
          <div className="field">
            <label htmlFor="record">Vem har öppnat posten? (postens id)</label>
            <input id="record" name="record" defaultValue={record} autoComplete="off" />
          </div>
          <button className="btn" type="submit">Sök</button>
        </form>
        <form className="card" method="get" aria-label="Vad har användaren öppnat">
          <div className="field">
            <label htmlFor="user">Vad har användaren öppnat? (e-postadress)</label>
            <input id="user" name="user" type="email" defaultValue={user} autoComplete="off" />
          </div>
          <button className="btn" type="submit">Sök</button>
        </form>
      </div>
      {record || user ? (
        <section className="card" aria-labelledby="result">
          <h2 id="result">{rows.length} händelser {record ? `för posten ${record}` : `för ${user}`}</h2>
          {rows.length ? (
            <div className="table-wrap" role="region" aria-label="Logghändelser" tabIndex={0}>
              <table data-testid="audit-rows">
                <thead><tr><th scope="col">När</th><th scope="col">Vem</th><th scope="col">Vad</th><th scope="col">Post</th><th scope="col">Varifrån</th><th scope="col">Utfall</th></tr></thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={String(r.id)}>
                      <td>{formatDateTime(r.at)}</td>
                      <td>{r.user ? `${r.user.name} (${r.user.email})` : "–"}</td>
                      <td>{r.action}</td>
                      <td>{r.entityType ? `${r.entityType} ${r.entityId ?? ""}` : "–"}</td>
                      <td>{r.ip ?? "–"}</td>
                      <td>{r.outcome === "DENIED" ? <Badge tone="danger">Nekad</Badge> : <Badge tone="ok">Tillåten</Badge>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : <p className="meta">Inga händelser.</p>}
        </section>
      ) : null}
    </>
  );
}
