// @ts-check

/** Security headers sent with every response. The nonce-based CSP comes with the security
 * issue; these hold for every page already. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self)" },
];

const publicHost = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : undefined;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or Node-only modules stay outside the server bundle.
  // Every server action keeps the 1 MB body limit: files go to routes with their own caps
  // (lib/http/file-upload.ts). Behind a proxy that does not pass the public host on, actions are
  // accepted from NEXTAUTH_URL's host; proxy.ts refuses any other Origin (issue 26).
  experimental: { serverActions: { bodySizeLimit: "1mb", ...(publicHost ? { allowedOrigins: [publicHost] } : {}) } },
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "@prisma/adapter-pg", "sharp"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Route handlers answer JSON, images and calendars only: a policy that allows nothing, set
      // here rather than by proxy.ts, whose per-request nonce such a response has no use for (a
      // quarter of the API's server time under load went to running it).
      { source: "/incidents/import/upload", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }] },
    ];
  },
};

module.exports = nextConfig;
