import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { LOCALES } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { setLocaleAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.account.title };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ sparat?: string }> }) {
  const viewer = await requireViewer();
  const { m } = await getI18n();
  const saved = (await searchParams).sparat === "1";
  return (
    <>
      <div className="page-header">
        <h1>{m.account.title}</h1>
      </div>
      <div className="grid">
        <section className="card" aria-labelledby="details">
          <h2 id="details">{m.account.details}</h2>
          <dl className="facts">
            <dt>{m.account.name}</dt>
            <dd>{viewer.name}</dd>
            <dt>{m.account.email}</dt>
            <dd>{viewer.email}</dd>
            <dt>{m.account.memberships}</dt>
            <dd>
              <ul className="plain-list">
                {viewer.memberships.map((ms) => (
                  <li key={ms.municipalityId}>{`${ms.municipalityName} · ${ms.organisationName}`}</li>
                ))}
              </ul>
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="language">
          <h2 id="language">{m.account.language}</h2>
          <div aria-live="polite">{saved ? <p className="alert alert-info" role="status">{m.account.saved}</p> : null}</div>
          <form action={setLocaleAction}>
            <div className="field">
              <label htmlFor="locale">{m.account.language}</label>
              <span id="locale-hint" className="hint">{m.account.languageHint}</span>
              <select id="locale" name="locale" defaultValue={viewer.locale} aria-describedby="locale-hint">
                {Object.entries(LOCALES).map(([code, name]) => (
                  <option key={code} value={code} lang={code}>{name}</option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn">{m.account.save}</button>
          </form>
        </section>
      </div>
    </>
  );
}
