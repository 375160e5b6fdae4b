// The Prisma client over node-postgres (Rust-free client, driver adapter), and plain SQL over the same pool.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { type Sql, sqlOver } from "./sql.ts";

export type Db = PrismaClient;

/**
 * How long a query waits for a connection. pg waits forever by default, so a database host that stops
 * answering (rather than refusing) would leave a command without any reply.
 */
const CONNECTION_TIMEOUT_MS = 10_000;

const pools = new WeakMap<Db, Sql>();
const rawPools = new WeakMap<Db, pg.Pool>();

/** `preparedStatements: false` runs named statements unnamed (connections that share one server session). */
export function createPrisma(databaseUrl: string, options: { poolSize?: number; preparedStatements?: boolean } = {}): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS });
  // An idle connection that drops (a database restart) leaves the pool; the next query opens a new one.
  pool.on("error", () => undefined);
  // $disconnect ends the pool, as it does the pool the adapter would otherwise create itself.
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, sqlOver(pool, { prepared: options.preparedStatements ?? true }));
  rawPools.set(db, pool);
  return db;
}

/** Plain SQL on the database `db` talks to, over the same connections (see sql.ts). */
export function sqlOf(db: Db): Sql {
  const sql = pools.get(db);
  if (!sql) throw new Error("sqlOf: this Prisma client was not made by createPrisma");
  return sql;
}

/** The connection pool itself, for what Prisma and `sqlOf` cannot do (COPY FROM STDIN). */
export function poolOf(db: Db): pg.Pool {
  const pool = rawPools.get(db);
  if (!pool) throw new Error("poolOf: this Prisma client was not made by createPrisma");
  return pool;
}
