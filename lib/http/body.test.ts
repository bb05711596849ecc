import { test } from "node:test";
import assert from "node:assert/strict";
import { readBodyCapped } from "./body";

/** A chunked body (no Content-Length) of `chunks` chunks of 1 KiB, counting how many were pulled. */
function chunked(chunks: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(1024).fill(65));
    },
  });
  return { request: new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit), pulled: () => pulled };
}

test("a body is read up to its cap and no further, whatever Content-Length says or omits (issue 26)", async () => {
  const small = chunked(3);
  assert.equal((await readBodyCapped(small.request, 4096))?.byteLength, 3072);
  const large = chunked(10_000);
  assert.equal(await readBodyCapped(large.request, 8192), null);
  assert.ok(large.pulled() <= 10, `stopped at the cap, not after the whole body (${large.pulled()} KiB read)`);
  const declared = new Request("http://x/", { method: "POST", body: "x".repeat(10), headers: { "content-length": "999999" } });
  assert.equal(await readBodyCapped(declared, 100), null, "a declared length over the cap is refused before reading");
  assert.deepEqual(await readBodyCapped(new Request("http://x/", { method: "POST" }), 10), new Uint8Array());
});

test("a streamed upload fails with BodyTooLarge once past its cap, and its reader hears of it (issue 26)", async () => {
  const { Readable } = await import("node:stream");
  const { text } = await import("node:stream/consumers");
  const { BodyTooLarge, capStream } = await import("./body");
  const chunks = (n: number) => Readable.from(Array.from({ length: n }, () => Buffer.alloc(1024, 65)));
  assert.equal((await text(chunks(3).pipe(capStream(4096)))).length, 3072);
  await assert.rejects(text(chunks(100).pipe(capStream(8192))), BodyTooLarge);
});
