import { NextResponse, type NextRequest } from "next/server";

// Only tells the root layout which language a public page is in (for <html lang dir>). It
// protects nothing: every page and route checks access itself (lib/auth/permissions.ts).
const LANGS = new Set(["sv", "en", "ar", "so"]);

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  const lang = request.nextUrl.searchParams.get("lang");
  headers.set("x-est-lang", lang && LANGS.has(lang) ? lang : "sv");
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/tipsa/:path*", "/ni-sa-vi-gjorde/:path*"] };
