import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/lib/page-errors";
import { apiReference } from "@/lib/api/reference";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.admin.apiRefTitle };
}

/** The API reference for the municipality's admins and their integrators, read from the OpenAPI
 * document the routes are tested against. */
export default async function ApiReferencePage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const { about, operations, schemas } = await orNotFound(async () => apiReference(viewer, active.municipalityId));
  const { m: { admin: tx } } = await getI18n();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{tx.apiRefTitle}</h1>
          <p className="lead">{about}</p>
          <p>
            <a href="/api/v1/openapi.json">{tx.apiRefDocument}</a>
            {" · "}
            <Link href="/admin/api-tokens">{tx.tokensMeta}</Link>
          </p>
        </div>
      </div>
      <nav aria-label={tx.apiRefOperations} className="card">
        <ul>
          {operations.map((op) => <li key={op.id}><a href={`#${op.id}`}><code>{`${op.method} ${op.path}`}</code></a>{` – ${op.summary}`}</li>)}
        </ul>
      </nav>
      {operations.map((op) => (
        <section key={op.id} id={op.id} className="card" data-testid="api-operation">
          <h2><code>{`${op.method} ${op.path}`}</code></h2>
          <p><strong>{`${op.summary}.`}</strong>{` ${op.description}`}</p>
          <p>{`${tx.apiRefScopes}: `}{op.scopes.length ? op.scopes.map((s, i) => <span key={s}>{i ? ` ${tx.apiRefOr} ` : ""}<code>{s}</code></span>) : tx.apiRefNoToken}</p>
          {op.parameters.length ? (
            <div className="table-wrap">
              <table>
                <caption>{tx.apiRefParameters}</caption>
                <thead><tr><th scope="col">{tx.name}</th><th scope="col">{tx.apiRefType}</th><th scope="col">{tx.apiRefRequired}</th><th scope="col">{tx.apiRefDescription}</th><th scope="col">{tx.apiRefExample}</th></tr></thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={p.name}><td><code>{p.name}</code></td><td>{p.type}</td><td>{p.required ? tx.apiRefYes : tx.apiRefNo}</td><td>{p.description}</td><td>{p.example ? <code>{p.example}</code> : null}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {op.body ? <p>{`${tx.apiRefBody}: `}<a href={`#schema-${op.body}`}><code>{op.body}</code></a></p> : null}
          <h3>{tx.apiRefAnswers}</h3>
          <ul>
            {op.answers.map((a) => <li key={a.status}><code>{a.status}</code>{` ${a.description} `}{a.types.map((t) => <code key={t} className="muted">{`${t} `}</code>)}</li>)}
          </ul>
        </section>
      ))}
      <h2>{tx.apiRefSchemas}</h2>
      {schemas.map((s) => (
        <section key={s.name} id={`schema-${s.name}`} className="card">
          <h3><code>{s.name}</code></h3>
          {s.description ? <p>{s.description}</p> : null}
          {s.fields.length ? (
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{tx.apiRefField}</th><th scope="col">{tx.apiRefType}</th><th scope="col">{tx.apiRefRequired}</th><th scope="col">{tx.apiRefDescription}</th></tr></thead>
                <tbody>
                  {s.fields.map((f) => <tr key={f.name}><td><code>{f.name}</code></td><td>{f.type}</td><td>{f.required ? tx.apiRefYes : tx.apiRefNo}</td><td>{f.description}</td></tr>)}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ))}
    </>
  );
}
