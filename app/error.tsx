"use client";

import { useEffect, useRef, useState } from "react";

// Shown for unexpected errors. When the database is down, says so and recovers by itself once
// /api/health reports it back. Never shows a stack trace or error details.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [databaseDown, setDatabaseDown] = useState(false);
  const wasDown = useRef(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    async function check() {
      const res = await fetch("/api/health", { cache: "no-store" }).catch(() => null);
      if (stopped) return;
      const down = !res || res.status === 503;
      if (!down && wasDown.current) {
        window.location.reload();
        return;
      }
      wasDown.current = down;
      setDatabaseDown(down);
      if (down) timer = setTimeout(check, 5_000);
    }
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return (
    <main className="auth-page">
      <div className="card auth-card" role="alert">
        {databaseDown ? (
          <>
            <h1>Databasen svarar inte</h1>
            <p>Vi kommer inte åt databasen just nu. Sidan försöker igen automatiskt; det du sparat tidigare finns kvar.</p>
          </>
        ) : (
          <>
            <h1>Något gick fel</h1>
            <p>Ett oväntat fel inträffade. Försök igen om en stund.</p>
            <button className="btn" onClick={() => reset()}>
              Försök igen
            </button>
          </>
        )}
      </div>
    </main>
  );
}
