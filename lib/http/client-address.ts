import "server-only";
import { env } from "@/lib/env";

type Header = (name: string) => string | null | undefined;

/**
 * The client's address, for rate limits and the access log (never for access decisions).
 * X-Forwarded-For is a chain each proxy appends to; the app's own server (scripts/server.mjs)
 * appends the socket's address last. What a client writes itself stands to the left, so the
 * address is the entry TRUSTED_PROXY_HOPS places from the right: with no proxy in front, the
 * socket's address; behind nginx, what nginx saw (issue 26).
 */
export function clientAddress(header: Header, hops = env().TRUSTED_PROXY_HOPS): string {
  const chain = (header("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return chain.length === 0 ? "direct" : chain[Math.max(0, chain.length - 1 - hops)]!;
}

/** The X-Forwarded-For header as it arrived, for the access log beside the address (bounded). */
export function forwardedChain(header: Header): string | null {
  return header("x-forwarded-for")?.slice(0, 300) || null;
}
