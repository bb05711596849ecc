import { Transform } from "node:stream";

/** A body streamed on to its reader (the CSV import) that fails with `BodyTooLarge` once it passes
 * the cap, with or without Content-Length. */
export class BodyTooLarge extends Error {}
export function capStream(maxBytes: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      done(total > maxBytes ? new BodyTooLarge() : null, chunk);
    },
  });
}

// Reads a request (or fetched response) body up to a cap, counting bytes as they arrive: a declared Content-Length over
// the cap is refused at once, and a body without one (Transfer-Encoding: chunked) or with a false
// one is cut off as soon as it passes the cap, never read whole first (issue 26).
export async function readBodyCapped(request: Pick<Request, "headers" | "body">, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}
