// An embedded PostgreSQL for the demo: PGlite (PostgreSQL compiled to WebAssembly) served over the wire
// protocol, so Spur connects with its usual pg driver adapter. Migrations are the committed
// prisma/migrations/*/migration.sql, applied in order and recorded in Prisma's own _prisma_migrations table
// (same checksums), so a re-run applies only new ones and `prisma migrate status` agrees.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface EmbeddedPostgres {
  url: string;
  /** Names of the migrations applied by this start (empty when the data directory was up to date). */
  applied: string[];
  stop(): Promise<void>;
}

const MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

/** Applies the migrations in `migrationsDir` that are not recorded yet, each in its own transaction. */
export async function applyMigrations(db: PGlite, migrationsDir: string): Promise<string[]> {
  await db.exec(MIGRATIONS_TABLE);
  const done = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(done.rows.map((r) => r.migration_name));
  const pending = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !applied.has(d.name))
    .map((d) => d.name)
    .sort();
  for (const name of pending) {
    const sql = readFileSync(join(migrationsDir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), checksum, name],
      );
    });
  }
  return pending;
}

/**
 * Opens (or creates) the database in `dataDir` ("memory://" for a throwaway one), applies the migrations
 * and serves it on 127.0.0.1 at a free port.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; migrationsDir: string }): Promise<EmbeddedPostgres> {
  if (!options.dataDir.startsWith("memory://")) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  const applied = await applyMigrations(db, options.migrationsDir);
  // PGlite runs one query at a time; the server queues the pool's connections and keeps a transaction's
  // statements together.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 50 });
  await server.start();
  return {
    url: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    applied,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
