import { test } from "node:test";
import assert from "node:assert/strict";
import { clientAddress } from "./client-address";

const from = (xff: string | null) => (name: string) => (name === "x-forwarded-for" ? xff : null);

test("the client's address is taken from the right of the forwarding chain, never from what the client wrote (issue 26)", () => {
  // The app's own server appended the socket's address (203.0.113.5) after what the client sent.
  assert.equal(clientAddress(from("1.2.3.4, 203.0.113.5"), 0), "203.0.113.5", "no proxy: the socket's address");
  assert.equal(clientAddress(from("203.0.113.5"), 0), "203.0.113.5");
  // Behind nginx: the client forged 1.2.3.4, nginx appended what it saw (198.51.100.7), the app's
  // server appended nginx's address (127.0.0.1).
  assert.equal(clientAddress(from("1.2.3.4, 198.51.100.7, 127.0.0.1"), 1), "198.51.100.7");
  assert.equal(clientAddress(from("198.51.100.7, 127.0.0.1"), 1), "198.51.100.7");
  // More hops configured than there are entries: the leftmost, never an index out of range.
  assert.equal(clientAddress(from("127.0.0.1"), 2), "127.0.0.1");
  assert.equal(clientAddress(from(null), 0), "direct");
  assert.equal(clientAddress(from(" , "), 0), "direct");
});
