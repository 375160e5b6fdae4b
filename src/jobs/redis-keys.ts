// Every Redis key Spur writes (BullMQ's queues, the posting budgets) starts with `{<QUEUE_PREFIX>}:`. The braces
// are a Redis Cluster hash tag: all the keys hash to one slot, so BullMQ's multi-key scripts work on a cluster.
import type { Redis } from "ioredis";

export function redisKeyPrefix(queuePrefix: string): string {
  return `{${queuePrefix}}`;
}

/**
 * Moves keys written before the hash tag (`spur:…`) to `{spur}:…`, so waiting and delayed jobs survive the upgrade.
 * Run with every Spur process stopped (`npm run redis:hash-tag`); a key that exists under both names is kept as
 * the tagged one and reported.
 */
export async function moveToHashTaggedKeys(redis: Redis, queuePrefix: string): Promise<{ moved: number; kept: string[] }> {
  const from = `${queuePrefix}:`;
  const to = `${redisKeyPrefix(queuePrefix)}:`;
  let moved = 0;
  const kept: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${queuePrefix.replace(/[*?[\]\\]/g, "\\$&")}:*`, "COUNT", 1000);
    cursor = next;
    for (const key of keys) {
      const renamed = await redis.renamenx(key, to + key.slice(from.length));
      if (renamed === 1) moved += 1;
      else kept.push(key);
    }
  } while (cursor !== "0");
  return { moved, kept };
}
