/**
 * The client's address as the reverse proxy in front of the app reports it (X-Forwarded-For's
 * first entry, or X-Real-IP). Only meaningful behind a proxy that sets these; used for rate
 * limits, never for access decisions.
 */
export function clientAddress(header: (name: string) => string | null | undefined): string {
  return header("x-forwarded-for")?.split(",")[0]?.trim() || header("x-real-ip")?.trim() || "direct";
}
