// The device's outbox for incident reports made without network (a night walker in a stairwell,
// a caretaker in a garage). Reports wait in localStorage – small, synchronous, and kept across
// reloads and restarts of the phone's browser – and are sent when the device is back online.
// Each keeps the idempotency key it was made with, so a send that is retried after a lost reply
// never creates a second incident (the server returns the first). Each user has their own queue
// (on a shared phone, nobody sends someone else's reports). Pure apart from `storage`.
export type QueuedReport = { key: string; payload: Record<string, unknown>; queuedAt: string; summary: string; error?: string };

/** Where a user's queue lives: the browser's storage and the user's id. */
export type Outbox = { storage: Pick<globalThis.Storage, "getItem" | "setItem">; owner: string };

const storageKey = (owner: string) => `est.outbox.v1.${owner}`;

export function readOutbox({ storage, owner }: Outbox): QueuedReport[] {
  try {
    const parsed = JSON.parse(storage.getItem(storageKey(owner)) ?? "[]") as unknown;
    return Array.isArray(parsed) ? (parsed as QueuedReport[]).filter((r) => typeof r?.key === "string" && r.payload) : [];
  } catch {
    return [];
  }
}

function write({ storage, owner }: Outbox, reports: QueuedReport[]) {
  storage.setItem(storageKey(owner), JSON.stringify(reports));
}

/** Queues a report; queuing the same key again replaces it (never two copies). */
export function enqueue(box: Outbox, report: QueuedReport): QueuedReport[] {
  const next = [...readOutbox(box).filter((r) => r.key !== report.key), report];
  write(box, next);
  return next;
}

export function remove(box: Outbox, key: string): QueuedReport[] {
  const next = readOutbox(box).filter((r) => r.key !== key);
  write(box, next);
  return next;
}

export function markFailed(box: Outbox, key: string, error: string): QueuedReport[] {
  const next = readOutbox(box).map((r) => (r.key === key ? { ...r, error } : r));
  write(box, next);
  return next;
}

export type SendOutcome = "sent" | "rejected" | "offline";

/**
 * Sends the queued reports in order. A report the server accepts (or already had) leaves the
 * queue; one it rejects stays, marked with the reason, for the reporter to fix or discard; a
 * network failure stops the run (the rest wait for the next time the device is online).
 */
export async function flushOutbox(
  box: Outbox,
  send: (payload: Record<string, unknown>) => Promise<{ ok: true } | { ok: false; message: string }>,
): Promise<{ sent: QueuedReport[]; remaining: QueuedReport[] }> {
  const sent: QueuedReport[] = [];
  for (const report of readOutbox(box)) {
    if (report.error) continue;
    let result: Awaited<ReturnType<typeof send>>;
    try {
      result = await send(report.payload);
    } catch {
      break; // still offline, or the connection dropped: keep it for the next try
    }
    if (result.ok) {
      remove(box, report.key);
      sent.push(report);
    } else {
      markFailed(box, report.key, result.message);
    }
  }
  return { sent, remaining: readOutbox(box) };
}
