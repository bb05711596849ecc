"use client";

import { useEffect } from "react";

/** Registers public/sw.js (offline report form). On the sign-in page it instead asks the worker
 * to empty its cache, so a signed-out device keeps no page of the previous user. */
export function RegisterServiceWorker({ clear = false }: { clear?: boolean }) {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    if (clear) {
      void navigator.serviceWorker.getRegistration().then((r) => r?.active?.postMessage("est:clear"));
      return;
    }
    void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Without a service worker the form still works online, and queues reports made offline.
    });
  }, [clear]);
  return null;
}
