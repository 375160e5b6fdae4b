// npm run redis:hash-tag   Moves Spur's Redis keys from `<QUEUE_PREFIX>:…` (written before keys were hash-tagged)
// to `{<QUEUE_PREFIX>}:…`, keeping waiting and delayed jobs. Stop every Spur process first.
import { Redis } from "ioredis";
import { loadConfig } from "../config.ts";
import { moveToHashTaggedKeys, redisKeyPrefix } from "../jobs/redis-keys.ts";

async function main(): Promise<number> {
  const config = loadConfig();
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  try {
    const { moved, kept } = await moveToHashTaggedKeys(redis, config.QUEUE_PREFIX);
    process.stdout.write(`Moved ${moved} keys from ${config.QUEUE_PREFIX}:… to ${redisKeyPrefix(config.QUEUE_PREFIX)}:….\n`);
    if (kept.length > 0) process.stdout.write(`${kept.length} keys already existed under the new name and were left as they are: ${kept.slice(0, 10).join(", ")}\n`);
    return 0;
  } finally {
    await redis.quit();
  }
}

process.exitCode = await main();
