"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { enqueue, flushOutbox, readOutbox, remove, type QueuedReport } from "@/lib/incidents/outbox";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";

type Submit = (values: unknown) => Promise<ActionResult<unknown>>;

/** The device's queue of reports made offline, sent when the browser is back online. */
export function useOutbox(submit: Submit, owner: string) {
  const router = useRouter();
  const failedDefault = useI18n().m.outbox.failedDefault;
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
        return { ok: false, message: r.formError ?? field ?? failedDefault };
      });
      setQueued(result.remaining);
      if (result.sent.length) {
        setSent((s) => [...s, ...result.sent]);
        router.refresh();
      }
    } finally {
      flushing.current = false;
    }
  }, [submit, router, box, owner, failedDefault]);

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
  const { m: { outbox: m, common }, f } = useI18n();
  if (queued.length === 0 && sent.length === 0) return null;
  return (
    <section className="card outbox" aria-live="polite" aria-label={m.label}>
      {queued.length ? (
        <>
          <h2>{fill(m.waiting, { count: queued.length })}</h2>
          <p className="meta">{m.explain}</p>
          <ul>
            {queued.map((r) => (
              <li key={r.key}>
                {`${r.summary} `}<span className="meta">{fill(m.queuedAt, { time: f.dateTime(new Date(r.queuedAt)) })}</span>
                {r.error ? (
                  <>
                    {" – "}
                    <span className="field-error">{fill(m.failed, { reason: r.error })}</span>{" "}
                    <button type="button" className="btn-link" onClick={() => discard(r.key)}>
                      {common.remove}
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {sent.length ? <p role="status">{fill(m.sent, { list: sent.map((r) => r.summary).join("; ") })}</p> : null}
    </section>
  );
}
