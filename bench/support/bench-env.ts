// A database and Redis prefix of the benchmark's own, migrated with the production command.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";

export const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface BenchEnv {
  databaseUrl: string;
  queuePrefix: string;
  cleanup(): Promise<void>;
}

export async function createBenchEnv(name: string): Promise<BenchEnv> {
  const db = `spur_bench_${name}_${randomBytes(3).toString("hex")}`;
  await admin(`CREATE DATABASE "${db}"`);
  const u = new URL(ADMIN_URL);
  u.pathname = `/${db}`;
  const databaseUrl = u.toString();
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const queuePrefix = `spur-bench-${randomBytes(3).toString("hex")}`;
  return {
    databaseUrl,
    queuePrefix,
    cleanup: async () => {
      await admin(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      const redis = new Redis(REDIS_URL);
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `*${queuePrefix}*`, "COUNT", 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== "0");
      redis.disconnect();
    },
  };
}
