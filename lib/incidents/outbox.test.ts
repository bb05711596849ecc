import { test } from "node:test";
import assert from "node:assert/strict";
import { enqueue, flushOutbox, readOutbox, type QueuedReport } from "./outbox";

const data = new Map<string, string>();
function memoryStorage(owner = crypto.randomUUID()) {
  return { storage: { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) }, owner };
}

const report = (key: string): QueuedReport => ({ key, payload: { idempotencyKey: key, place: `Plats ${key}` }, queuedAt: "2026-11-26T20:00:00.000Z", summary: `Plats ${key}` });

test("queued reports survive a reload and the same key is never queued twice", () => {
  const storage = memoryStorage();
  enqueue(storage, report("a"));
  enqueue(storage, report("b"));
  enqueue(storage, { ...report("a"), summary: "ändrad" });
  assert.deepEqual(readOutbox(storage).map((r) => [r.key, r.summary]), [["b", "Plats b"], ["a", "ändrad"]]);
});

test("a flush sends in order, keeps what the server rejects and stops when the network is gone", async () => {
  const storage = memoryStorage();
  for (const k of ["a", "b", "c", "d"]) enqueue(storage, report(k));
  const calls: string[] = [];
  let online = true;
  const send = async (payload: Record<string, unknown>) => {
    const key = payload.idempotencyKey as string;
    calls.push(key);
    if (!online) throw new TypeError("Failed to fetch");
    if (key === "b") return { ok: false as const, message: "Välj en kategori." };
    if (key === "c") online = false; // the connection drops after c is saved, before d
    return { ok: true as const };
  };
  const first = await flushOutbox(storage, send);
  assert.deepEqual(first.sent.map((r) => r.key), ["a", "c"]);
  assert.deepEqual(first.remaining.map((r) => [r.key, r.error ?? null]), [["b", "Välj en kategori."], ["d", null]]);
  online = true;
  const second = await flushOutbox(storage, send);
  assert.deepEqual(second.sent.map((r) => r.key), ["d"]);
  // A rejected report is not resent on its own: the reporter fixes or discards it.
  assert.deepEqual(calls, ["a", "b", "c", "d", "d"]);
  assert.deepEqual(second.remaining.map((r) => r.key), ["b"]);
});

test("a damaged outbox reads as empty instead of breaking the form", () => {
  const storage = memoryStorage();
  storage.storage.setItem(`est.outbox.v1.${storage.owner}`, "{not json");
  assert.deepEqual(readOutbox(storage), []);
});

test("each user on a shared device has their own queue", () => {
  const anna = memoryStorage("anna");
  const bo = { ...anna, owner: "bo" };
  enqueue(anna, report("a"));
  assert.equal(readOutbox(anna).length, 1);
  assert.deepEqual(readOutbox(bo), []);
});
