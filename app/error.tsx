"use client";

import { useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";

// Shown for unexpected errors. When the database is down, says so and recovers by itself once
// /api/health reports it back. Never shows a stack trace or error details.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useI18n().m.errorPage;
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
            <h1>{t.databaseTitle}</h1>
            <p>{t.databaseText}</p>
          </>
        ) : (
          <>
            <h1>{t.title}</h1>
            <p>{t.text}</p>
            <button className="btn" onClick={() => reset()}>
              {t.retry}
            </button>
          </>
        )}
      </div>
    </main>
  );
}
