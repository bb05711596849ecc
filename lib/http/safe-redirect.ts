// Where the app sends a user after signing in: only a path on this site. Parsed as a browser would
// (WHATWG URL: "\" is "/", tabs and newlines are dropped) against a placeholder origin, so
// "/\evil.example", "/%09/evil.example" or "/.//evil.example" cannot become a protocol-relative
// address. Used by the sign-in page, the sign-in form and next-auth's redirect callback.
const PLACEHOLDER = "http://est.invalid";

export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER);
  } catch {
    return "/";
  }
  if (url.origin !== PLACEHOLDER) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that itself starts with two slashes would be read as another host when navigated to.
  return /^\/[/\\]/.test(path) ? "/" : path;
}
