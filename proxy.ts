import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

// Three jobs, none of them access control (every page and route checks access itself through
// lib/auth/permissions.ts): a fresh nonce-based Content-Security-Policy for every response, the
// language of the residents' public pages for <html lang dir>, and the Origin of server actions
// (a CSRF check).
const LANGS = new Set(["sv", "en", "ar", "so"]);
const PUBLIC_LANG_PATHS = ["/tipsa", "/ni-sa-vi-gjorde"];

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // Next.js puts the nonce on its own scripts; 'strict-dynamic' lets them load the chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (React style props, Leaflet) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    // Map tiles come from the server configured in MAP_TILE_URL.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    // The offline report form's service worker (public/sw.js) and the install manifest.
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * A server action from a browser must come from the app's own address. Next.js compares Origin
 * with X-Forwarded-Host, which any client can write (a forged pair passes it); with NEXTAUTH_URL
 * set, the Origin must be that address, whatever the headers say (issue 26). A request without
 * Origin is no browser's, so it carries no victim's cookie and is left to Next.js.
 */
export function foreignActionOrigin(request: Request, publicUrl: string | undefined): boolean {
  if (!publicUrl || request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  return origin !== null && origin !== new URL(publicUrl).origin;
}

export function proxy(request: NextRequest) {
  if (foreignActionOrigin(request, env().NEXTAUTH_URL)) return new NextResponse("Förbjuden begäran.", { status: 403 });
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  // The page a refusal is logged against (lib/action-errors.ts); a client's own value is replaced.
  headers.set("x-est-path", request.nextUrl.pathname.slice(0, 200));
  const lang = request.nextUrl.searchParams.get("lang");
  const isPublic = PUBLIC_LANG_PATHS.some((p) => request.nextUrl.pathname.startsWith(p));
  // The residents' pages take their language from the URL; every other page from the viewer.
  if (isPublic && lang && LANGS.has(lang)) headers.set("x-est-lang", lang);
  else headers.delete("x-est-lang");
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// Everything but the build's static files (which carry no HTML) and the route handlers under /api
// (JSON, images and calendars, with a fixed policy from next.config.js). Keeping /api out also
// keeps Next.js from buffering a request body for the proxy before the route runs: each route
// reads its body itself, up to its own cap (lib/http/body.ts).
// The CSV upload (NDJSON progress) likewise: Next.js would otherwise hold up to 10 MB of a 50 MB
// file in memory for the proxy, and hand the route only those 10 MB.
export const config = { matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/|incidents/import/upload).*)" }] };
