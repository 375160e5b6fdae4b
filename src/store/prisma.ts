// The Prisma client over node-postgres (Rust-free client, driver adapter).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export type Db = PrismaClient;

/**
 * How long a query waits for a connection. pg waits forever by default, so a database host that stops
 * answering (rather than refusing) would leave a command without any reply.
 */
const CONNECTION_TIMEOUT_MS = 10_000;

export function createPrisma(databaseUrl: string, options: { poolSize?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}
