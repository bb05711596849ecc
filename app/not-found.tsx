import Link from "next/link";

export default function NotFound() {
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Sidan finns inte</h1>
        <p>Sidan finns inte, eller så har du inte behörighet att se den.</p>
        <Link className="btn" href="/">
          Till Mina grupper
        </Link>
      </div>
    </main>
  );
}
