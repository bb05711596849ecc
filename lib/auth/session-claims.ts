import "server-only";
import type { JWT } from "next-auth/jwt";
import { env } from "@/lib/env";
import { loadViewer } from "./load-viewer";
import type { Viewer } from "./viewer";

export type SessionLimits = { idleMinutes: number; maxHours: number };

/**
 * Whether a decoded session token is still alive, by its own claims, checked on the server: `iat`
 * is renewed each time the client's keep-alive renews the cookie (the last time the user was seen),
 * `loginAt` is the sign-in. Neither the cookie's expiry in the browser nor the token's `exp`
 * alone is trusted: a replayed cookie past either limit opens nothing.
 */
export function sessionClaimsAlive(token: (Pick<JWT, "uid" | "sv" | "loginAt"> & { iat?: unknown }) | null, limits: SessionLimits, now = Date.now()): boolean {
  if (!token?.uid || token.sv === undefined || !token.loginAt || typeof token.iat !== "number") return false;
  if (now - token.iat * 1000 > limits.idleMinutes * 60_000) return false;
  if (now - token.loginAt > limits.maxHours * 3_600_000) return false;
  return true;
}

/** The viewer a decoded session token stands for, or null when its idle or absolute limit has
 * passed (claims checked here, on the server) or the user was disabled or signed out. */
export async function viewerFromToken(token: JWT | null, now = Date.now()): Promise<Viewer | null> {
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = env();
  if (!token || !sessionClaimsAlive(token, { idleMinutes: SESSION_IDLE_MINUTES, maxHours: SESSION_MAX_HOURS }, now)) return null;
  return loadViewer(token.uid!, token.sv);
}
