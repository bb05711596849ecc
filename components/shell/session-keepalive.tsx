"use client";

import { useEffect } from "react";

const RENEW_EVERY_MS = 5 * 60_000;

// Sessions expire after a period without activity. While the user works, renew the session
// cookie now and then; when the session has ended (timeout, sign-out elsewhere, account
// disabled), go to the sign-in page instead of failing on the next click.
export function SessionKeepAlive() {
  useEffect(() => {
    let last = Date.now();
    async function renew() {
      if (Date.now() - last < RENEW_EVERY_MS) return;
      last = Date.now();
      const res = await fetch("/api/auth/session", { cache: "no-store" }).catch(() => null);
      if (!res?.ok) return;
      const session = (await res.json().catch(() => null)) as { uid?: string } | null;
      if (!session?.uid) window.location.assign("/login");
    }
    const events = ["pointerdown", "keydown", "visibilitychange"] as const;
    events.forEach((e) => window.addEventListener(e, renew, { passive: true }));
    return () => events.forEach((e) => window.removeEventListener(e, renew));
  }, []);
  return null;
}
