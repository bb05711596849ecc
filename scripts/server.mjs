#!/usr/bin/env node
// The production web server: Next.js's request handler behind Node's own HTTP server, so that the
// address a request really came from reaches the app. `next start` keeps a client's own
// X-Forwarded-For as it is, so a client could write any address into the rate limits and the
// access log (issue 26). Here the socket's address is appended to X-Forwarded-For as every proxy
// does; lib/http/client-address.ts then takes the entry TRUSTED_PROXY_HOPS places from the right.
//   PORT=3000 node scripts/server.mjs      (npm start runs it)
import { createServer } from "node:http";
import next from "next";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const app = next({ dev: false, dir: new URL("..", import.meta.url).pathname, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const socket = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  const forwarded = [req.headers["x-forwarded-for"]].flat().filter(Boolean).join(",");
  req.headers["x-forwarded-for"] = [forwarded, socket].filter(Boolean).join(", ");
  void handle(req, res);
});
server.keepAliveTimeout = 65_000; // longer than a load balancer's idle timeout, as next start sets it
server.listen(port, hostname, () => console.log(`est: lyssnar på http://${hostname ?? "localhost"}:${port}`));

// Stop taking requests on SIGTERM/SIGINT and let those under way finish (up to five seconds);
// idle keep-alive connections are closed at once.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 5_000).unref();
  });
}
