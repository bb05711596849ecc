import path from "node:path";
import { defineConfig } from "prisma/config";
import { createCliAdapter } from "./prisma/cli-adapter";

// The 6.19 CLI falls back to downloading a native engine when the datasource url cannot be
// resolved, so a harmless local default keeps `prisma generate` working on a fresh clone.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:54329/est";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx --conditions=react-server prisma/seed.ts",
  },
  adapter: async () => createCliAdapter(process.env.DATABASE_URL as string),
});
