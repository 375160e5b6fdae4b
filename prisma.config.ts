// Prisma CLI configuration: the JavaScript schema engine over a pg driver adapter, so `generate` and
// `migrate` never download a native engine. Only read by the Prisma CLI (not by the running service).
import { defineConfig } from "prisma/config";
import { migrationAdapterFactory } from "./prisma/migration-adapter.ts";

// `prisma generate` never connects, but Prisma 6 falls back to downloading a native engine when the
// datasource URL is missing; give generation (e.g. on `npm ci`) a placeholder that is never dialled.
if (!process.env.DATABASE_URL && process.argv.includes("generate")) {
  process.env.DATABASE_URL = "postgresql://generate-only@localhost:5432/unused";
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // `prisma generate` needs no database but does need an adapter to exist; the connection is only
  // opened by commands that use it, which fail clearly without DATABASE_URL.
  adapter: async () => migrationAdapterFactory(requireDatabaseUrl),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: point it at the PostgreSQL database to migrate.");
  return url;
}
