// EST's service worker: the weekly report form opens without network (a stairwell, a garage),
// and reports made there wait on the device until it is online again (lib/incidents/outbox.ts).
// Network first, always: when online, every page and script is the server's current one; the
// cache is only the fallback. Only the report form's pages and the build's static files are kept.
const CACHE = "est-offline-v1";
const REPORT_PAGE = /^\/incidents\/week\/\d{4}-W\d{2}$/;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const page = request.mode === "navigate" && REPORT_PAGE.test(url.pathname);
  const asset = url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/");
  if (!page && !asset) return;
  const cacheKey = page ? url.pathname : request;
  event.respondWith(
    fetch(request)
      .then((response) => {
        // The server sends the form elsewhere – to sign in, when the session has ended – or refuses
        // it: the device keeps no copy of the form from then on, whoever holds it (issue 26). A
        // navigation's redirect reaches the worker as an opaque one, without its address.
        if (page && (response.type === "opaqueredirect" || response.redirected || response.status === 401 || response.status === 403)) {
          event.waitUntil(caches.delete(CACHE));
        } else if (response.ok && !response.redirected) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(cacheKey, copy)));
        }
        return response;
      })
      .catch(async () => (await caches.match(cacheKey)) ?? Response.error()),
  );
});

// The sign-in page asks for the cache to be emptied: a signed-out device keeps no page of anyone's.
self.addEventListener("message", (event) => {
  if (event.data === "est:clear") event.waitUntil(caches.delete(CACHE));
});
