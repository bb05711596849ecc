import "server-only";

/**
 * Mutating route handlers accept only same-origin browser requests: a cross-site form or fetch
 * (Origin of another site, "null", or Sec-Fetch-Site: cross-site) is refused. Server actions get
 * the same check from Next.js itself.
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin) return site === "same-origin";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
