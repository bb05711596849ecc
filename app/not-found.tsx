import Link from "next/link";
import { getI18n } from "@/lib/i18n/server";

// One page for "not found" and "not yours": the app never tells an outsider that a record exists.
export default async function NotFound() {
  const { m } = await getI18n();
  const t = m.notFound;
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>{t.title}</h1>
        <p>{t.text}</p>
        <ul>
          <li>{t.checkAddress}</li>
          <li>{t.otherMunicipality}</li>
          <li>{t.askCoordinator}</li>
        </ul>
        <p className="toolbar">
          <Link className="btn" href="/">{t.home}</Link>
          <Link className="btn btn-secondary" href="/incidents/week">{t.report}</Link>
        </p>
      </div>
    </main>
  );
}
