"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { enqueue, flushOutbox, readOutbox, remove, type QueuedReport } from "@/lib/incidents/outbox";
import { formatDateTime } from "@/lib/time/format";

type Submit = (values: unknown) => Promise<ActionResult<unknown>>;

/** The device's queue of reports made offline, sent when the browser is back online. */
export function useOutbox(submit: Submit, owner: string) {
  const router = useRouter();
  const [queued, setQueued] = useState<QueuedReport[]>([]);
  const [sent, setSent] = useState<QueuedReport[]>([]);
  const flushing = useRef(false);
  // Read lazily: localStorage exists only in the browser, never during server rendering.
  const box = useCallback(() => ({ storage: localStorage, owner }), [owner]);

  const flush = useCallback(async () => {
    if (!owner || flushing.current || !navigator.onLine) return;
    flushing.current = true;
    try {
      const result = await flushOutbox(box(), async (payload) => {
        const r = await submit(payload);
        if (r.ok) return { ok: true };
        const field = Object.values(r.fieldErrors ?? {})[0]?.[0];
        return { ok: false, message: r.formError ?? field ?? "Rapporten kunde inte sparas." };
      });
      setQueued(result.remaining);
      if (result.sent.length) {
        setSent((s) => [...s, ...result.sent]);
        router.refresh();
      }
    } finally {
      flushing.current = false;
    }
  }, [submit, router, box, owner]);

  useEffect(() => {
    if (!owner) return; // editing an incident: nothing is queued
    setQueued(readOutbox(box()));
    void flush();
    window.addEventListener("online", flush);
    return () => window.removeEventListener("online", flush);
  }, [flush, box, owner]);

  return {
    queued,
    sent,
    queue: (key: string, payload: Record<string, unknown>, summary: string) => setQueued(enqueue(box(), { key, payload, summary, queuedAt: new Date().toISOString() })),
    discard: (key: string) => setQueued(remove(box(), key)),
  };
}

/** What waits on this device and what was just sent, announced politely to screen readers. */
export function OutboxPanel({ queued, sent, discard }: Pick<ReturnType<typeof useOutbox>, "queued" | "sent" | "discard">) {
  if (queued.length === 0 && sent.length === 0) return null;
  return (
    <section className="card outbox" aria-live="polite" aria-label="Rapporter på den här enheten">
      {queued.length ? (
        <>
          <h2>Väntar på nätverk ({queued.length})</h2>
          <p className="meta">Sparade på den här enheten. De skickas av sig själva när du är uppkopplad igen – ingen rapport skickas två gånger.</p>
          <ul>
            {queued.map((r) => (
              <li key={r.key}>
                {r.summary} <span className="meta">(köad {formatDateTime(new Date(r.queuedAt))})</span>
                {r.error ? (
                  <>
                    {" – "}
                    <span className="field-error">kunde inte sparas: {r.error}</span>{" "}
                    <button type="button" className="btn-link" onClick={() => discard(r.key)}>
                      Ta bort
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {sent.length ? <p role="status">Skickat nu: {sent.map((r) => r.summary).join("; ")}.</p> : null}
    </section>
  );
}
