#!/usr/bin/env node
// A small round-robin HTTP proxy on loopback, for running the e2e suite against several app
// instances at once (usage: PORT=3100 node scripts/round-robin-proxy.mjs 3101 3102). Each request
// goes to the next instance; Host is kept, so server actions' Origin check still holds. A test
// fixture, not a production load balancer (use nginx, HAProxy or the platform's own).
import { writeFileSync } from "node:fs";
import http from "node:http";

const port = Number(process.env.PORT || 3100);
const targets = process.argv.slice(2).map(Number);
if (targets.length === 0) {
  console.error("Användning: PORT=3100 node scripts/round-robin-proxy.mjs <port> <port> …");
  process.exit(2);
}
let next = 0;
const served = new Map(targets.map((t) => [t, 0]));

const server = http.createServer((req, res) => {
  const target = targets[next++ % targets.length];
  served.set(target, served.get(target) + 1);
  const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
  const upstream = http.request(
    { host: "127.0.0.1", port: target, method: req.method, path: req.url, headers: { ...req.headers, "x-forwarded-for": forwardedFor } },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
    res.end("Ingen instans svarade.");
  });
  req.pipe(upstream);
});
server.listen(port, "127.0.0.1", () => console.log(`proxy: ${port} → ${targets.join(", ")}`));
const stop = () => {
  console.log(`proxy: ${[...served].map(([t, n]) => `${t}: ${n} förfrågningar`).join(", ")}`);
  // For the caller to check that every instance took part (E2E_PROXY_STATS=file).
  if (process.env.E2E_PROXY_STATS) writeFileSync(process.env.E2E_PROXY_STATS, JSON.stringify(Object.fromEntries(served)));
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
