import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { auditForRecord, auditForUser } from "@/lib/audit/queries";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.auditTitle };
}

/** For the personuppgiftsansvarig: who opened a record, and what a user opened. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<{ record?: string; user?: string }> }) {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const { record = "", user = "" } = await searchParams;
  const load = async () => (record ? auditForRecord(viewer, active.municipalityId, record) : user ? auditForUser(viewer, active.municipalityId, user) : auditForRecord(viewer, active.municipalityId, "-"));
  const { m: { admin: t }, f } = await getI18n();
  const rows = await orNotFound(load());
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t.auditTitle}</h1>
          <p className="lead">{`${active.municipalityName} · ${t.auditLead}`}</p>
        </div>
      </div>
      <div className="grid" style={{ marginBottom: "1rem" }}>
        <form className="card" method="get" aria-label={t.whoOpened}>
          <div className="field">
            <label htmlFor="record">{t.whoOpenedLabel}</label>
            <input id="record" name="record" defaultValue={record} autoComplete="off" />
          </div>
          <button className="btn" type="submit">{t.search}</button>
        </form>
        <form className="card" method="get" aria-label={t.whatOpened}>
          <div className="field">
            <label htmlFor="user">{t.whatOpenedLabel}</label>
            <input id="user" name="user" type="email" defaultValue={user} autoComplete="off" />
          </div>
          <button className="btn" type="submit">{t.search}</button>
        </form>
      </div>
      {record || user ? (
        <section className="card" aria-labelledby="result">
          <h2 id="result">{record ? fill(t.forRecord, { count: rows.length, record }) : fill(t.forUser, { count: rows.length, user })}</h2>
          {rows.length ? (
            <div className="table-wrap" role="region" aria-label={t.logEvents} tabIndex={0}>
              <table data-testid="audit-rows">
                <thead><tr><th scope="col">{t.when}</th><th scope="col">{t.who}</th><th scope="col">{t.what}</th><th scope="col">{t.record}</th><th scope="col">{t.from}</th><th scope="col">{t.outcome}</th></tr></thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={String(r.id)}>
                      <td>{f.dateTime(r.at)}</td>
                      <td>{r.user ? `${r.user.name} (${r.user.email})` : "–"}</td>
                      <td>{r.action}</td>
                      <td>{r.entityType ? `${r.entityType} ${r.entityId ?? ""}` : "–"}</td>
                      <td>{r.ip ?? "–"}</td>
                      <td>{r.outcome === "DENIED" ? <Badge tone="danger">{t.denied}</Badge> : <Badge tone="ok">{t.allowed}</Badge>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : <p className="meta">{t.noEvents}</p>}
        </section>
      ) : null}
    </>
  );
}
